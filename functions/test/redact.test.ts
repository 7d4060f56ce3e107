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
