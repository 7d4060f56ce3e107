import {
  type BookingCreated,
  type BookingRequest,
  chinaDate,
  type ListQuery,
  type MyBooking,
  maskPhone,
  privacyPolicyVersion,
  type SessionUser,
} from '@hongjia/shared';
import { decodeCursor, encodeCursor } from '../../commons/cursor';
import { AppError, conflict, notFound, validationFailed } from '../../commons/errors';
import { type Guards, landed } from '../../commons/guards';
import { newId } from '../../commons/ids';
import { bookingLimits } from '../../commons/limits';
import { type PiiCipher, piiCipher } from '../../commons/pii/index';
import type { Notifier } from '../../notifications';
import type { InstitutionEntity, SlotEntity, SlotItem } from '../entities';
import type { BookingEntity, BookingItem } from './entity';
import { type LedgerView, type SlotLedger, waitlistPosition } from './ledger';
import { promotedMessage } from './messages';
import type { BookingQuota } from './quota';
import { ageMismatch, childGuardKey } from './rules';

export interface BookingServiceDeps {
  bookings: BookingEntity;
  slots: SlotEntity;
  institutions: InstitutionEntity;
  ledger: SlotLedger;
  /** The account's active bookings (commons/limits.ts `bookingLimits`); decision 0018. */
  quota: BookingQuota;
  guards: Guards;
  notifier: Notifier;
  /** Defaults to the process's cipher (KMS deployed, the data dir's key locally). */
  pii?: PiiCipher;
}

/** Fields a booking's sealed values are bound to (the cipher's associated data). */
export const guardianPhoneField = 'booking.guardianPhone';
export const childNameField = 'booking.childName';
const childBirthDateField = 'booking.childBirthDate';

/** A `pending` intent older than this outlived its request (Lambda timeout 10 s): it never got a place. */
const abandonedAfterMs = 60_000;

const slotFull = () => new AppError('SLOT_FULL', '该时段名额和候补均已满，请选择其他时段');
const alreadyBooked = () => conflict('该孩子已预约此时段，无需重复预约');
const overQuota = (reason: 'account' | 'slot') =>
  new AppError(
    'BOOKING_LIMIT',
    reason === 'slot'
      ? `每个账号在同一时段最多预约 ${bookingLimits.activePerAccountPerSlot} 个孩子（含候补）`
      : `每个账号最多同时保留 ${bookingLimits.activePerAccount} 个有效预约（含候补），请先取消不需要的预约`,
  );

export type VisibleBooking = BookingItem & { status: 'confirmed' | 'waitlisted' | 'cancelled' };

/**
 * Bookings without transactions (docs/decisions/0007): a guard item per child
 * and slot, a `pending` booking item as the intent, the place taken on the
 * slot's ledger with one conditional write, then the booking item follows the
 * ledger. Every step is idempotent, and any reader that finds the booking
 * item behind its ledger (after a crash) brings it up to date.
 */
