import { describe, expect, it } from 'vitest';
import { firstInLine, toLedgerView, waitlistPosition } from '../src/childcare/booking/ledger';

const slot = toLedgerView({
  pk: 'x',
  capacity: 2,
  confirmed: 2,
  waitlisted: 3,
  waitlistSeq: 5,
  hold_a: 0,
  hold_b: 0,
  hold_c: 5,
  hold_d: 2,
  hold_e: 4,
  other: 7,
});

describe('slot ledger views', () => {
  it('reads holds from hold_ attributes only', () => {
    expect([...slot.holds.keys()].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('counts the waitlist position among tickets still waiting', () => {
    expect(waitlistPosition(slot, 'd')).toBe(1);
    expect(waitlistPosition(slot, 'e')).toBe(2);
    expect(waitlistPosition(slot, 'c')).toBe(3);
    expect(waitlistPosition(slot, 'a')).toBeUndefined();
    expect(waitlistPosition(slot, 'zz')).toBeUndefined();
  });

  it('finds the lowest ticket as first in line', () => {
    expect(firstInLine(slot)).toEqual({ bookingId: 'd', seq: 2 });
    expect(firstInLine(toLedgerView({ capacity: 1, hold_a: 0 }))).toBeUndefined();
  });
});
