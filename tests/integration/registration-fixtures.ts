import { randomUUID } from 'node:crypto';
import { addDays, idNumberCheckCharacter, todayInChina } from '@hongjia/shared';
import { expect } from 'vitest';
import type { LocalRuntime } from '../../local/runtime';
import { call, signIn } from './harness';

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
  return addDays(todayInChina(), days);
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

/** 实名认证 of the signed-in user as `name` with `idNumber` (locally the face check accepts). */
export async function bindAs(runtime: LocalRuntime, token: string, name: string, idNumber: string) {
  const answer = await call(runtime, '/v1/me/identity', {
    token,
    body: { name, idNumber },
    headers: { 'idempotency-key': key('bind') },
  });
  expect(answer.status, answer.text).toBeLessThan(300);
}

/**
 * A family account bound by real name to the mother (or father) of couple
 * `n`, as filing requires: the same account for the same person within a test
 * file (a person binds one account), signed in as `<label>-<role>-<n>`.
 */
export function parents(runtime: LocalRuntime, label: string) {
  const tokens = new Map<string, Promise<string>>();
  return (n: number, role: 'mother' | 'father' = 'mother'): Promise<string> => {
    const id = `${role}-${n}`;
    let token = tokens.get(id);
    if (!token) {
      token = (async () => {
        const session = await signIn(runtime, `${label}-${id}`);
        const parent = registrationBody(n)[role];
        await bindAs(runtime, session.token, parent.name, parent.idNumber);
        return session.token;
      })();
      tokens.set(id, token);
    }
    return token;
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
