import {
  type FactClaim,
  type FactClaimInput,
  factClaimKindInfo,
  type ListQuery,
  type SessionUser,
} from '@hongjia/shared';
import * as z from 'zod';
import { type AccessChecks, covers, refuseOwnCase } from '../commons/access';
import type { AuditTrail } from '../commons/audit';
import { decodeCursor, encodeCursor } from '../commons/cursor';
import { AppError, conflict, isAppError, notFound, validationFailed } from '../commons/errors';
import { isConditionFailure, landed } from '../commons/guards';
import { newId } from '../commons/ids';
import { pageAcross, partitionPage } from '../commons/paging';
import type { PiiCipher } from '../commons/pii';
import { type FamilyService, familyLabel, type MembershipLookup, type RecordAuditor } from '../families';
import type { UploadService } from '../uploads';
import type { FactClaimEntity, FactClaimItem } from './entity';
import { type ClaimFact, childIndexFor, recordChangeFor } from './facts';

/** Bound into the sealed value (the cipher's associated data); a special-family fact. */
export const factClaimField = 'specialFamily.factClaim';

const ClaimFactSchema: z.ZodType<ClaimFact> = z.object({
  date: z.string(),
  childBirthDate: z.string().optional(),
  schoolStage: z.enum(['preschool', 'compulsory', 'high_school', 'university']).optional(),
  note: z.string().optional(),
  attachments: z.array(
    z.object({
      id: z.string(),
      fileName: z.string(),
      contentType: z.enum(['image/jpeg', 'image/png', 'application/pdf']),
      size: z.number(),
      key: z.string(),
    }),
  ),
});

export interface FactClaimServiceDeps {
  claims: FactClaimEntity;
  membership: Pick<MembershipLookup, 'membershipOf'>;
  /** The staff path that writes facts onto the record (audited, version-locked). */
  families: Pick<FamilyService, 'update'>;
  /** Reads a record as staff see it (jurisdiction checked, audited by the caller). */
  readRecord: (familyId: string) => Promise<{ children: ClaimRecordChild[]; version: number } | undefined>;
  uploads: Pick<UploadService, 'verify' | 'attach' | 'downloadLink'>;
  cipher: () => Promise<PiiCipher>;
  access: AccessChecks;
  auditor: Pick<RecordAuditor, 'record'>;
  audit: Pick<AuditTrail, 'record'>;
}
type ClaimRecordChild = Parameters<typeof childIndexFor>[0][number];

const notAMember = () =>
  new AppError('NOT_A_MEMBER', '您还不是特殊家庭档案中的成员；如有疑问，请联系所在县区卫生健康委员会');
const decidedAlready = () => conflict('该证明材料已审核，不能重复审核');
const noSuchClaim = () => notFound('未找到该证明材料');
const noSuchChild = (birthDate: string | undefined) =>
  `档案中没有生日为 ${birthDate ?? '（未填写）'} 的在世子女`;

/**
 * Family-supplied proof (decision 0039). A member of a special family sends a dated fact with
 * its attachments; staff of the record's district decide once (the claim's status moves from
 * `pending_review` by a single-item conditional write, so two reviewers cannot both land); an
 * approval then writes the fact through the staff update path (sealed, version-locked, audited
 * for the family to see) and marks the claim applied. A retry of the same decision by the
 * same reviewer finishes an approval whose record write did not land.
 */
