import { createHash } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type DistrictCode, districtCodes, type Role } from '@hongjia/shared';
import type { AccessTableName } from './dynamo';
import { isConditionFailure } from './guards';
import { Entity, type EntityItem } from './store/index';

/**
 * A person who signed in with WeChat. Keyed by a pseudonymous id derived from
 * the openid, so the first sign-in of an openid is a conditional create on one
 * item: two racing first sign-ins cannot make two users. Lives in the access
 * table, which only the sign-in group may write (decision 0016).
 */
export function createUserEntity(client: DynamoDBDocumentClient, table: AccessTableName) {
  return new Entity(
    {
      model: { entity: 'user', version: '1', service: 'hongjia' },
      attributes: {
        userId: { type: 'string', required: true, readOnly: true },
        openid: { type: 'string', required: true, readOnly: true },
        roles: {
          type: 'set',
          items: ['family', 'provider', 'staff', 'admin', 'terminal', 'volunteer'] as const,
          required: true,
        },
        district: { type: districtCodes },
        cityWide: { type: 'boolean' },
        displayName: { type: 'string' },
        createdAt: { type: 'string', required: true, readOnly: true },
        /**
         * The 隐私保护指引 version the user last agreed to, and when: kept here (the consent
         * items are the PIPL record) so the router's one read of the user per request can
         * refuse a family without a current agreement (commons/caller.ts).
         */
        privacyPolicyVersion: { type: 'string' },
        privacyPolicyAcceptedAt: { type: 'string' },
        /**
         * Moves on at logout and deactivation; every token carries the version it was
         * issued under and the router refuses any other (decision 0017). Absent = 0.
         */
        sessionVersion: { type: 'number' },
        /** Set by an admin: sign-in refused, every request refused, until reactivated. */
        deactivatedAt: { type: 'string' },
      },
      indexes: {
        byId: {
          pk: { field: 'pk', composite: ['userId'] },
          sk: { field: 'sk', composite: [] },
        },
      },
    },
    { client, table },
  );
}

export type UserEntity = ReturnType<typeof createUserEntity>;
export type UserItem = EntityItem<UserEntity>;

export interface NewUser {
  openid: string;
  roles: Role[];
  district?: DistrictCode;
  cityWide?: boolean;
  displayName?: string;
}

export function userIdForOpenid(openid: string): string {
  return `u_${createHash('sha256').update(`wechat-openid:${openid}`).digest('hex').slice(0, 24)}`;
}

export interface UserStore {
  get(userId: string): Promise<UserItem | undefined>;
  /** Creates the user unless one exists for the openid; returns whichever is stored. */
  getOrCreate(user: NewUser, now: Date): Promise<UserItem>;
  /** Notes the privacy-guideline version the user agreed to (setting it again is harmless). */
  notePrivacyConsent(userId: string, version: string, acceptedAt: string): Promise<void>;
  /** Ends every session of the user: one atomic ADD on the stored version. */
  endSessions(userId: string): Promise<void>;
  /** Adds a role to the stored user (a set ADD: granting it twice is harmless). */
  grantRole(userId: string, role: Role): Promise<void>;
  /** Deactivates (sessions end in the same write) or reactivates; undefined when no such user. */
  setActive(userId: string, active: boolean, now: Date): Promise<UserItem | undefined>;
}

/** The version a token must carry to be honoured. */
export const sessionVersionOf = (user: Pick<UserItem, 'sessionVersion'>) => user.sessionVersion ?? 0;

export function createUserStore(entity: UserEntity): UserStore {
  const get = async (userId: string) => (await entity.get({ userId }).go()).data ?? undefined;
  return {
    get,
    async getOrCreate(user, now) {
      const userId = userIdForOpenid(user.openid);
      const existing = await get(userId);
      if (existing) return existing;
      try {
        const created = await entity.create({ ...user, userId, createdAt: now.toISOString() }).go();
        return created.data;
      } catch (error) {
        const raced = await get(userId);
        if (raced) return raced;
        throw error;
      }
    },
    async notePrivacyConsent(userId, version, acceptedAt) {
      await entity
        .patch({ userId })
        .set({ privacyPolicyVersion: version, privacyPolicyAcceptedAt: acceptedAt })
        .go();
    },
    async grantRole(userId, role) {
      await entity
        .patch({ userId })
        .add({ roles: [role] })
        .go();
    },
    async endSessions(userId) {
      await entity.patch({ userId }).add({ sessionVersion: 1 }).go();
    },
    async setActive(userId, active, now) {
      try {
        const update = active
          ? entity.patch({ userId }).remove(['deactivatedAt'])
          : entity.patch({ userId }).set({ deactivatedAt: now.toISOString() }).add({ sessionVersion: 1 });
        return (await update.go({ response: 'all_new' })).data as UserItem;
      } catch (error) {
        // patch is conditional on the item existing: an unknown id is not created.
        if (isConditionFailure(error)) return undefined;
        throw error;
      }
    },
  };
}

/**
 * The user store over the access table: every group reads users, only sign-in writes them
 * (decision 0016). The table is passed in: importing this file must not build the DynamoDB
 * client of commons/dynamo (tests import it before the local runtime sets the endpoint).
 */
export function userStoreFor(client: DynamoDBDocumentClient, table: AccessTableName): UserStore {
  return createUserStore(createUserEntity(client, table));
}
