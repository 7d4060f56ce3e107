import {
  addDays,
  closestRegistration,
  type DeliveryRow,
  isRepeatDelivery,
  type MonitoringRow,
  vaccinationDueDays,
} from '@hongjia/shared';
import type { PiiCipher } from '../commons/pii';
import type { RecordEntity, RecordItem, RegistrationFactEntity, RegistrationFactItem } from './entities';
import type { GapFacts, Gaps } from './gaps';
import { openDetail } from './record-builder';
import { overdueGapOf } from './registration-gaps';

/**
 * Matching a new record against the other sources, on keyed hashes: one Query
 * of the mother's records (gsi1) and, for a delivery, one of her registration
 * facts. What it finds opens or closes reconciliation items; every effect is
 * idempotent (gaps.ts), so a resumed chunk repeats them harmlessly.
 */
export const deliveryReferences = (
  record: Pick<RecordItem, 'key' | 'nameMasked' | 'personMasked' | 'hospital'>,
) => [
  { label: '分娩记录号', value: record.key },
  { label: '母亲', value: record.nameMasked ?? '' },
  { label: '母亲身份证号', value: record.personMasked },
  { label: '医院', value: record.hospital ?? '' },
];

const recordRef = (record: RecordItem) => {
  const labels = {
    hospital_delivery: '分娩记录号',
    birth_certificate: '出生医学证明编号',
    vaccination: '接种记录号',
    household_migration: '迁移记录号',
  } as const;
  return { label: labels[record.source], value: record.key };
};

export function createSourceMatching(deps: {
  records: RecordEntity;
  facts: RegistrationFactEntity;
  gaps: Gaps;
  cipher: PiiCipher;
}) {
  const { records, facts, gaps, cipher } = deps;

  const recordsOf = async (personHash: string): Promise<RecordItem[]> =>
    (await records.query.byPerson({ personHash }).go({ pages: 'all' })).data;

  const deliveryGap = (
    kind:
      | 'delivery_without_registration'
      | 'delivery_without_birth_certificate'
      | 'birth_without_vaccination',
    delivery: RecordItem,
    visibleFrom: string,
  ): GapFacts => ({
    kind,
    subject: `hospital_delivery#${delivery.key}`,
    district: delivery.district,
    month: delivery.month,
    visibleFrom,
    references: deliveryReferences(delivery),
    detail: {
      delivery_without_registration: '住院分娩记录未匹配到母亲的生育登记',
      delivery_without_birth_certificate: '住院分娩记录未匹配到出生医学证明',
      birth_without_vaccination: `出生满 ${vaccinationDueDays} 天仍无预防接种记录`,
    }[kind],
  });

  const conflict = (a: RecordItem, b: RecordItem, reason: string, detail: string): GapFacts => {
    const [first, second] = [a, b].sort((x, y) =>
      `${x.source}#${x.key}`.localeCompare(`${y.source}#${y.key}`),
    ) as [RecordItem, RecordItem];
    const later = first.month > second.month ? first : second;
    return {
      kind: 'identity_conflict',
      subject: `${reason}#${first.source}#${first.key}#${second.source}#${second.key}`,
      district: later.district,
      month: later.month,
      visibleFrom: `${later.month}-01`,
      references: [recordRef(first), recordRef(second), { label: '母亲身份证号', value: first.personMasked }],
      detail,
    };
  };

  return {
    /** The approved registration a delivery is matched to at import: the mother's, closest in time. */
    async registrationFor(row: DeliveryRow, personHash: string): Promise<RegistrationFactItem | undefined> {
      const candidates = (await facts.query.byMother({ motherIdHash: personHash }).go({ pages: 'all' })).data;
      return closestRegistration(
        row.deliveryDate,
        candidates.filter((fact) => fact.status === 'approved'),
      );
    },

    /** The reconciliation effects of a record this import created (run again on a resumed chunk). */
    async afterCreate(record: RecordItem, row: MonitoringRow, now: Date): Promise<void> {
      if (row.source === 'household_migration') return;
      const others = (await recordsOf(record.personHash)).filter(
        (other) => !(other.source === record.source && other.key === record.key),
      );
      const sameChild = (source: RecordItem['source']) =>
        others.filter((other) => other.source === source && other.childKey === record.childKey);

      if (row.source === 'hospital_delivery') {
        if (record.registrationId) {
          const fact = (await facts.get({ registrationId: record.registrationId }).go({ consistent: true }))
            .data;
          if (fact) await gaps.close(overdueGapOf(fact), now);
        } else {
          await gaps.open(deliveryGap('delivery_without_registration', record, row.deliveryDate), now);
        }
        const certificates = sameChild('birth_certificate');
        if (certificates.length === 0) {
          await gaps.open(deliveryGap('delivery_without_birth_certificate', record, row.deliveryDate), now);
        }
        for (const certificate of certificates) {
          if (certificate.childSex && certificate.childSex !== record.childSex) {
            await gaps.open(
              conflict(record, certificate, 'sex', '住院分娩记录与出生医学证明的新生儿性别不一致'),
              now,
            );
          }
        }
        if (sameChild('vaccination').length === 0) {
          await gaps.open(
            deliveryGap('birth_without_vaccination', record, addDays(row.deliveryDate, vaccinationDueDays)),
            now,
          );
        }
        for (const other of others.filter((candidate) => candidate.source === 'hospital_delivery')) {
          if (other.nameHash && other.nameHash !== record.nameHash) {
            await gaps.open(
              conflict(record, other, 'name', '同一母亲身份证号在两条分娩记录中的姓名不同'),
              now,
            );
          }
          const otherDetail = await openDetail(cipher, other);
          if (
            otherDetail.source === 'hospital_delivery' &&
            isRepeatDelivery(row.deliveryDate, otherDetail.deliveryDate)
          ) {
            await gaps.open(conflict(record, other, 'repeat', '同一母亲在数月内有两次分娩记录'), now);
          }
        }
        return;
      }

      // A birth certificate or a vaccination record closes the gap its delivery left open.
      for (const delivery of sameChild('hospital_delivery')) {
        if (row.source === 'birth_certificate') {
          await gaps.close(
            deliveryGap('delivery_without_birth_certificate', delivery, `${delivery.month}-01`),
            now,
          );
          if (delivery.childSex && delivery.childSex !== record.childSex) {
            await gaps.open(
              conflict(delivery, record, 'sex', '住院分娩记录与出生医学证明的新生儿性别不一致'),
              now,
            );
          }
        } else {
          await gaps.close(deliveryGap('birth_without_vaccination', delivery, `${delivery.month}-01`), now);
        }
      }
      const counterpart = row.source === 'birth_certificate' ? 'vaccination' : 'birth_certificate';
      for (const other of sameChild(counterpart)) {
        if (other.nameHash && other.nameHash !== record.nameHash) {
          await gaps.open(
            conflict(record, other, 'child-name', '出生医学证明与预防接种记录的儿童姓名不一致'),
            now,
          );
        }
      }
    },

    deliveryGap,
  };
}

export type SourceMatching = ReturnType<typeof createSourceMatching>;
