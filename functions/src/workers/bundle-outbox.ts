import { randomUUID } from 'node:crypto';
import type { BundleEntity, BundleItem, OutboxEntity, OutboxItem } from '../birth-bundles';
import {
  type AgencyAdapter,
  AgencyError,
  type BirthDetails,
  bundleDetailsField,
  maxAttempts,
  outboxShards,
  payloadFor,
} from '../birth-bundles';
import { landed } from '../commons/guards';
import { logger } from '../commons/logger';
import { backoffDelayMs, dueAcross, leaseMs } from '../commons/outbox';
import { type PiiCipher, piiCipher } from '../commons/pii/index';

/** What the 育儿补贴 item files: the child as the bundle and the household registration know it. */
export interface SubsidyFiling {
  bundleId: string;
  userId: string;
  childName: string;
  childIdNumber: string;
  childBirthDate: string;
  hukouDistrict: string;
  /** When the guardian consented, with the bundle. */
  consentAt: string;
}

/**
 * The 育儿补贴 item's adapter: the in-house application (subsidies/application.ts), named by
 * the bundle so a re-send finds the application it filed (decision 0035). Throws AgencyError.
 */
export type SubsidyFiler = (filing: SubsidyFiling, now: Date) => Promise<{ reference: string }>;

/** The 育儿补贴 item waits this long between looks at the household registration. */
export const subsidyWaitMs = 60_000;
/** The field the child's ID number is sealed under on the bundle. */
export const childIdField = 'birthBundle.childIdNumber';

export interface BundleOutboxDeps {
  bundles: BundleEntity;
  outbox: OutboxEntity;
  agencies: AgencyAdapter;
  /** Files 育儿补贴 from a bundle; without it that item fails (nothing to file with). */
  fileSubsidy?: SubsidyFiler;
  pii?: PiiCipher;
  /** Told once when an item is given up (the family's message); optional so tests can leave it out. */
  onFailed?: (item: OutboxItem, now: Date) => Promise<void>;
  /** Items handled per drain at most (a scheduled run must end well inside its timeout). */
  batchSize?: number;
  random?: () => number;
}

export interface DrainReport {
  due: number;
  claimed: number;
  accepted: number;
  retrying: number;
  failed: number;
}

/** What the family sees for a failed attempt: no internals, no agency error text. */
const retryMessage = '对方部门系统暂时无法受理，系统将自动重试';
const failedMessage = '多次提交未成功，请联系办事窗口处理';

/**
 * One pass of the 出生一件事 outbox: every due item (one Query per shard of
 * the sparse due index) is claimed with a conditional update — `sending`,
 * with a lease that makes it due again should this worker die — then handed
 * to its agency with the idempotency key `bundleId:kind`, and its outcome
 * written only if the lease is still ours. Accepted → done; failed → retried
 * with exponential backoff, given up after `maxAttempts`. Two workers cannot
 * both claim an item (the claim's condition), and a re-send after a lost
 * lease is recognised by the agency as a repeat: nothing lost, nothing twice.
 */
export async function drainBundleOutbox(deps: BundleOutboxDeps, now: Date): Promise<DrainReport> {
  const { outbox } = deps;
  const report: DrainReport = { due: 0, claimed: 0, accepted: 0, retrying: 0, failed: 0 };
  const limit = deps.batchSize ?? 100;
  const nowIso = now.toISOString();
  const due: OutboxItem[] = await dueAcross(outboxShards, limit, async (shard, wanted) => {
    const { data } = await outbox.query.byDue({ shard }).lte({ dueAt: nowIso }).go({ limit: wanted });
    return data;
  });
  report.due = due.length;
  const detailsOf = new Map<string, Promise<BirthDetails | undefined>>();
  const cipher = deps.pii ?? (await piiCipher());

  const startedMs = performance.now();
  for (const item of due) {
    const leaseId: string = randomUUID();
    // The lease runs from the claim, not from the start of the pass: slow agencies earlier in
    // the batch must not leave this item's lease already spent.
    const claimedAt = now.getTime() + (performance.now() - startedMs);
    const attempts = item.attempts + 1;
    const claimed = await landed(
      outbox
        .patch({ bundleId: item.bundleId, kind: item.kind })
        .set({
          status: 'sending',
          leaseId,
          attempts,
          dueAt: new Date(claimedAt + leaseMs).toISOString(),
          updatedAt: nowIso,
        })
        .composite({ shard: item.shard })
        .where(
          (a, op) =>
            `${op.lte(a.dueAt, nowIso)} AND ${op.ne(a.status, 'accepted')} AND ${op.ne(a.status, 'failed')}`,
        )
        .go(),
    );
    if (!claimed) continue; // another worker has it, or it moved on since the query
    report.claimed += 1;

    let details = detailsOf.get(item.bundleId);
    if (!details) {
      details = deps.bundles
        .get({ bundleId: item.bundleId })
        .go()
        .then(async ({ data }) =>
          data
            ? (JSON.parse(await cipher.open(data.sealedDetails, bundleDetailsField)) as BirthDetails)
            : undefined,
        );
      detailsOf.set(item.bundleId, details);
    }
    // False when our lease ran out and another worker took the item over: its outcome counts, not ours.
    const finish = (
      set: Pick<OutboxItem, 'status' | 'dueAt'> &
        Partial<Pick<OutboxItem, 'agencyReference' | 'lastError' | 'attempts'>>,
    ) =>
      landed(
        outbox
          .patch({ bundleId: item.bundleId, kind: item.kind })
          .set({ ...set, updatedAt: nowIso })
          .composite({ shard: item.shard })
          .where((a, op) => `${op.eq(a.leaseId, leaseId)} AND ${op.eq(a.status, 'sending')}`)
          .go(),
      );

    const outcome =
      item.kind === 'childcare_subsidy'
        ? await fileSubsidy(deps, item, await details, cipher, now)
        : await deliver(deps.agencies, item, await details);
    if (outcome.ok === 'wait') {
      // Not an attempt: the household registration has not returned the child's ID number yet.
      const dueAt = new Date(now.getTime() + subsidyWaitMs).toISOString();
      await finish({ status: 'waiting', attempts: item.attempts, dueAt });
      continue;
    }
    if (outcome.ok) {
      // The child's ID number is on the bundle before the item counts as done: a crash between
      // the two re-sends, and the agency answers the repeat with the same number.
      if (outcome.childIdNumber)
        await deps.bundles
          .patch({ bundleId: item.bundleId })
          .set({ childIdSealed: await cipher.seal(outcome.childIdNumber, childIdField) })
          .go();
      if (await finish({ status: 'accepted', agencyReference: outcome.reference, dueAt: nowIso })) {
        report.accepted += 1;
        if (outcome.childIdNumber) await nudgeSubsidy(outbox, item.bundleId, nowIso);
      }
      continue;
    }
    logger.warn('agency hand-off failed', {
      kind: item.kind,
      attempts,
      permanent: outcome.permanent,
      reason: outcome.reason,
    });
    if (outcome.permanent || attempts >= maxAttempts) {
      if (await finish({ status: 'failed', lastError: outcome.message ?? failedMessage, dueAt: nowIso })) {
        report.failed += 1;
        await deps.onFailed?.({ ...item, status: 'failed', attempts }, now);
      }
      continue;
    }
    const next = new Date(now.getTime() + backoffDelayMs(attempts, deps.random));
    if (await finish({ status: 'retrying', lastError: retryMessage, dueAt: next.toISOString() }))
      report.retrying += 1;
  }
  return report;
}

