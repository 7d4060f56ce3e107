import { AppError, conflict } from '../commons/errors';
import { isConditionFailure } from '../commons/guards';
import type { FamilyEntities } from './entities';

interface LinkClaim {
  idHash: string;
  role: 'father' | 'mother';
  /** Where the member sits in the request body, for the error path. */
  index: number;
}

const onAnotherRecord = (index: number) =>
  new AppError('MEMBER_ON_ANOTHER_RECORD', '该成员已在另一份特殊家庭档案中，不能重复建档', [
    { path: `body.members.${index}.idNumber`, message: '该身份证号已在其他档案中' },
  ]);

/**
 * A person is on one record only: each member's link (ID hash → family) is a
 * conditional create, written before the family item. A link whose family
 * does not exist is the orphan of a create that stopped half-way, and is taken
 * over with a conditional update (so two creates cannot both take it). If any
 * member is refused, the links this create took are given back.
 */
export function createMemberLinks(entities: Pick<FamilyEntities, 'members' | 'families'>) {
  const { members, families } = entities;

  const release = (idHash: string, familyId: string) =>
    members
      .delete({ idHash })
      .where(({ familyId: owner }, { eq }) => eq(owner, familyId))
      .go()
      .catch((error: unknown) => {
        if (!isConditionFailure(error)) throw error;
      });

  const claimOne = async (familyId: string, claim: LinkClaim, linkedAt: string) => {
    try {
      await members.create({ idHash: claim.idHash, familyId, role: claim.role, linkedAt }).go();
      return;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
    const link = (await members.get({ idHash: claim.idHash }).go({ consistent: true })).data;
    if (!link) throw conflict('该成员的建档正在处理中，请稍后再试');
    // Taken by an earlier attempt of this very create (a retry names the same family): ours.
    if (link.familyId === familyId) return;
    const owner = (await families.get({ familyId: link.familyId }).go({ consistent: true })).data;
    if (owner) throw onAnotherRecord(claim.index);
    try {
      await members
        .patch({ idHash: claim.idHash })
        .set({ familyId, role: claim.role, linkedAt })
        .where(({ familyId: current }, { eq }) => eq(current, link.familyId))
        .go();
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      throw onAnotherRecord(claim.index);
    }
  };

  return {
    async claimAll(familyId: string, claims: LinkClaim[], now: Date): Promise<void> {
      const taken: string[] = [];
      try {
        for (const claim of claims) {
          await claimOne(familyId, claim, now.toISOString());
          taken.push(claim.idHash);
        }
      } catch (error) {
        await Promise.all(taken.map((idHash) => release(idHash, familyId)));
        throw error;
      }
    },
  };
}
