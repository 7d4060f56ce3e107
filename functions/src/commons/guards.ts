import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from './store/index';

/**
 * Uniqueness claims that must hold without transactions: one item per claimed
 * value, created with a conditional put, so two racing requests cannot both
 * win. `targetId` names the item the claim protects (a booking, a filing);
 * a claim is released only by whoever still holds it (conditional delete).
 * - `child-slot`: one active booking per child per slot;
 * - `credit-code`: one active filing per unified social credit code;
 * - `pregnancy`: one registration per mother and pregnancy window (keyed hash);
 * - `identity`: one user bound to a person (keyed hash of the ID number);
 * - `childcare-subsidy`: one 育儿补贴 application per child (keyed hash of the child's ID number);
 * - `birth-bundle`: one active 出生一件事 per birth (keyed hash of the birth certificate number).
 * A later filing by someone else is not refused but put before staff (decision 0013).
 */
export const guardScopes = [
  'child-slot',
  'credit-code',
  'pregnancy',
  'identity',
  'childcare-subsidy',
  'birth-bundle',
] as const;
export type GuardScope = (typeof guardScopes)[number];

export function createGuardEntity(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    {
      model: { entity: 'guard', version: '1', service: 'hongjia' },
      attributes: {
        scope: { type: guardScopes, required: true, readOnly: true },
        key: { type: 'string', required: true, readOnly: true },
        ownerId: { type: 'string', required: true, readOnly: true },
        targetId: { type: 'string', required: true, readOnly: true },
        createdAt: { type: 'string', required: true, readOnly: true },
      },
      indexes: {
        byKey: {
          pk: { field: 'pk', composite: ['scope', 'key'] },
          sk: { field: 'sk', composite: [] },
        },
      },
    },
    { client, table },
  );
}

export type GuardEntity = ReturnType<typeof createGuardEntity>;

export interface Guard {
  ownerId: string;
  targetId: string;
}

export type ClaimResult = { claimed: true } | { claimed: false; holder: Guard | undefined };

export function createGuards(entity: GuardEntity) {
  return {
    async claim(scope: GuardScope, key: string, claim: Guard, now: Date): Promise<ClaimResult> {
      try {
        await entity.create({ scope, key, ...claim, createdAt: now.toISOString() }).go();
        return { claimed: true };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const holder = (await entity.get({ scope, key }).go({ consistent: true })).data;
        return { claimed: false, holder: holder ?? undefined };
      }
    },

    async holder(scope: GuardScope, key: string): Promise<Guard | undefined> {
      return (await entity.get({ scope, key }).go({ consistent: true })).data ?? undefined;
    },

    /** Releases the claim if `targetId` still holds it; a claim re-taken by someone else stays. */
    async release(scope: GuardScope, key: string, targetId: string): Promise<void> {
      try {
        await entity
          .delete({ scope, key })
          .where((attr, op) => op.eq(attr.targetId, targetId))
          .go();
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    },
  };
}

export type Guards = ReturnType<typeof createGuards>;

/** ElectroDB wraps the SDK's ConditionalCheckFailedException; both shapes mean "the condition did not hold". */
/**
 * Whether a conditional write landed: false when its condition failed (another writer moved
 * the item first), any other error thrown.
 */
export async function landed(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

export function isConditionFailure(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    if (current.name === 'ConditionalCheckFailedException') return true;
    if (/conditional request failed/i.test(current.message)) return true;
    current = current.cause;
  }
  return false;
}
