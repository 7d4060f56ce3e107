import { randomUUID } from 'node:crypto';
import { idNumberCheckCharacter } from '@hongjia/shared';
import type { LocalRuntime } from '../../local/runtime';
import { call } from './harness';

/** Valid ID numbers (GB 11643, Nanchang region) for test parent number `n`; distinct per n. */
export function idNumber(sex: 'M' | 'F', n: number, region = '360102'): string {
  const birth = new Date(Date.UTC(sex === 'F' ? 1994 : 1992, 0, 1) + (n % 3000) * 86_400_000);
  const date = birth.toISOString().slice(0, 10).replaceAll('-', '');
  const seq = String(Math.floor(n / 3000) % 50).padStart(2, '0');
  const sexDigit = sex === 'F' ? 2 * (n % 5) : 2 * (n % 5) + 1;
  const first17 = `${region}${date}${seq}${sexDigit}`;
  return `${first17}${idNumberCheckCharacter(first17)}`;
}

export function daysFromToday(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

export const key = (label: string) => `${label}-${randomUUID()}`;

/** A clean first-child registration of couple `n` in 东湖区, due in 120 days. */
export function registrationBody(n: number, overrides: Record<string, unknown> = {}) {
  return {
    kind: 'registration',
    parity: 1,
    mother: { name: '王小红', idNumber: idNumber('F', n), phone: '13812345678', hukouDistrict: '360102' },
    father: { name: '李大明', idNumber: idNumber('M', n), phone: '13987654321', hukouDistrict: '360102' },
    marriageDate: '2020-05-20',
    existingChildren: [],
    expectedDueDate: daysFromToday(120),
    ...overrides,
  };
}

export interface Created {
  id: string;
  receiptNo: string;
  status: 'approved' | 'pending_review';
  reasons?: { code: string; message: string; relatedRegistrationId?: string }[];
  version: number;
  certificateId?: string;
}

export async function submit(
  runtime: LocalRuntime,
  token: string,
  body: unknown,
  idempotencyKey = key('reg'),
) {
  return call(runtime, '/v1/registrations', { token, body, headers: { 'idempotency-key': idempotencyKey } });
}
