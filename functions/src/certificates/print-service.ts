import { createHmac, randomBytes } from 'node:crypto';
import type { SessionUser } from '@hongjia/shared';
import type { UserStore } from '../auth/users';
import { shanghaiDate } from '../childcare/dates';
import { AppError, conflict, forbidden, notFound } from '../commons/errors';
import { isConditionFailure } from '../commons/guards';
import { limits } from '../commons/limits';
import type { RateLimiter } from '../commons/rate-limit';
import { readRateLimitSecret } from '../commons/secrets';
import type { ServicePointEntity } from '../service-points/entities';
import type { CertificateService } from './certificate-service';
import type { CertificateEntity, CertificateItem } from './entity';
import type { PrintCodeEntity } from './print-code-entity';
import { candidatePrintCode, isLive, printCodeExpiry } from './print-rules';
import { toCertificateDetail } from './views';

export interface PrintServiceDeps {
  certificates: CertificateEntity;
  codes: PrintCodeEntity;
  points: ServicePointEntity;
  users: UserStore;
  service: CertificateService;
  /** Counts each terminal's failed redeems (commons/limits.ts `printRedeemFailures`). */
  limiter: RateLimiter;
  perDay: number;
  /** Injected in tests to force collisions. */
  newCode?: () => string;
  /** The key of the code candidates; by default derived from the rate-limit key. */
  codeKey?: () => Promise<Uint8Array>;
}

/**
 * A key of its own for print codes, derived from the rate-limit key: both guard the
 * terminals' abuse surface in this one group, and neither may be the session key,
 * which this group no longer holds (decision 0017).
 */
let derivedKey: Promise<Buffer> | undefined;
const printCodeKey = () => {
  derivedKey ??= readRateLimitSecret().then((secret) =>
    createHmac('sha256', secret).update('hongjia-print-code-v1').digest(),
  );
  return derivedKey;
};

const maxCodeAttempts = 10;
const revokedError = () => conflict('该证件已作废，不能打印');

/**
 * 打印码: the family asks for a one-time code, a self-service terminal at a
 * service point redeems it. Without transactions every invariant is one
 * conditional write: the day's allowance on the certificate item, the code's
 * uniqueness on the code item (created only where no live code is), single
 * use on the code item, the print count on the certificate (not revoked).
 */
