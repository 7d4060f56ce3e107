import { isValidCreditCode, parseIdNumber } from '@hongjia/shared';

/**
 * The functions' log output, kept for the personal-data check (issue 12, the
 * proof). Powertools' Logger writes one JSON line per entry to process.stdout
 * through its own Console, past vitest's console capture; this tees every
 * write of the process that carries a JSON log line into a buffer, and keeps
 * INFO and DEBUG lines off the terminal (WARN and ERROR still show). Installed
 * once per worker process (setup.ts), checked and emptied after each test file.
 */
interface Capture {
  lines: string[];
}

const key = Symbol.for('hongjia.test.logCapture');

export function captureLogs(): Capture {
  const holder = globalThis as { [key]?: Capture };
  const existing = holder[key];
  if (existing) return existing;
  const capture: Capture = { lines: [] };
  holder[key] = capture;
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const logLines = text.split('\n').filter((line) => line.startsWith('{"') && line.includes('"level"'));
    if (logLines.length === 0) return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    capture.lines.push(...logLines);
    const loud = logLines.filter((line) => /"level":"(WARN|ERROR|CRITICAL)"/.test(line));
    if (loud.length) write(`${loud.join('\n')}\n`);
    const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  }) as typeof process.stdout.write;
  // Every level a deployed function logs at (infra sets none lower): the request lines too.
  process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
  return capture;
}

/** Lines (from another process, e.g. a runtime child) added to the same check. */
export function addLogLines(text: string): void {
  const capture = captureLogs();
  capture.lines.push(...text.split('\n').filter((line) => line.startsWith('{"') && line.includes('"level"')));
}

/**
 * Personal data in a log line: a mobile number or a valid ID number standing
 * alone (not inside a hex id), or any of `values` (the seed's names, numbers
 * and texts) verbatim.
 */
export function personalDataIn(line: string, values: readonly string[]): string[] {
  const found: string[] = [];
  for (const [phone] of line.matchAll(/(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/g))
    found.push(`phone ${phone}`);
  for (const [candidate] of line.matchAll(/(?<![0-9A-Za-z])\d{17}[\dX](?![0-9A-Za-z])/g)) {
    if (parseIdNumber(candidate, '2100-01-01').ok && !isValidCreditCode(candidate))
      found.push(`ID number ${candidate}`);
  }
  for (const value of values) if (line.includes(value)) found.push(`seeded value ${value}`);
  return found;
}
