import { feeCapProblem, type SessionUser } from '@hongjia/shared';
import type { AccessChecks } from '../../commons/access';
import { notFound, validationFailed } from '../../commons/errors';
import { landed } from '../../commons/guards';
import type { InstitutionEntity } from '../entities';

const capRefusal = (message: string) => validationFailed(message, [{ path: 'body.monthlyFeeYuan', message }]);

/**
 * 收费变更备案: a provider changes its institution's monthly fee. A 普惠 institution's fee
 * stays within the cap its approved application set — checked here for the Chinese answer
 * and again in the write's condition, so an approval landing meanwhile cannot be bypassed.
 */
export function createFeeChanges(deps: { institutions: InstitutionEntity; access: AccessChecks }) {
  return {
    async change(caller: SessionUser, institutionId: string, monthlyFeeYuan: number) {
      await deps.access.requireProvider(caller);
      const item = (await deps.institutions.get({ institutionId }).go({ consistent: true })).data;
      if (!item || item.providerId !== caller.id) throw notFound('未找到该机构');
      const problem = feeCapProblem(monthlyFeeYuan, item.affordableFeeCapYuan);
      if (problem) throw capRefusal(problem);
      const changed = await landed(
        deps.institutions
          .patch({ institutionId })
          .set({ monthlyFeeYuan })
          .where(
            (attr, op) =>
              `${op.notExists(attr.affordableFeeCapYuan)} OR ${op.gte(attr.affordableFeeCapYuan, monthlyFeeYuan)}`,
          )
          .go(),
      );
      if (!changed) {
        const now = (await deps.institutions.get({ institutionId }).go({ consistent: true })).data;
        throw capRefusal(
          feeCapProblem(monthlyFeeYuan, now?.affordableFeeCapYuan) ?? '收费变更未能保存，请重试',
        );
      }
      return { id: institutionId, monthlyFeeYuan };
    },
  };
}
