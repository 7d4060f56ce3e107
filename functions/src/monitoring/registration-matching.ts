import { deliveryFitsRegistration, type Figures } from '@hongjia/shared';
import { isConditionFailure } from '../commons/guards';
import type { PiiCipher } from '../commons/pii';
import type { MessageQueue } from '../commons/queue';
import { type CounterKey, type CounterStore, counterKeyOf } from './counters';
import type { MonitoringEntities, RecordItem, RegistrationFactItem } from './entities';
import type { Gaps } from './gaps';
import type { MonitoringMessage } from './messages';
import { openDetail } from './record-builder';
import { overdueGapOf } from './registration-gaps';
import type { SourceMatching } from './source-matching';

/**
 * The matching job of one registration (a `{kind: 'registration'}` message,
 * sent by the registration path when an approval is made or voided): a
 * registration approved after its delivery was imported covers it now. It is
 * a counter writer like an import (decision 0020): writer `rg_<id>`, one step
 * per run; a run links the mother's unmatched deliveries that fit, each by a
 * conditional update tagged `rg_<id>#<run>`, adds those it linked to
 * `registered` with marker (writer, run), then records the run as counted.
 * A run cut off is resumed with the same number (the fact says it is not yet
 * counted), so it finds the deliveries it had linked by their tag and counts
 * them once. Links are never undone: a voided approval keeps the deliveries it
 * covered counted (decision 0020, "refused") and only stops being overdue.
 */
export interface RegistrationMatchingDeps {
  entities: MonitoringEntities;
  counters: CounterStore;
  gaps: Gaps;
  matching: SourceMatching;
  cipher: PiiCipher;
  queue: MessageQueue;
  clock: () => Date;
  leaseMs: number;
  pruneDelaySeconds: number;
}

export async function runRegistrationMatching(
  deps: RegistrationMatchingDeps,
  registrationId: string,
  runId: string,
): Promise<'done' | 'busy' | 'unknown'> {
  const { entities, clock } = deps;
  const { facts, records } = deps.entities;
  const now = clock();
  const seen = (await facts.get({ registrationId }).go({ consistent: true })).data;
  if (!seen) return 'unknown';
  const resuming = (seen.runs ?? 0) > (seen.countedRun ?? 0);
  const runNo = resuming ? (seen.runs ?? 0) : (seen.runs ?? 0) + 1;
  let fact: RegistrationFactItem;
  try {
    fact = (
      await facts
        .patch({ registrationId })
        .set({ leaseOwner: runId, leaseUntil: now.getTime() + deps.leaseMs, runs: runNo })
        .where(
          (attr, op) =>
            `(${op.notExists(attr.leaseUntil)} OR ${op.lt(attr.leaseUntil, now.getTime())} OR ${op.eq(attr.leaseOwner, runId)}) AND ${
              seen.runs === undefined ? op.notExists(attr.runs) : op.eq(attr.runs, seen.runs)
            }`,
        )
        .go({ response: 'all_new' })
    ).data as RegistrationFactItem;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    // Another run holds the lease, alive or dead (SQS redelivers a dead run's message before its
    // lease is out): look again once it is, or a dead run's matching would never be finished.
    const held = (await facts.get({ registrationId }).go({ consistent: true })).data;
    const waitMs = (held?.leaseUntil ?? 0) - now.getTime();
    if (waitMs > 0) {
      const message: MonitoringMessage = { kind: 'registration', registrationId };
      await deps.queue.send(message, { delaySeconds: Math.min(900, Math.ceil(waitMs / 1000) + 1) });
    }
    return 'busy';
  }

  const writer = `rg_${registrationId}`;
  const tag = `${writer}#${runNo}`;
  // The mother's deliveries, each read consistently (the index only names them).
  const named = (
    await records.query
      .byPerson({ personHash: fact.motherIdHash, source: 'hospital_delivery' })
      .go({ pages: 'all' })
  ).data;
  const deliveries: RecordItem[] = [];
  for (const entry of named) {
    const record = (await records.get({ source: entry.source, key: entry.key }).go({ consistent: true }))
      .data;
    if (record) deliveries.push(record);
  }
  const days = new Map<string, string>();
  for (const delivery of deliveries) {
    const detail = await openDetail(deps.cipher, delivery);
    if (detail.source === 'hospital_delivery') days.set(delivery.key, detail.deliveryDate);
  }
  const fits = (delivery: RecordItem) => {
    const day = days.get(delivery.key);
    return day !== undefined && deliveryFitsRegistration(day, fact);
  };

  const ours: RecordItem[] = deliveries.filter((delivery) => delivery.linkedBy === tag);
  if (fact.status === 'approved') {
    for (const delivery of deliveries) {
      if (delivery.registrationId || !fits(delivery)) continue;
      try {
        const linked = await records
          .patch({ source: delivery.source, key: delivery.key })
          .set({ registrationId, linkedBy: tag })
          .where((attr, op) => op.notExists(attr.registrationId))
          .go({ response: 'all_new' });
        ours.push(linked.data as RecordItem);
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    }
  }

  const deltas = new Map<CounterKey, Partial<Figures>>();
  for (const delivery of ours) {
    const key = counterKeyOf(delivery.district, delivery.month);
    deltas.set(key, { registered: (deltas.get(key)?.registered ?? 0) + 1 });
  }
  const keys = [...deltas.keys()];
  if (keys.length > 0) await facts.patch({ registrationId }).add({ counterKeys: keys }).go();
  for (const [key, delta] of deltas) await deps.counters.apply(key, delta, writer, runNo);

  for (const delivery of ours) {
    await deps.gaps.close(
      deps.matching.deliveryGap('delivery_without_registration', delivery, `${delivery.month}-01`),
      now,
    );
  }
  const overdue = overdueGapOf(fact);
  if (fact.status === 'voided' || deliveries.some(fits)) await deps.gaps.close(overdue, now);
  else await deps.gaps.open(overdue, now);

  try {
    await facts
      .patch({ registrationId })
      .set({ countedRun: runNo, leaseUntil: 0 })
      .where((attr, op) => `${op.eq(attr.leaseOwner, runId)} AND ${op.eq(attr.runs, runNo)}`)
      .go();
  } catch (error) {
    if (isConditionFailure(error)) return 'busy';
    throw error;
  }
  if (keys.length > 0) {
    const prune: MonitoringMessage = { kind: 'prune', writer, step: runNo, counterKeys: keys };
    await deps.queue.send(prune, { delaySeconds: deps.pruneDelaySeconds });
  }
  void entities;
  return 'done';
}
