import type { ReviewReason } from '@hongjia/shared';
import { describe, expect, it } from 'vitest';
import { createDisclosure, neutralReason } from '../src/registration/disclosure';
import type { RegistrationEntity } from '../src/registration/entity';

/** Just the batch get the disclosure reads related registrations with. */
function registrationsOf(items: { registrationId: string; motherIdHash: string; fatherIdHash: string }[]) {
  return {
    get: (keys: { registrationId: string }[]) => ({
      go: async () => ({
        data: items.filter((item) => keys.some((key) => key.registrationId === item.registrationId)),
        unprocessed: [],
      }),
    }),
  } as unknown as RegistrationEntity;
}

const duplicate: ReviewReason = {
  code: 'SUSPECTED_DUPLICATE',
  message: '同一母亲已有登记 SY20260101360102000001，预产期相差不足 180 天，疑似同一次妊娠',
  relatedRegistrationId: 'reg_theirs',
};
const mismatch: ReviewReason = {
  code: 'PARITY_MISMATCH',
  message: '申报孩次为第 2 孩，但填写的现有子女为 0 个',
};
const disclosure = createDisclosure(
  registrationsOf([{ registrationId: 'reg_theirs', motherIdHash: 'h-mother', fatherIdHash: 'h-father' }]),
);

describe('what a family is told about other registrations', () => {
  it('replaces a reason about a registration the caller is no parent in by one neutral reason', async () => {
    const parity = { ...duplicate, code: 'PARITY_RECORD_CONFLICT' };
    expect(await disclosure.reasonsFor('h-stranger', [mismatch, duplicate, parity])).toEqual([
      mismatch,
      neutralReason,
    ]);
    expect(await disclosure.reasonsFor(undefined, [duplicate])).toEqual([neutralReason]);
  });

  it('keeps the detail for the mother or the father of the related registration', async () => {
    expect(await disclosure.reasonsFor('h-mother', [duplicate])).toEqual([duplicate]);
    expect(await disclosure.reasonsFor('h-father', [duplicate])).toEqual([duplicate]);
  });

  it('withholds a duplicate reason that names no registration, and keeps the family’s own facts', async () => {
    const unnamed = { code: 'SUSPECTED_DUPLICATE', message: '疑似重复' };
    expect(await disclosure.reasonsFor('h-mother', [unnamed])).toEqual([neutralReason]);
    expect(await disclosure.reasonsFor('h-stranger', [mismatch])).toEqual([mismatch]);
  });
});
