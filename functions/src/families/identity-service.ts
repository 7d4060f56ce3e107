import {
  type BindIdentityRequest,
  chinaDate,
  type DistrictCode,
  type IdentityView,
  idNumberProblemMessages,
  isDistrictCode,
  type ListQuery,
  maskIdNumber,
  maskName,
  parseIdNumber,
  type SessionUser,
} from '@hongjia/shared';
import type { AccessChecks } from '../commons/access';
import { AppError, notFound, validationFailed } from '../commons/errors';
import type { Guards } from '../commons/guards';
import { isConditionFailure } from '../commons/guards';
import { newId } from '../commons/ids';
import { pageAcross, partitionPage } from '../commons/paging';
import type { PiiCipher } from '../commons/pii';
import type { FamilyEntities, IdentityItem } from './entities';
import type { FaceVerifier } from './face';
import { sealedFields } from './fields';

export interface IdentityServiceDeps {
  entities: Pick<FamilyEntities, 'identities' | 'identityConflicts' | 'members' | 'families'>;
  guards: Guards;
  cipher: () => Promise<PiiCipher>;
  face: FaceVerifier;
  access: AccessChecks;
}

const alreadyBound = () =>
  new AppError(
    'IDENTITY_ALREADY_BOUND',
    '该身份证号已被其他微信账号实名认证。如非本人操作，请联系所在县区卫生健康委员会处理',
    [{ path: 'body.idNumber', message: '该身份证号已被绑定' }],
  );
const alreadySet = () =>
  new AppError('IDENTITY_ALREADY_SET', '当前账号已实名认证为另一人，不能再绑定其他身份证号', [
    { path: 'body.idNumber', message: '当前账号已绑定其他身份证号' },
  ]);

/** Conflicts of a Nanchang number go to its district; any other region only to city staff. */
const scopeOf = (regionCode: string): DistrictCode | 'city' =>
  isDistrictCode(regionCode) ? regionCode : 'city';

/**
 * 实名认证: one user per person (the `identity` guard on the ID hash, claimed
 * before the identity item is written) and one person per user (the identity
 * item keyed by user). A refused attempt on someone else's number is recorded
 * for the staff of the number's district, without telling the caller whose it is.
 */
export function createIdentityService(deps: IdentityServiceDeps) {
  const { entities, guards, face, access } = deps;

  const isSpecialFamilyMember = async (idHash: string) => {
    const link = (await entities.members.get({ idHash }).go()).data;
    if (!link) return false;
    return (await entities.families.get({ familyId: link.familyId }).go()).data !== null;
  };

  /** The person's own binding: the birth date opened for them. */
  const toView = async (item: IdentityItem): Promise<IdentityView> => ({
    nameMasked: item.nameMasked,
    idNumberMasked: item.idMasked,
    birthDate: await (await deps.cipher()).open(item.birthDateSealed, sealedFields.identityBirthDate),
    sex: item.sex,
    verifiedBy: item.verifiedBy,
    boundAt: item.boundAt,
    specialFamilyMember: await isSpecialFamilyMember(item.idHash),
  });

  const current = async (userId: string) =>
    (await entities.identities.get({ userId }).go({ consistent: true })).data ?? undefined;

  /**
   * Named from the operation id (decision 0015): the refusal is not a stored answer, so a
   * client retrying a refused binding (or one whose conflict write failed) runs it again and
   * must find the conflict already recorded, not list it twice for staff.
   */
  const recordConflict = async (
    caller: SessionUser,
    idNumber: string,
    idHash: string,
    holderUserId: string,
    now: Date,
    operationId: string | undefined,
  ) => {
    const holder = await current(holderUserId);
    await entities.identityConflicts
      .create({
        conflictId: newId('idc', operationId),
        scope: scopeOf(idNumber.slice(0, 6)),
        idMasked: maskIdNumber(idNumber),
        idHash,
        attemptedByUserId: caller.id,
        holderUserId,
        // A holder whose identity item is not written yet (mid-bind) is dated by the attempt.
        holderBoundAt: holder?.boundAt ?? now.toISOString(),
        attemptedAt: now.toISOString(),
      })
      .go()
      .catch((error: unknown) => {
        if (!isConditionFailure(error)) throw error;
      });
  };

  return {
    async bind(
      caller: SessionUser,
      body: BindIdentityRequest,
      now: Date,
      operationId?: string,
    ): Promise<IdentityView> {
      const parsed = parseIdNumber(body.idNumber, chinaDate(now));
      if (!parsed.ok) {
        const message = idNumberProblemMessages[parsed.problem];
        throw validationFailed(message, [{ path: 'body.idNumber', message }]);
      }
      const idNumber = body.idNumber.trim().toUpperCase();
      const cipher = await deps.cipher();
      const idHash = cipher.lookupHash(idNumber, 'id-number');

      const existing = await current(caller.id);
      if (existing) {
        if (existing.idHash !== idHash) throw alreadySet();
        return toView(existing);
      }

      const verifiedBy = await face.verify({
        userId: caller.id,
        name: body.name,
        idNumber,
        faceVerifyResult: body.faceVerifyResult,
      });

      const claim = await guards.claim('identity', idHash, { ownerId: caller.id, targetId: caller.id }, now);
      if (!claim.claimed) {
        const holderId = claim.holder?.ownerId;
        if (holderId !== caller.id) {
          if (holderId) await recordConflict(caller, idNumber, idHash, holderId, now, operationId);
          throw alreadyBound();
        }
        // Our own claim from an attempt that stopped before the identity item: carry on.
      }

      const item: IdentityItem = {
        userId: caller.id,
        idHash,
        nameSealed: await cipher.seal(body.name, sealedFields.identityName),
        nameMasked: maskName(body.name),
        idSealed: await cipher.seal(idNumber, sealedFields.identityIdNumber),
        idMasked: maskIdNumber(idNumber),
        birthDateSealed: await cipher.seal(parsed.facts.birthDate, sealedFields.identityBirthDate),
        sex: parsed.facts.sex,
        regionCode: parsed.facts.regionCode,
        verifiedBy,
        boundAt: now.toISOString(),
      };
      try {
        await entities.identities.create(item).go();
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        // The same user bound another number at the same moment: give this number back.
        const raced = await current(caller.id);
        if (raced?.idHash === idHash) return toView(raced);
        await guards.release('identity', idHash, caller.id);
        throw alreadySet();
      }
      return toView(item);
    },

    async mine(caller: SessionUser): Promise<IdentityView> {
      const item = await current(caller.id);
      if (!item) throw notFound('尚未实名认证');
      return toView(item);
    },

    /** District staff: their district's conflicts; city staff: every district and the non-Nanchang ones. */
    async conflicts(caller: SessionUser, query: ListQuery) {
      const jurisdiction = await access.staffJurisdiction(caller);
      const scopes: string[] = jurisdiction.cityWide
        ? [...jurisdiction.districts, 'city']
        : [...jurisdiction.districts];
      return pageAcross(scopes, query, (scope, limit, cursor) =>
        partitionPage(
          entities.identityConflicts.query.byScope({ scope }),
          { limit, cursor, order: 'desc' },
          (c) => ({
            id: c.conflictId,
            idNumberMasked: c.idMasked,
            ...(c.scope === 'city' ? {} : { district: c.scope as DistrictCode }),
            attemptedAt: c.attemptedAt,
            holderBoundAt: c.holderBoundAt,
          }),
        ),
      );
    },
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;