export function createBookingService(deps: BookingServiceDeps) {
  const { bookings, ledger, quota, guards, notifier } = deps;
  const cipher = async () => deps.pii ?? (await piiCipher());

  const getBooking = async (bookingId: string) =>
    (await bookings.get({ bookingId }).go({ consistent: true })).data ?? undefined;

  /** Conditional status move; false when the item was no longer in `from` (someone else moved it). */
  const move = async (
    bookingId: string,
    from: BookingItem['status'],
    set: Partial<Pick<BookingItem, 'status' | 'waitlistSeq' | 'confirmedAt' | 'cancelledAt'>>,
  ) =>
    landed(
      bookings
        .patch({ bookingId })
        .set(set)
        .where((attr, op) => op.eq(attr.status, from))
        .go(),
    );

  /** The promoted family's item follows the ledger, then they are told (once, by a deterministic id). */
  const completePromotion = async (booking: BookingItem, now: Date) => {
    await move(booking.bookingId, 'waitlisted', { status: 'confirmed', confirmedAt: now.toISOString() });
    await notifier.notify(booking.userId, promotedMessage(booking), {
      dedupeKey: `booking-promoted:${booking.bookingId}`,
      now,
    });
  };

  /**
   * Brings a booking item in line with its slot's ledger (the source of truth)
   * and returns what the family may see, or undefined for an intent that is
   * still in flight or never got a place.
   */
  const reconcile = async (
    item: BookingItem,
    view: LedgerView | undefined,
    now: Date,
  ): Promise<VisibleBooking | undefined> => {
    const held = view?.holds.get(item.bookingId);
    if (item.status === 'cancelled') return item as VisibleBooking;
    if (item.status === 'pending') {
      if (held !== undefined) {
        // A booking leaves `pending` only once its account counts it (decision 0018);
        // an interrupted one the account has no room for gives its place back.
        if (!(await quota.take(item.userId, item.bookingId, item.slotId)).taken) {
          await giveUp(item, now);
          return undefined;
        }
        const status = held === 0 ? 'confirmed' : 'waitlisted';
        await move(item.bookingId, 'pending', { status, waitlistSeq: held });
        return { ...item, status, waitlistSeq: held };
      }
      if (now.getTime() - Date.parse(item.createdAt) > abandonedAfterMs) await abandon(item);
      return undefined;
    }
    if (held === undefined) {
      // Released on the ledger by a cancel that stopped before updating the item.
      await quota.release(item.userId, item.bookingId, item.slotId);
      await move(item.bookingId, item.status, { status: 'cancelled', cancelledAt: now.toISOString() });
      await guards.release('child-slot', item.guardKey, item.bookingId);
      return { ...item, status: 'cancelled', cancelledAt: now.toISOString() };
    }
    if (item.status === 'waitlisted' && held === 0) {
      await completePromotion(item, now);
      return { ...item, status: 'confirmed' };
    }
    return item as VisibleBooking;
  };

  /**
   * An intent that got no place: the item goes, then the child's claim, so the
   * child may try again. (It was never counted on the account: the count is
   * taken only once the ledger holds a place.)
   */
  const abandon = async (item: BookingItem) => {
    await discardIntent(item.bookingId);
    await guards.release('child-slot', item.guardKey, item.bookingId);
  };

  /** A `pending` intent removed (while still pending); its child's claim is the caller's to release or keep. */
  const discardIntent = (bookingId: string) =>
    landed(
      bookings
        .delete({ bookingId })
        .where((attr, op) => op.eq(attr.status, 'pending'))
        .go(),
    );

  /**
   * The child's claim on this slot: ours (new, or this request's own from an
   * earlier attempt, or resumed after another interrupted attempt) or a
   * conflict. A claim left behind by a finished booking (cancelled; or an
   * intent that never got a place) is cleared. `bookingId` comes from the
   * operation id (decision 0015), so every retry of one request names the
   * same booking and finds what an earlier attempt did.
   */
  const claimChild = async (
    caller: SessionUser,
    guardKey: string,
    now: Date,
    bookingId: string,
  ): Promise<string> => {
    for (let round = 0; round < 3; round++) {
      const claim = await guards.claim(
        'child-slot',
        guardKey,
        { ownerId: caller.id, targetId: bookingId },
        now,
      );
      if (claim.claimed || claim.holder?.targetId === bookingId) return bookingId;
      if (!claim.holder) continue;
      if (claim.holder.ownerId !== caller.id) throw alreadyBooked();
      const existing = await getBooking(claim.holder.targetId);
      if (!existing || existing.status === 'pending') return claim.holder.targetId;
      if (existing.status !== 'cancelled') throw alreadyBooked();
      await guards.release('child-slot', guardKey, claim.holder.targetId);
    }
    throw conflict('该孩子的预约正在处理中，请稍后再试');
  };

  /**
   * The slot, then its institution read together with whatever else the caller
   * needs from the same moment (`alongside`, e.g. the child's claim on a full
   * slot), so a refusal costs two round trips. An unpublished institution's
   * slot is 404 before anything else is said about it.
   */
  const loadBookable = async <T>(slotId: string, now: Date, alongside: (slot: SlotItem) => Promise<T>) => {
    const slot = (await deps.slots.get({ slotId }).go({ consistent: true })).data;
    if (!slot) throw notFound('未找到该托位');
    const [institution, extra] = await Promise.all([
      deps.institutions
        .get({ institutionId: slot.institutionId })
        .go()
        .then((answer) => answer.data),
      alongside(slot),
    ]);
    if (institution?.status !== 'published') throw notFound('未找到该托位');
    if (slot.date <= chinaDate(now)) throw conflict('该时段已开始或已结束，请选择之后的日期');
    return { slot, institution, extra };
  };

  /** What the family was told when the booking was made, from the ledger (a waitlisted one may have moved up). */
  const answerFor = async (bookingId: string, kind: 'confirmed' | 'waitlisted', slotId: string) => {
    if (kind === 'confirmed') return { id: bookingId, status: 'confirmed' } as const;
    const view = await ledger.read(slotId);
    const position = view ? waitlistPosition(view, bookingId) : undefined;
    // Promoted between our reservation and this read: say so rather than a stale waitlist.
    if (position === undefined) return { id: bookingId, status: 'confirmed' } as const;
    return { id: bookingId, status: 'waitlisted', waitlistPosition: position } as const;
  };

  /**
   * A retry of a request whose booking an earlier attempt already finished
   * (the item is past `pending`): nothing is reserved again; the answer comes
   * from the stored booking, brought in line with the ledger first.
   */
  const finished = async (stored: BookingItem, now: Date): Promise<BookingCreated> => {
    const visible = await reconcile(stored, await ledger.read(stored.slotId), now);
    if (!visible || visible.status === 'cancelled') {
      // Cancelled since: the claim this retry took again goes back, the child may book anew.
      await guards.release('child-slot', stored.guardKey, stored.bookingId);
      throw conflict('该预约已取消，如需预约请重新提交');
    }
    return answerFor(stored.bookingId, visible.status, stored.slotId);
  };

  /**
   * Counts the booking on the account once the ledger holds its place and
   * before it leaves `pending` (decision 0018). Refused: the account's holds
   * are brought in line with their bookings first (a hold left by a crash goes
   * back), then it asks once more; still refused, the place goes back, the
   * intent is abandoned and the family told why.
   */
  const countOnAccount = async (caller: SessionUser, bookingId: string, slotId: string, now: Date) => {
    if ((await quota.take(caller.id, bookingId, slotId)).taken) return;
    for (const hold of await quota.holds(caller.id)) {
      if (hold.bookingId === bookingId) continue;
      const held = await getBooking(hold.bookingId);
      // `reconcile` gives back the holds of bookings the ledger released and of abandoned intents.
      const visible = held ? await reconcile(held, await ledger.read(held.slotId), now) : undefined;
      if (!held || visible?.status === 'cancelled')
        await quota.release(caller.id, hold.bookingId, hold.slotId);
    }
    const take = await quota.take(caller.id, bookingId, slotId);
    if (take.taken) return;
    const intent = await getBooking(bookingId);
    if (intent) await giveUp(intent, now);
    throw overQuota(take.reason);
  };

  /**
   * A `pending` booking that holds a place its account may not count: the place
   * goes back on the ledger (promoting the first in line if it was confirmed),
   * then the intent and the child's claim. Still `pending`, so never promised.
   */
  const giveUp = async (intent: BookingItem, now: Date) => {
    const released = await ledger.release(intent.slotId, intent.bookingId);
    if (released.released === 'confirmed' && released.promoted) {
      const promoted = await getBooking(released.promoted);
      if (promoted) await completePromotion(promoted, now);
    }
    await abandon(intent);
  };

  /** The `pending` intent; 'exists' when an earlier attempt of the same booking id wrote it. */
  const writeIntent = async (intent: Omit<BookingItem, 'status'> & { status: 'pending' }) =>
    (await landed(bookings.create(intent).go())) ? ('written' as const) : ('exists' as const);

  return {
    reconcile,

    async create(
      caller: SessionUser,
      slotId: string,
      request: BookingRequest,
      now: Date,
      operationId?: string,
    ): Promise<BookingCreated> {
      const pii = await cipher();
      const guardKey = childGuardKey(pii, caller.id, slotId, request.childName, request.childBirthDate);
      // Full at this consistent read: answer at once, unless this child already
      // holds a claim (a retry resuming an interrupted attempt must find its place).
      const isFull = (slot: SlotItem) => slot.confirmed >= slot.capacity && slot.waitlisted >= slot.capacity;
      const { slot, institution, extra } = await loadBookable(slotId, now, async (slot) =>
        isFull(slot) ? { holder: await guards.holder('child-slot', guardKey) } : undefined,
      );
      const mismatch = ageMismatch(slot.ageClass, request.childBirthDate, slot.date);
      if (mismatch) throw validationFailed(mismatch.message, [mismatch]);
      if (extra && extra.holder?.ownerId !== caller.id) throw extra.holder ? alreadyBooked() : slotFull();
      const intent = {
        slotId,
        institutionId: slot.institutionId,
        institutionName: institution.name,
        userId: caller.id,
        ageClass: slot.ageClass,
        date: slot.date,
        session: slot.session,
        childNameSealed: await pii.seal(request.childName, childNameField),
        childBirthDateSealed: await pii.seal(request.childBirthDate, childBirthDateField),
        guardianPhoneSealed: await pii.seal(request.guardianPhone, guardianPhoneField),
        guardianPhoneMasked: maskPhone(request.guardianPhone),
        guardKey,
        status: 'pending' as const,
        waitlistSeq: 0,
        createdAt: now.toISOString(),
        guardianConsentAt: now.toISOString(),
        guardianConsentVersion: privacyPolicyVersion,
      };
      // The child's claim and the pending intent are independent writes: sent together (issue 13).
      const ownId = newId('bk', operationId);
      const [claimed, written] = await Promise.allSettled([
        claimChild(caller, guardKey, now, ownId),
        writeIntent({ ...intent, bookingId: ownId }),
      ]);
      if (claimed.status === 'rejected' || claimed.value !== ownId) {
        // Refused, or the claim resumes another interrupted attempt of this account's:
        // the intent just written under our id is not a booking.
        if (written.status === 'fulfilled' && written.value === 'written') await discardIntent(ownId);
        if (claimed.status === 'rejected') throw claimed.reason;
      }
      if (written.status === 'rejected') throw written.reason;
      const bookingId = claimed.value;
      const outcome = bookingId === ownId ? written.value : await writeIntent({ ...intent, bookingId });
      if (outcome === 'exists') {
        // Resuming an interrupted attempt: its intent is already there, perhaps already finished.
        const stored = await getBooking(bookingId);
        if (stored && stored.status !== 'pending') return finished(stored, now);
      }

      const place = await ledger.reserve(slotId, bookingId, { likelyFull: slot.confirmed >= slot.capacity });
      if (place.kind === 'full') {
        await abandon({ ...intent, bookingId });
        throw slotFull();
      }
      // Counted once the place is held, so a rush's SLOT_FULL answers cost the account nothing.
      await countOnAccount(caller, bookingId, slotId, now);
      const seq = place.kind === 'waitlisted' ? place.seq : 0;
      await move(bookingId, 'pending', {
        status: place.kind,
        waitlistSeq: seq,
        ...(place.kind === 'confirmed' ? { confirmedAt: now.toISOString() } : {}),
      });
      // The position as the reservation left it: the answer needs no second read of the ledger.
      return place.kind === 'confirmed'
        ? { id: bookingId, status: 'confirmed' }
        : { id: bookingId, status: 'waitlisted', waitlistPosition: place.position };
    },

    async listMine(caller: SessionUser, query: ListQuery, now: Date) {
      const cursor = await decodeCursor<string>(query.cursor);
      const page = await bookings.query
        .byUser({ userId: caller.id })
        .go({ limit: query.limit, order: 'desc', ...(cursor ? { cursor } : {}) });
      const views = await readLedgers(ledger, page.data);
      const pii = await cipher();
      const items: MyBooking[] = [];
      for (const item of page.data) {
        const view = views.get(item.slotId);
        const visible = await reconcile(item, view, now);
        // The family's own child, by name and birth date as they typed them: opened for this page
        // only (科学育儿 reads the child's age from it, decision 0036).
        if (visible)
          items.push(
            toMyBooking(
              visible,
              view,
              await openChildName(pii, visible),
              await openChildBirthDate(pii, visible),
            ),
          );
      }
      return { items, nextCursor: await encodeCursor(page.cursor) };
    },

    /**
     * Only the family that booked may cancel; anyone else gets 404 (as if it
     * did not exist). Order: the ledger first (release and promotion in one
     * write), then the promoted booking's item and notification, then ours,
     * then the child's claim. Each later step is repaired by `reconcile` if
     * we stop before it; cancelling again is harmless.
     */
    async cancel(caller: SessionUser, bookingId: string, now: Date): Promise<MyBooking> {
      const item = await getBooking(bookingId);
      if (!item || item.userId !== caller.id) throw notFound('未找到该预约');
      const before = await ledger.read(item.slotId);
      const visible = await reconcile(item, before, now);
      if (!visible) {
        if (item.status === 'pending') throw conflict('该预约正在处理中，请稍后再试');
        throw notFound('未找到该预约');
      }
      const pii = await cipher();
      if (visible.status === 'cancelled')
        return toMyBooking(visible, before, await openChildName(pii, visible));

      const released = await ledger.release(visible.slotId, bookingId);
      if (released.released === 'confirmed' && released.promoted) {
        const promoted = await getBooking(released.promoted);
        if (promoted) await completePromotion(promoted, now);
      }
      // Before the item moves: a cancelled item never still counts (a crash here is
      // repaired by `reconcile`, which finds the ledger released).
      await quota.release(caller.id, bookingId, visible.slotId);
      const cancelledAt = now.toISOString();
      await move(bookingId, visible.status, { status: 'cancelled', cancelledAt });
      await guards.release('child-slot', visible.guardKey, bookingId);
      return toMyBooking(
        { ...visible, status: 'cancelled', cancelledAt },
        undefined,
        await openChildName(pii, visible),
      );
    },
  };
}

