import type { RegistrationRequest, SessionUser } from '@hongjia/shared';
import { AppError } from '../commons/errors';
import type { PiiCipher } from '../commons/pii';
import type { IdentityEntity } from '../families';
import { idNumberPurpose } from './intake';

const identityRequired = () => new AppError('IDENTITY_REQUIRED', '请先完成实名认证，再办理生育登记');
const notAParent = () =>
  new AppError(
    'NOT_A_PARENT',
    '生育登记须由登记中的母亲或父亲本人办理：您实名认证的身份与填写的母亲、父亲身份证号都不一致。请核对身份证号，或请孩子的母亲或父亲用本人微信办理',
  );

/** Who files: the caller's real-name identity and whether it is the mother or the father named. */
export interface Filer {
  idHash: string;
  role: 'mother' | 'father';
}

/**
 * 生育登记 is filed by a parent (issue 9): the caller's bound identity
 * (实名认证, face-checked in the weapp) must be the mother or the father the
 * filing names, compared by the PII cipher's keyed hash of the ID number.
 * Anyone else could otherwise claim a woman's pregnancy in her name.
 */
export function createFilerCheck(identities: IdentityEntity) {
  const hashIfBound = async (caller: SessionUser): Promise<string | undefined> =>
    (await identities.get({ userId: caller.id }).go({ consistent: true })).data?.idHash;

  return {
    hashIfBound,

    /** The caller's identity hash, or 403 IDENTITY_REQUIRED. Read before anything else is checked. */
    async boundHash(caller: SessionUser): Promise<string> {
      const idHash = await hashIfBound(caller);
      if (!idHash) throw identityRequired();
      return idHash;
    },

    /** Which parent the caller is in `body` (well-formed ID numbers), or 403 NOT_A_PARENT. */
    parentRole(cipher: PiiCipher, idHash: string, body: RegistrationRequest): Filer {
      const hashOf = (idNumber: string) => cipher.lookupHash(idNumber.trim().toUpperCase(), idNumberPurpose);
      if (hashOf(body.mother.idNumber) === idHash) return { idHash, role: 'mother' };
      if (hashOf(body.father.idNumber) === idHash) return { idHash, role: 'father' };
      throw notAParent();
    },
  };
}

export type FilerCheck = ReturnType<typeof createFilerCheck>;
