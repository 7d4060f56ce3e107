import { Logger } from '@aws-lambda-powertools/logger';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RedactingLogFormatter } from '../src/commons/logger';
import { redact, redactText } from '../src/commons/redact';

const idNumber = '36010219900101123X';
const phone = '13812345678';

describe('redaction of personal data in logs', () => {
  afterEach(() => vi.restoreAllMocks());

  it('scrubs ID numbers, phones and bearer tokens from free text', () => {
    const text = redactText(`mother ${idNumber} phone ${phone} Authorization: Bearer abc.def.ghi`);
    expect(text).not.toContain(idNumber);
    expect(text).not.toContain(phone);
    expect(text).not.toContain('abc.def.ghi');
    expect(text).toContain('[id-number]');
  });

  it('replaces values of sensitive keys whole, at any depth', () => {
    const out = redact({ body: { mother: { idNumber: 'X', phone: 'Y', name: '王芳' } }, token: 't' });
    expect(out).toEqual({
      body: { mother: { idNumber: '[redacted]', phone: '[redacted]', name: '[redacted]' } },
      token: '[redacted]',
    });
  });

  it('writes log lines without the personal data a careless call passes', () => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    const logger = new Logger({ serviceName: 'test', logFormatter: new RedactingLogFormatter() });
    logger.info(`submitted by ${phone}`, { request: { idNumber, note: `call ${phone}` }, userId: 'u_1' });

    const written = lines.join('\n');
    expect(written).toContain('u_1');
    expect(written).not.toContain(idNumber);
    expect(written).not.toContain(phone);
  });
});

describe('an unexpected error is logged whole, without personal data', () => {
  afterEach(() => vi.restoreAllMocks());

  function capture(): string[] {
    const lines: string[] = [];
    for (const stream of [process.stdout, process.stderr]) {
      vi.spyOn(stream, 'write').mockImplementation((chunk) => {
        lines.push(String(chunk));
        return true;
      });
    }
    return lines;
  }

  function failDeepInTheService(): never {
    const cause = new Error(`condition failed for mother ${idNumber}`);
    throw new TypeError(`cannot read the record of ${phone}`, { cause });
  }

  it('keeps the stack and the cause of the 5xx path, scrubbed of ID numbers and phones', () => {
    const lines = capture();
    const logger = new Logger({ serviceName: 'test', logFormatter: new RedactingLogFormatter() });
    try {
      failDeepInTheService();
    } catch (error) {
      logger.error('Unhandled error', { error, routeKey: 'POST /v1/x' });
    }

    const line = JSON.parse(lines.join('')) as { error: Record<string, unknown> };
    const error = line.error as {
      name: string;
      message: string;
      stack: string;
      cause: Record<string, string>;
    };
    expect(error.name).toBe('TypeError');
    expect(error.message).toBe('cannot read the record of [phone]');
    // The stack names the frame that threw: the bug can be found from the log alone.
    expect(String(error.stack)).toContain('failDeepInTheService');
    expect(error.cause.message).toBe('condition failed for mother [id-number]');
    expect(String(error.cause.stack)).toContain('failDeepInTheService');
    const written = lines.join('\n');
    expect(written).not.toContain(idNumber);
    expect(written).not.toContain(phone);
  });

  it('scrubs personal data a stack itself carries (the message is its first line)', () => {
    const out = redact(new Error(`bad ${idNumber}`)) as { stack: string; name: string };
    expect(out.name).toBe('Error');
    expect(out.stack).toContain('at ');
    expect(out.stack).not.toContain(idNumber);
  });
});