export type BookingService = ReturnType<typeof createBookingService>;

/** The ledgers of the slots on one page of bookings (one consistent read per distinct slot). */
export async function readLedgers(ledger: SlotLedger, items: readonly BookingItem[]) {
  const slotIds = [...new Set(items.map((item) => item.slotId))];
  const views = await Promise.all(
    slotIds.map(async (slotId) => [slotId, await ledger.read(slotId)] as const),
  );
  return new Map(views.filter((entry): entry is readonly [string, LedgerView] => entry[1] !== undefined));
}

export function openChildName(pii: PiiCipher, item: Pick<BookingItem, 'childNameSealed'>): Promise<string> {
  return pii.open(item.childNameSealed, childNameField);
}

export function openChildBirthDate(
  pii: PiiCipher,
  item: Pick<BookingItem, 'childBirthDateSealed'>,
): Promise<string> {
  return pii.open(item.childBirthDateSealed, childBirthDateField);
}

/**
 * `childName` opened by the caller (openChildName): the family's list and the provider's show it
 * whole. `childBirthDate` only on the family's own list (the provider's view has no such field).
 */
export function toMyBooking(
  item: VisibleBooking,
  view: LedgerView | undefined,
  childName: string,
  childBirthDate?: string,
): MyBooking {
  const position = item.status === 'waitlisted' && view ? waitlistPosition(view, item.bookingId) : undefined;
  return {
    id: item.bookingId,
    slotId: item.slotId,
    institutionId: item.institutionId,
    institutionName: item.institutionName,
    ageClass: item.ageClass,
    date: item.date,
    session: item.session,
    childName,
    ...(childBirthDate ? { childBirthDate } : {}),
    guardianPhoneMasked: item.guardianPhoneMasked,
    status: item.status,
    ...(position !== undefined ? { waitlistPosition: position } : {}),
    createdAt: item.createdAt,
    ...(item.cancelledAt ? { cancelledAt: item.cancelledAt } : {}),
  };
}
