import { createHash } from 'node:crypto';
import { chinaDate, feeCapProblem, type SessionUser, type Slot, type SlotInput } from '@hongjia/shared';
import type { AccessChecks } from '../../commons/access';
import { conflict, notFound, validationFailed } from '../../commons/errors';
import { isConditionFailure } from '../../commons/guards';
import { searchPartitionOf } from '../../geo';
import type { InstitutionEntity, SlotEntity, SlotItem } from '../entities';
import { toSlot } from '../views';
import { slotProblems } from './rules';

/**
 * A provider publishes slots of its own published institution. The slot id
 * is derived from institution, date, session and class, so the same slot
 * cannot be published twice (conditional create → 409). The slot keeps the
 * request's `operationId`: the same request again after a failure past the
 * write (its idempotency record is then released) answers with that slot.
 */
export function createSlotPublishing(deps: {
  institutions: InstitutionEntity;
  slots: SlotEntity;
  access: AccessChecks;
}) {
  return {
    /** The caller's own institution, or 404 for anyone else's (existence is not disclosed). */
    async ownInstitution(caller: SessionUser, institutionId: string) {
      await deps.access.requireProvider(caller);
      const item = (await deps.institutions.get({ institutionId }).go()).data;
      if (!item || item.providerId !== caller.id) throw notFound('未找到该机构');
      return item;
    },

    async publish(
      caller: SessionUser,
      institutionId: string,
      input: SlotInput,
      now: Date,
      operationId?: string,
    ): Promise<Slot> {
      const institution = await this.ownInstitution(caller, institutionId);
      if (institution.status !== 'published' || !institution.cell) {
        throw conflict('机构备案审核通过后才能发布托位');
      }
      const problems = slotProblems(institution.classes, input, chinaDate(now));
      // A 普惠 institution's places cost no more than its approved cap (decision 0034).
      const overCap =
        input.monthlyFeeYuan === undefined
          ? undefined
          : feeCapProblem(input.monthlyFeeYuan, institution.affordableFeeCapYuan);
      if (overCap) problems.push({ path: 'body.monthlyFeeYuan', message: overCap });
      if (problems.length) throw validationFailed(problems[0]?.message ?? '托位信息不正确', problems);
      const slotId = `slt_${createHash('sha256')
        .update(`${institutionId}|${input.date}|${input.session}|${input.ageClass}`)
        .digest('hex')
        .slice(0, 20)}`;
      const item: SlotItem = {
        slotId,
        institutionId,
        cell: institution.cell,
        cell4: searchPartitionOf(institution.geohash),
        geohash: institution.geohash,
        ageClass: input.ageClass,
        date: input.date,
        session: input.session,
        capacity: input.capacity,
        confirmed: 0,
        waitlisted: 0,
        waitlistSeq: 0,
        createdAt: now.toISOString(),
        ...(input.monthlyFeeYuan !== undefined ? { monthlyFeeYuan: input.monthlyFeeYuan } : {}),
        ...(operationId ? { operationId } : {}),
      };
      try {
        await deps.slots.create(item).go();
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const existing = (await deps.slots.get({ slotId }).go({ consistent: true })).data;
        if (operationId && existing?.operationId === operationId) return toSlot(existing);
        throw conflict('该日期、时段的这个班级已发布过托位');
      }
      return toSlot(item);
    },
  };
}
