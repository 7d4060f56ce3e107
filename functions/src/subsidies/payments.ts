import type { SessionUser, SubsidyPaymentRequest } from '@hongjia/shared';
import { shanghaiDate } from '../childcare/dates';
import type { AuditTrail } from '../commons/audit';
import { AppError, conflict, notFound } from '../commons/errors';
import { type ConflictRecords, conflictPending } from '../conflicts/records';
import type { Notifier } from '../notifications/notifier';
import { type AccessChecks, covers, refuseOwnCase } from '../staff/jurisdiction';
import type { SubsidyItem } from './entity';
import { paymentMessage } from './messages';
import type { SubsidyRecords } from './records';
import { officeName } from './review';
import { paymentRefusal, withPayment } from './rules';
import { toView } from './views';

export interface SubsidyPaymentDeps {
  records: SubsidyRecords;
  access: AccessChecks;
  notifier: Notifier;
  conflicts: Pick<ConflictRecords, 'openOn'>;
  /** Written before the payment lands (decision 0019). */
  audit: Pick<AuditTrail, 'record'>;
}

const dedupeKey = (item: SubsidyItem, year: number) => `subsidy-paid:${item.subsidyId}:${year}`;

/**
 * 登记发放 by the child's household district (a finance or disbursement system
 * would call the same route under a staff account of the district). The request
 * is checked against the application as stored (paymentRefusal: approved, a year
 * it owes, not ahead, that year's computed amount, once), then the version the
 * caller saw; the payment is appended to the list on the item in one UpdateItem
 * conditional on that version (records.move), so two recordings of one year
 * cannot both land: the second sees a new version (409 CONFLICT) or the payment
 * (409 PAYMENT_EXISTS). Codes: another district's or an unknown application → 404;
 * not approved → 409 CONFLICT (its state, not the request, is wrong); a year it
 * does not owe, a year ahead or another amount → 422 PAYMENT_REFUSED.
 * The applicant is notified once per year (dedupe key `subsidy-paid:<id>:<year>`);
 * a recording refused as already paid notifies again under the same key, which
 * repairs a crash between the write and the first notice and otherwise does nothing.
 * Exactly once under retries: the payment keeps the request's `operationId`, so
 * the same request again after a failure past the write (the idempotency record
 * is then gone) answers as the first would have, not PAYMENT_EXISTS. While a
 * conflict on the child is open, nothing is paid (409 CONFLICT_PENDING).
 */
export function createSubsidyPayments(deps: SubsidyPaymentDeps) {
  const { records, access, notifier, conflicts } = deps;
  const tell = (item: SubsidyItem, payment: { year: number; amountYuan: number }, now: Date) =>
    notifier.notify(item.userId, paymentMessage(item, payment), {
      dedupeKey: dedupeKey(item, payment.year),
      now,
    });

  return {
    async record(
      caller: SessionUser,
      subsidyId: string,
      request: SubsidyPaymentRequest,
      now: Date,
      operationId?: string,
      trace: { requestId: string; sourceIp: string } = { requestId: 'internal', sourceIp: 'internal' },
    ) {
      const jurisdiction = await access.staffJurisdiction(caller);
      const item = await records.get(subsidyId);
      if (!item || item.status === 'checking' || !covers(jurisdiction, item.jurisdiction)) {
        throw notFound('未找到该申请');
      }
      refuseOwnCase(caller, [item.userId]);
      const ours = operationId && item.payments?.find((p) => p.operationId === operationId);
      if (ours) {
        await tell(item, ours, now); // the retry of a recording that landed: finish it
        return toView(item);
      }
      const refusal = paymentRefusal(item, request, shanghaiDate(now));
      if (refusal?.kind === 'not_approved') throw conflict(refusal.message);
      if (refusal?.kind === 'already_paid') {
        await tell(item, refusal.payment, now);
        throw new AppError('PAYMENT_EXISTS', refusal.message, [
          { path: refusal.path, message: '该年度已登记发放' },
        ]);
      }
      if (refusal) {
        throw new AppError('PAYMENT_REFUSED', refusal.message, [
          { path: refusal.path, message: refusal.message },
        ]);
      }
      if (await conflicts.openOn('childcare_subsidy', item.childIdHash)) throw conflictPending();
      if (item.version !== request.expectedVersion) {
        throw conflict('该申请已被他人处理或已更新，请刷新后重试', [
          { path: 'body.expectedVersion', message: '版本已过期' },
        ]);
      }
      // The amount as stored (equal to the request's to the fen): the policy's figure, not the caller's.
      const owed = item.byYear.find((y) => y.year === request.year);
      const payment = {
        year: request.year,
        amountYuan: owed?.amountYuan ?? request.amountYuan,
        paidAt: now.toISOString(),
        recordedBy: officeName(jurisdiction),
        ...(operationId ? { operationId } : {}),
      };
      // Audit first: a payment never lands without its entry; a failed write after it is an attempt.
      await deps.audit.record(
        caller,
        {
          subjectType: 'childcareSubsidy',
          subjectId: subsidyId,
          action: 'payment',
          district: item.jurisdiction,
          note: `${payment.year}: ${payment.amountYuan} yuan, v${item.version}`,
          requestId: trace.requestId,
          sourceIp: trace.sourceIp,
        },
        now,
      );
      const paid = await records.move(item, { payments: withPayment(item.payments, payment) }, now);
      await tell(paid, payment, now);
      return toView(paid);
    },
  };
}

export type SubsidyPayments = ReturnType<typeof createSubsidyPayments>;
