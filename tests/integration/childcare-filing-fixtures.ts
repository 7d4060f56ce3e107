import { addDays, creditCodeCheckCharacter, type DistrictCode, todayInChina } from '@hongjia/shared';
import { expect } from 'vitest';
import type { LocalRuntime } from '../../local/runtime';
import { call } from './harness';

/** Fixtures for childcare tests that go the real way: provider files, district staff approve, provider publishes. */

let filed = 0;

/** A valid GB 32100 credit code, different on every call (within a test file). */
export function creditCode(district: DistrictCode = '360102'): string {
  filed += 1;
  const first17 = `91${district}${String(100_000_000 + filed * 7919 + Math.floor(Math.random() * 1000)).slice(-9)}`;
  return `${first17}${creditCodeCheckCharacter(first17)}`;
}

export function filingBody(overrides: Record<string, unknown> = {}) {
  return {
    name: '测试托育中心',
    creditCode: creditCode(),
    address: '南昌市东湖区八一大道 100 号',
    district: '360102',
    lat: 28.6849,
    lng: 115.8999,
    affordable: true,
    monthlyFeeYuan: 1200,
    classes: [
      { ageClass: 'infant', capacity: 10, caregivers: 4 },
      { ageClass: 'toddler', capacity: 15, caregivers: 3 },
      { ageClass: 'preschool', capacity: 20, caregivers: 3 },
    ],
    ...overrides,
  };
}

let keys = 0;
export const key = (label: string) => `${label}-${Date.now()}-${++keys}`;

export async function fileInstitution(runtime: LocalRuntime, providerToken: string, body = filingBody()) {
  const answer = await call(runtime, '/v1/provider/institutions', {
    token: providerToken,
    body,
    headers: { 'idempotency-key': key('file') },
  });
  expect(answer.status, answer.text).toBe(201);
  return (answer.json as { id: string }).id;
}

export async function approve(runtime: LocalRuntime, staffToken: string, institutionId: string) {
  const answer = await call(runtime, `/v1/staff/childcare/filings/${institutionId}/decision`, {
    token: staffToken,
    body: { decision: 'approve' },
  });
  expect(answer.status, answer.text).toBe(200);
  return answer.json as { status: string; publishedAt?: string };
}

export async function publishSlot(
  runtime: LocalRuntime,
  providerToken: string,
  institutionId: string,
  slot: { ageClass: string; date: string; session?: string; capacity: number },
) {
  const answer = await call(runtime, `/v1/provider/institutions/${institutionId}/slots`, {
    token: providerToken,
    body: { session: 'full_day', ...slot },
    headers: { 'idempotency-key': key('slot') },
  });
  expect(answer.status, answer.text).toBe(201);
  return answer.json as {
    id: string;
    capacity: number;
    confirmed: number;
    waitlisted: number;
    freePlaces: number;
  };
}

/** A future date (Asia/Shanghai) whose day number is ≤ 28, so "exactly N months earlier" always exists. */
export function futureDate(daysAhead = 3): string {
  let date = addDays(todayInChina(), daysAhead);
  while (Number(date.slice(8)) > 28) date = addDays(date, 1);
  return date;
}

/** The date `months` whole months before `date` (same day number), minus `extraDays`. */
export function monthsBefore(date: string, months: number, extraDays = 0): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const shifted = new Date(Date.UTC(y, m - 1 - months, d - extraDays));
  return shifted.toISOString().slice(0, 10);
}
