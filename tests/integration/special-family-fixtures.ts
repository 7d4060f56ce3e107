import { randomUUID } from 'node:crypto';
import { idNumberCheckCharacter } from '@hongjia/shared';
import type { LocalRuntime } from '../../local/runtime';
import { call } from './harness';

/**
 * Shared by the issue-5 integration tests: valid ID numbers, real-name binding
 * and special-family records created through the API as staff would.
 */

/** A GB 11643 ID number: region + birth date + serial (odd for men, even for women) + check character. */
export function validIdNumber(district: string, birthDate: string, sex: 'M' | 'F', serial: number): string {
  // Two digits from the serial, then a sex digit with the right parity.
  const base = Math.abs(Math.trunc(serial));
  const sequence = String(Math.floor(base / 5) % 100).padStart(2, '0');
  const sexDigit = 2 * (base % 5) + (sex === 'M' ? 1 : 0);
  const first17 = `${district}${birthDate.replaceAll('-', '')}${sequence}${sexDigit}`;
  const check = idNumberCheckCharacter(first17);
  if (!check) throw new Error(`cannot build an ID number from ${district}/${birthDate}/${serial}`);
  return `${first17}${check}`;
}

export const idempotencyKey = (label: string) => `${label}-${randomUUID()}`;

/** POST /v1/me/identity (locally the face check accepts). */
export function bindIdentity(runtime: LocalRuntime, token: string, name: string, idNumber: string) {
  return call(runtime, '/v1/me/identity', {
    token,
    body: { name, idNumber },
    headers: { 'idempotency-key': idempotencyKey('bind') },
  });
}

/** POST /v1/staff/special-families as staff; the answer (201 with the record view, or an error envelope). */
export function createFamily(
  runtime: LocalRuntime,
  staffToken: string,
  body: unknown,
  key = idempotencyKey('family'),
) {
  return call(runtime, '/v1/staff/special-families', {
    token: staffToken,
    body,
    headers: { 'idempotency-key': key },
  });
}

/** A bereaved (失独) urban family of 东湖区 with a mother born `motherBirthDate`; `serial` keeps numbers distinct. */
export function familyBody(serial: number, overrides: Record<string, unknown> = {}) {
  return {
    kind: 'bereaved',
    district: '360102',
    hukouType: 'urban',
    members: [
      {
        role: 'mother',
        name: '王秀英',
        idNumber: validIdNumber('360102', '1968-03-15', 'F', serial),
        phone: '13807910001',
      },
      {
        role: 'father',
        name: '李建国',
        idNumber: validIdNumber('360102', '1966-07-01', 'M', serial),
        phone: '13807910002',
      },
    ],
    childEventDate: '2019-06-01',
    ...overrides,
  };
}
