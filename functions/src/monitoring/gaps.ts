import { createHash } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DistrictCode, ReconciliationKind } from '@hongjia/shared';
import { QueryCommand } from '../commons/dynamo';
import { isConditionFailure } from '../commons/guards';
import type { GapEntity, GapItem } from './entities';

/**
 * Reconciliation items ("gaps") as facts with derived ids: opening one is a
 * create-if-absent, closing one (the missing record arrived) writes `closed`
 * whether or not it was opened yet — so a close that races ahead of its open
 * still wins, and repeating either changes nothing. Staff resolution moves
 * `open → resolved` on the item's version. Open counts are a COUNT Query of a
 * district-month's open items of one kind (bounded by that month's gaps, not
 * by the records).
 */
export interface GapFacts {
  kind: ReconciliationKind;
  /** What the gap is about: a record's pk, a registration id, a pair of records. */
  subject: string;
  district: DistrictCode;
  month: string;
  visibleFrom: string;
  references: { label: string; value: string }[];
  detail: string;
}

const prefixes: Record<ReconciliationKind, string> = {
  delivery_without_registration: 'dwr',
  registration_overdue: 'rgo',
  delivery_without_birth_certificate: 'dwc',
  birth_without_vaccination: 'bwv',
  identity_conflict: 'idc',
};

export const gapIdOf = (kind: ReconciliationKind, subject: string) =>
  `${prefixes[kind]}_${createHash('sha256').update(subject).digest('base64url').slice(0, 22)}`;

export function createGaps(gaps: GapEntity, client: DynamoDBDocumentClient, table: string) {
  const itemOf = (facts: GapFacts, status: 'open' | 'closed', now: Date) => ({
    gapId: gapIdOf(facts.kind, facts.subject),
    kind: facts.kind,
    district: facts.district,
    month: facts.month,
    status,
    visibleFrom: facts.visibleFrom,
    references: facts.references,
    detail: facts.detail,
    version: 0,
    createdAt: now.toISOString(),
    ...(status === 'closed' ? { closedAt: now.toISOString() } : {}),
  });

  return {
    async open(facts: GapFacts, now: Date): Promise<void> {
      try {
        await gaps.create(itemOf(facts, 'open', now)).go();
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    },

    /** The gap no longer is one: closed, created closed if it never was opened. */
    async close(facts: GapFacts, now: Date): Promise<void> {
      const gapId = gapIdOf(facts.kind, facts.subject);
      for (let round = 0; round < 3; round++) {
        const existing = (await gaps.get({ gapId }).go({ consistent: true })).data;
        if (existing?.status === 'closed') return;
        try {
          if (existing) {
            await gaps
              .patch({ gapId })
              .set({ status: 'closed', closedAt: now.toISOString(), version: existing.version + 1 })
              .composite({ district: existing.district, month: existing.month, kind: existing.kind })
              .where((attr, op) => op.eq(attr.version, existing.version))
              .go();
          } else {
            await gaps.create(itemOf(facts, 'closed', now)).go();
          }
          return;
        } catch (error) {
          if (!isConditionFailure(error)) throw error;
        }
      }
      throw new Error(`gap ${gapId} kept changing while it was closed`);
    },

    async get(gapId: string): Promise<GapItem | undefined> {
      return (await gaps.get({ gapId }).go({ consistent: true })).data ?? undefined;
    },

    /** Open items of one kind in a district-month that are gaps by `today`. One COUNT Query (paged past 1 MB). */
    async countOpen(
      district: DistrictCode,
      month: string,
      kind: ReconciliationKind,
      today: string,
    ): Promise<number> {
      const params = gaps.query
        .byPeriod({ district, month, status: 'open', kind })
        .where((attr, op) => op.lte(attr.visibleFrom, today))
        .params() as Record<string, unknown>;
      let count = 0;
      let start: Record<string, unknown> | undefined;
      do {
        const page = await client.send(
          new QueryCommand({
            ...(params as unknown as ConstructorParameters<typeof QueryCommand>[0]),
            TableName: table,
            Select: 'COUNT',
            ExclusiveStartKey: start,
          }),
        );
        count += page.Count ?? 0;
        start = page.LastEvaluatedKey;
      } while (start);
      return count;
    },
  };
}

export type Gaps = ReturnType<typeof createGaps>;