export function createPrintService(deps: PrintServiceDeps) {
  const { certificates, codes } = deps;
  const codeKey = deps.codeKey ?? printCodeKey;
  const codeFor = async (operationId: string, attempt: number) =>
    deps.newCode ? deps.newCode() : candidatePrintCode(await codeKey(), operationId, attempt);

  /**
   * At most `perDay` codes per certificate per Shanghai day; a new day starts the count again.
   * Each taking names its request in `printCodeOps` (the same write), so a retried request
   * takes the allowance once.
   */
  async function takeAllowance(certificateId: string, now: Date, operationId: string): Promise<void> {
    const day = shanghaiDate(now);
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        await certificates
          .patch({ certificateId })
          .add({ printCodesToday: 1, printCodeOps: [operationId] })
          .where(
            (a, op) =>
              `${op.eq(a.printCodesDay, day)} AND ${op.lt(a.printCodesToday, deps.perDay)} AND ${op.eq(a.revoked, false)} AND ${op.notContains(a.printCodeOps, operationId)}`,
          )
          .go();
        return;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
      try {
        await certificates
          .patch({ certificateId })
          .set({ printCodesDay: day, printCodesToday: 1, printCodeOps: [operationId] })
          .where(
            (a, op) =>
              `(${op.notExists(a.printCodesDay)} OR ${op.ne(a.printCodesDay, day)}) AND ${op.eq(a.revoked, false)}`,
          )
          .go();
        return;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
      // Neither held: taken by this request already, revoked, today's allowance used up, or
      // another request started the day meanwhile.
      const item = await deps.service.get(certificateId);
      if (!item) throw notFound('未找到该证件');
      if (item.printCodesDay === day && item.printCodeOps?.includes(operationId)) return;
      if (item.revoked) throw revokedError();
      if (item.printCodesDay === day && item.printCodesToday >= deps.perDay) {
        // Retry-After: until the next Shanghai midnight (UTC+8, no daylight saving).
        const untilMidnight = 86_400 - Math.floor((now.getTime() / 1000 + 8 * 3600) % 86_400);
        throw new AppError('RATE_LIMITED', `每张证件每天最多获取 ${deps.perDay} 个打印码，请明天再试`, [], {
          retryAfterSeconds: untilMidnight,
        });
      }
    }
    throw conflict('请求过于频繁，请稍后再试');
  }

  /**
   * Claims a code that no live code holds (an expired one may be replaced), trying the
   * request's candidates in order; a candidate this request already holds (an earlier
   * attempt claimed it, then failed) is the answer, as that attempt gave it.
   */
  async function claimCode(item: CertificateItem, now: Date, operationId: string) {
    const expiresAt = printCodeExpiry(now);
    for (let attempt = 0; attempt < maxCodeAttempts; attempt++) {
      const code = await codeFor(operationId, attempt);
      try {
        await codes
          .put({
            code,
            certificateId: item.certificateId,
            userId: item.userId,
            createdAt: now.toISOString(),
            expiresAt: expiresAt.toISOString(),
            used: false,
            ttl: Math.ceil(expiresAt.getTime() / 1000) + 86_400,
            operationId,
          })
          .where((a, op) => `${op.notExists(a.code)} OR ${op.lte(a.expiresAt, now.toISOString())}`)
          .go();
        return { code, expiresAt: expiresAt.toISOString() };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
      const held = (await codes.get({ code }).go({ consistent: true })).data;
      if (held?.operationId === operationId && held.certificateId === item.certificateId) {
        return { code, expiresAt: held.expiresAt };
      }
    }
    // A million codes and a few thousand live ones: ten straight collisions means something else is wrong.
    throw new Error('could not find a free print code');
  }

  /** The terminal account must be a stored terminal, and the point a print point of its district. */
  async function checkTerminal(caller: SessionUser, pointId: string): Promise<void> {
    const user = await deps.users.get(caller.id);
    if (!user?.roles.includes('terminal')) throw forbidden('当前账号不是自助打印终端');
    const point = (await deps.points.get({ pointId }).go()).data;
    if (!point?.services.includes('print')) throw notFound('未找到该打印网点');
    if (!user.cityWide && user.district !== point.district) throw forbidden('该终端不属于此网点所在县区');
  }

  return {
    /**
     * Exactly once (decision 0015): the allowance and the code are both taken in the name of
     * the request's operation id, so a retry after a failure takes neither twice and answers
     * with the code its first attempt claimed. Without an operation (tests) a random one.
     */
    async create(caller: SessionUser, certificateId: string, now: Date, operationId?: string) {
      const operation = operationId ?? randomBytes(10).toString('hex');
      const item = await deps.service.ownedBy(caller, certificateId);
      if (item.revoked) throw revokedError();
      await takeAllowance(certificateId, now, operation);
      return claimCode(item, now, operation);
    },

    /**
     * A terminal gets `printRedeemFailures` wrong codes per window, then 429: the
     * attempt is counted BEFORE the look-up and given back once it printed, so a
     * terminal past its failures learns nothing more, not even from a good code.
     * Unknown, used and expired codes answer alike (one status, code and message):
     * a terminal cannot tell which codes exist.
     */
    async redeem(caller: SessionUser, input: { code: string; pointId: string }, now: Date) {
      await checkTerminal(caller, input.pointId);
      const attempt = await deps.limiter.hit(limits.printRedeemFailures, caller.id, now);
      const invalid = () => notFound('打印码无效、已使用或已过期');
      const found = (await codes.get({ code: input.code }).go({ consistent: true })).data;
      if (!found || !isLive(found, now)) throw invalid();
      try {
        await codes
          .patch({ code: input.code })
          .set({ used: true, usedAt: now.toISOString(), pointId: input.pointId, terminalId: caller.id })
          .where(
            (a, op) =>
              `${op.eq(a.used, false)} AND ${op.gt(a.expiresAt, now.toISOString())} AND ${op.eq(a.certificateId, found.certificateId)}`,
          )
          .go();
      } catch (error) {
        // Used by a racing terminal a moment ago: as any used code.
        if (isConditionFailure(error)) throw invalid();
        throw error;
      }
      try {
        const { data } = await certificates
          .patch({ certificateId: found.certificateId })
          .add({ printCount: 1 })
          .where((a, op) => op.eq(a.revoked, false))
          .go({ response: 'all_new' });
        const { printCount, ...certificate } = await toCertificateDetail(data as CertificateItem);
        await deps.limiter.giveBack(attempt);
        return { certificate, printCount };
      } catch (error) {
        if (isConditionFailure(error)) throw revokedError();
        throw error;
      }
    },
  };
}