type Outcome =
  | { ok: true; reference: string; childIdNumber?: string }
  | { ok: 'wait' }
  | { ok: false; permanent: boolean; reason: string; message?: string };

const noHukouMessage = '户口登记未办成，育儿补贴未能自动申请；户口办好后请在“育儿补贴”中申请';

/** A waiting 育儿补贴 item is due now once the household registration returned the ID number. */
async function nudgeSubsidy(outbox: OutboxEntity, bundleId: string, nowIso: string) {
  const { data } = await outbox.get({ bundleId, kind: 'childcare_subsidy' }).go();
  if (data?.status !== 'waiting') return;
  await landed(
    outbox
      .patch({ bundleId, kind: 'childcare_subsidy' })
      // The status goes with it: the due index's condition is judged on what the update sets.
      .set({ status: 'waiting', dueAt: nowIso })
      .composite({ shard: data.shard })
      .where((a, op) => op.eq(a.status, 'waiting'))
      .go(),
  );
}

/**
 * The 育儿补贴 item: waits for the child's ID number (the household-registration item's
 * answer, sealed on the bundle), then files the application in the parent's name under the
 * consent the bundle recorded. Read fresh, not from the pass's cache: the household item
 * may have landed earlier in this pass.
 */
async function fileSubsidy(
  deps: BundleOutboxDeps,
  item: OutboxItem,
  details: BirthDetails | undefined,
  cipher: PiiCipher,
  now: Date,
): Promise<Outcome> {
  const bundle: BundleItem | null = (
    await deps.bundles.get({ bundleId: item.bundleId }).go({ consistent: true })
  ).data;
  if (!details || !bundle) return { ok: false, permanent: true, reason: 'bundle missing' };
  if (!deps.fileSubsidy || !bundle.subsidyConsentAt)
    return { ok: false, permanent: true, reason: 'no subsidy filer or consent' };
  if (!bundle.childIdSealed) {
    const hukou = (await deps.outbox.get({ bundleId: item.bundleId, kind: 'household_registration' }).go())
      .data;
    // Without a household item that can still answer, there will never be an ID number.
    if (!hukou || hukou.status === 'failed' || hukou.status === 'accepted')
      return { ok: false, permanent: true, reason: 'no child ID number', message: noHukouMessage };
    return { ok: 'wait' };
  }
  try {
    const { reference } = await deps.fileSubsidy(
      {
        bundleId: item.bundleId,
        userId: bundle.userId,
        childName: details.childName,
        childIdNumber: await cipher.open(bundle.childIdSealed, childIdField),
        childBirthDate: details.childBirthDate,
        hukouDistrict: details.householdDistrict,
        consentAt: bundle.subsidyConsentAt,
      },
      now,
    );
    return { ok: true, reference };
  } catch (error) {
    if (error instanceof AgencyError) return { ok: false, permanent: error.permanent, reason: error.message };
    return { ok: false, permanent: false, reason: error instanceof Error ? error.name : 'unknown error' };
  }
}

async function deliver(
  agencies: AgencyAdapter,
  item: OutboxItem,
  details: BirthDetails | undefined,
): Promise<Outcome> {
  // A bundle without its item cannot happen (it is written first); if it did, retrying cannot help.
  if (!details) return { ok: false, permanent: true, reason: 'bundle missing' };
  try {
    const answer = await agencies.submit(
      item.kind,
      payloadFor(item.kind, details),
      `${item.bundleId}:${item.kind}`,
    );
    return {
      ok: true,
      reference: answer.reference,
      ...(item.kind === 'household_registration' && answer.childIdNumber
        ? { childIdNumber: answer.childIdNumber }
        : {}),
    };
  } catch (error) {
    // Agency messages are ours (no personal data); anything else is reported by its name only.
    if (error instanceof AgencyError) return { ok: false, permanent: error.permanent, reason: error.message };
    return { ok: false, permanent: false, reason: error instanceof Error ? error.name : 'unknown error' };
  }
}
