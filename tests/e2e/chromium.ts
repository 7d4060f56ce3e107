import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { woffToSfnt } from '../../functions/src/reports/woff';

/**
 * The browser of the journeys, on any machine `npm ci` has run on:
 * - Debian's chromium when it is installed (faster to start, and what CI used to install);
 * - otherwise the Chromium that ships inside `@sparticuz/chromium` (decision 0023): it
 *   unpacks to /tmp on first use. On a machine that lacks the shared libraries it needs
 *   (a bare Debian image has no libnss3), the Amazon Linux 2023 set packed beside it is
 *   unpacked too and put on the browser's library path only.
 * Chinese text: the browser gets a fontconfig file that adds Noto Sans SC (from
 * @fontsource/noto-sans-sc, already a dependency of the report PDFs) to whatever fonts the
 * system has, so screenshots show Chinese, not boxes, with no font package installed.
 * `HONGJIA_BROWSER=npm` forces the npm Chromium for the whole run (to try that path on a machine
 * that has both); browser-launch.test.ts always starts both that exist.
 */

const debianChromium = '/usr/bin/chromium';

const commonArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type ChromiumSource = 'debian' | 'npm';

/** The browsers this machine can start, preferred first. */
export function availableChromium(): ChromiumSource[] {
  const debian = existsSync(debianChromium) && process.env.HONGJIA_BROWSER !== 'npm';
  return debian ? ['debian', 'npm'] : ['npm'];
}

export async function launchChromium(
  source: ChromiumSource = availableChromium()[0] ?? 'npm',
): Promise<Browser> {
  return chromium.launch(await chromiumLaunchOptions(source));
}

/**
 * What `launchChromium` launches with (binary, flags, environment), for callers that need
 * another kind of launch: the Lighthouse bench opens a persistent profile with a debugging
 * port, so Lighthouse's tab shares the storage the bench signed in with.
 */
export async function chromiumLaunchOptions(
  source: ChromiumSource = availableChromium()[0] ?? 'npm',
): Promise<{ executablePath: string; args: string[]; env: Record<string, string> }> {
  const env: Record<string, string> = { ...stringEnv(), FONTCONFIG_FILE: fontconfigWithChinese() };
  if (source === 'debian') return { executablePath: debianChromium, args: commonArgs, env };
  const { default: packed, inflate } = await import('@sparticuz/chromium');
  const executablePath = await packed.executablePath();
  const missing = missingLibraries(executablePath);
  if (missing.length > 0) {
    const packageDir = join(createRequire(import.meta.url).resolve('@sparticuz/chromium'), '..', '..');
    const libDir = join(await inflate(join(packageDir, 'bin', 'al2023.tar.br')), 'lib');
    env.LD_LIBRARY_PATH = [libDir, env.LD_LIBRARY_PATH].filter(Boolean).join(':');
  }
  // --single-process (in packed.args) is for Lambda's sandbox; here it only slows pages down.
  const args = [...commonArgs, ...packed.args.filter((arg) => arg !== '--single-process')];
  return { executablePath, args: [...new Set(args)], env };
}

function stringEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/** Shared libraries the binary needs that this machine lacks (`ldd` reports "not found"). */
function missingLibraries(executablePath: string): string[] {
  try {
    const report = execFileSync('ldd', [executablePath], { encoding: 'utf8' });
    return report
      .split('\n')
      .filter((line) => line.includes('not found'))
      .map((line) => line.trim());
  } catch {
    // No ldd: assume the worst and bring the packed libraries.
    return ['(ldd unavailable)'];
  }
}

/** A fontconfig file: the system's configuration (if any) plus a directory holding Noto Sans SC. */
function fontconfigWithChinese(): string {
  const dir = join(tmpdir(), 'hongjia-e2e-fonts');
  const font = join(dir, 'NotoSansSC-Regular.otf');
  const config = join(dir, 'fonts.conf');
  if (!existsSync(config)) {
    mkdirSync(dir, { recursive: true });
    const woff = createRequire(import.meta.url).resolve(
      '@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff',
    );
    writeFileSync(font, woffToSfnt(readFileSync(woff)));
    writeFileSync(
      config,
      `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${dir}</dir>
  <cachedir>${join(dir, 'cache')}</cachedir>
</fontconfig>
`,
    );
  }
  return config;
}