export function createFactClaimService(deps: FactClaimServiceDeps) {
  const { claims } = deps;
  const getClaim = async (claimId: string) =>
    (await claims.get({ claimId }).go({ consistent: true })).data ?? undefined;

  const openFact = async (item: FactClaimItem): Promise<ClaimFact> =>
    ClaimFactSchema.parse(JSON.parse(await (await deps.cipher()).open(item.factSealed, factClaimField)));

  const view = async (item: FactClaimItem): Promise<FactClaim> => {
    const fact = await openFact(item);
    return {
      id: item.claimId,
      familyId: item.familyId,
      district: item.district,
      familyLabel: item.familyLabel,
      kind: item.kind,
      date: fact.date,
      ...(fact.childBirthDate ? { childBirthDate: fact.childBirthDate } : {}),
      ...(fact.schoolStage ? { schoolStage: fact.schoolStage } : {}),
      attachments: fact.attachments.map(({ id, fileName }) => ({ id, fileName })),
      ...(fact.note ? { note: fact.note } : {}),
      status: item.status,
      ...(item.reviewReason ? { reviewReason: item.reviewReason } : {}),
      createdAt: item.createdAt,
      ...(item.decidedAt ? { decidedAt: item.decidedAt } : {}),
    };
  };

  const member = async (caller: SessionUser) => {
    const found = await deps.membership.membershipOf(caller.id);
    if (!found) throw notAMember();
    return found;
  };

  /** Writes an approved claim's fact onto the record; a change by someone else meanwhile is re-read (three tries). */
  async function apply(caller: SessionUser, item: FactClaimItem, now: Date): Promise<void> {
    const fact = await openFact(item);
    for (let attempt = 0; ; attempt++) {
      const record = await deps.readRecord(item.familyId);
      if (!record) throw noSuchClaim();
      const change = recordChangeFor(item.kind, fact, record);
      if (!change) throw conflict(`${noSuchChild(fact.childBirthDate)}，请先在档案中登记该子女`);
      try {
        await deps.families.update(caller, item.familyId, change, now);
        break;
      } catch (error) {
        if (!(isAppError(error) && error.code === 'CONFLICT' && attempt < 2)) throw error;
      }
    }
    await claims
      .patch({ claimId: item.claimId })
      .composite({ createdAt: item.createdAt })
      .set({ appliedAt: now.toISOString() })
      .go();
  }

  return {
    async submit(caller: SessionUser, input: FactClaimInput, now: Date, operationId?: string) {
      const { family } = await member(caller);
      const claimId = newId('fc', operationId);
      const earlier = operationId ? await getClaim(claimId) : undefined;
      if (earlier && earlier.submittedBy === caller.id) return view(earlier);
      if (input.childBirthDate !== undefined && childIndexFor(family.children, input.childBirthDate) < 0) {
        throw validationFailed(`${noSuchChild(input.childBirthDate)}，请核对生日或联系县区卫生健康委员会`, [
          { path: 'body.childBirthDate', message: '档案中没有该生日的子女' },
        ]);
      }
      // The bytes are read back (digest, file signature) and copied under the claim before it is written.
      const verified = await deps.uploads.verify(caller, input.attachmentIds, claimId);
      await deps.uploads.attach(verified, claimId, now);
      const fact: ClaimFact = {
        date: input.date,
        ...(input.childBirthDate ? { childBirthDate: input.childBirthDate } : {}),
        ...(input.schoolStage ? { schoolStage: input.schoolStage } : {}),
        ...(input.note ? { note: input.note } : {}),
        attachments: verified.map(({ attachment: a }) => ({
          id: a.id,
          fileName: a.fileName,
          contentType: a.contentType,
          size: a.size,
          key: a.key,
        })),
      };
      const item: FactClaimItem = {
        claimId,
        familyId: family.familyId,
        district: family.district,
        familyLabel: familyLabel(family),
        kind: input.kind,
        factSealed: await (await deps.cipher()).seal(JSON.stringify(fact), factClaimField),
        submittedBy: caller.id,
        status: 'pending_review',
        createdAt: now.toISOString(),
      };
      try {
        await claims.create(item).go();
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const found = await getClaim(claimId);
        if (found) return view(found);
      }
      return view(item);
    },

    async listMine(caller: SessionUser, query: ListQuery) {
      const { family } = await member(caller);
      const cursor = await decodeCursor<string>(query.cursor);
      const page = await claims.query
        .byFamily({ familyId: family.familyId })
        .go({ limit: query.limit, order: 'desc', ...(cursor ? { cursor } : {}) });
      return {
        items: await Promise.all(page.data.map(view)),
        nextCursor: await encodeCursor(page.cursor),
      };
    },

    /** District staff: their district (another is 403); city staff: one or all. Every family shown is audited. */
    async listForStaff(
      caller: SessionUser,
      query: ListQuery & {
        status: FactClaimItem['status'];
        district?: FactClaimItem['district'] | undefined;
      },
      now: Date,
    ) {
      const districts = await deps.access.staffDistricts(caller, query.district, '只能查看本县区的证明材料');
      const page = await pageAcross(districts, query, (district, limit, cursor) =>
        partitionPage(claims.query.byDistrict({ district, status: query.status }), {
          limit,
          cursor,
          order: 'desc',
        }),
      );
      await deps.auditor.record(
        page.items.map((c) => c.familyId),
        'list',
        caller,
        now,
      );
      return { items: await Promise.all(page.items.map(view)), nextCursor: page.nextCursor };
    },

    async decide(
      caller: SessionUser,
      claimId: string,
      decision: { decision: 'approve' | 'reject'; reason?: string | undefined },
      now: Date,
      trace: { requestId: string; sourceIp: string },
    ): Promise<FactClaim> {
      const jurisdiction = await deps.access.staffJurisdiction(caller);
      const claim = await getClaim(claimId);
      if (!claim || !covers(jurisdiction, claim.district)) throw noSuchClaim();
      // A member of staff who sent the proof for their own family does not review it.
      refuseOwnCase(caller, [claim.submittedBy]);
      const approve = decision.decision === 'approve';
      const to = approve ? ('approved' as const) : ('rejected' as const);
      if (claim.status !== 'pending_review') {
        if (claim.status !== to || claim.reviewerId !== caller.id) throw decidedAlready();
        // The same decision again: finish an approval whose record write did not land.
        if (approve && !claim.appliedAt) await apply(caller, claim, now);
        return view((await getClaim(claimId)) ?? claim);
      }
      if (approve) {
        const fact = await openFact(claim);
        const record = await deps.readRecord(claim.familyId);
        if (!record) throw noSuchClaim();
        if (!recordChangeFor(claim.kind, fact, record))
          throw conflict(`${noSuchChild(fact.childBirthDate)}，请先在档案中登记该子女再审核`);
      }
      // Audit first (decision 0019): the decision never exists without its entry.
      await deps.audit.record(
        caller,
        {
          subjectType: 'factClaim',
          subjectId: claimId,
          objectId: claim.familyId,
          action: 'fact_claim_decision',
          district: claim.district,
          note: `${factClaimKindInfo[claim.kind].name}: pending_review → ${to}`,
          requestId: trace.requestId,
          sourceIp: trace.sourceIp,
        },
        now,
      );
      const changes = {
        status: to,
        reviewerId: caller.id,
        decidedAt: now.toISOString(),
        ...(decision.reason ? { reviewReason: decision.reason } : {}),
      };
      const moved = await landed(
        claims
          .patch({ claimId })
          .composite({ createdAt: claim.createdAt })
          .set(changes)
          .where((attr, op) => op.eq(attr.status, 'pending_review'))
          .go(),
      );
      if (!moved) {
        const now2 = await getClaim(claimId);
        if (!now2 || now2.status !== to || now2.reviewerId !== caller.id) throw decidedAlready();
      }
      const decided = { ...claim, ...changes };
      if (approve) await apply(caller, decided, now);
      return view((await getClaim(claimId)) ?? decided);
    },

    /** A short-lived link to one attachment: the family that sent it, or staff of its district (audited). */
    async attachment(caller: SessionUser, claimId: string, uploadId: string, now: Date) {
      const claim = await getClaim(claimId);
      if (!claim) throw noSuchClaim();
      let allowed = false;
      if (caller.roles.includes('staff')) {
        const jurisdiction = await deps.access.staffJurisdiction(caller);
        if (covers(jurisdiction, claim.district)) {
          await deps.auditor.record([claim.familyId], 'view', caller, now);
          allowed = true;
        }
      }
      if (!allowed) {
        const found = await deps.membership.membershipOf(caller.id);
        allowed = found?.family.familyId === claim.familyId;
      }
      if (!allowed) throw noSuchClaim();
      const attachment = (await openFact(claim)).attachments.find((a) => a.id === uploadId);
      if (!attachment) throw notFound('未找到该附件');
      const link = await deps.uploads.downloadLink(attachment, now);
      return {
        ...link,
        fileName: attachment.fileName,
        contentType: attachment.contentType,
        size: attachment.size,
      };
    },
  };
}

export type FactClaimService = ReturnType<typeof createFactClaimService>;
