import {
  deliveryFigures,
  eventDayOf,
  type Figures,
  type MonitoringRow,
  maskIdNumber,
  maskName,
  migrationFigures,
  monthOf,
} from '@hongjia/shared';
import type { PiiCipher } from '../commons/pii';
import type { RecordItem } from './entities';

/** The keyed-hash purposes monitoring computes (`id-number` is the one registrations use: they must match). */
export const hashPurposes = {
  idNumber: 'id-number',
  child: 'monitoring-child',
  name: 'monitoring-name',
} as const;

/** The sealed field of a record's row (family `monitoring`, decision 0016). */
export const detailField = 'monitoring.record.detail';

export type NewRecord = Omit<RecordItem, 'createdAt'> & { createdAt: string };

/** What a record's `detailSealed` opens to: the validated row itself. */
export type RecordDetail = MonitoringRow;

const normalizeName = (name: string) => name.replace(/[\s·•.]/g, '');

/**
 * The stored record of a validated row: the row sealed whole, masked copies
 * for the reconciliation list, keyed hashes to match it with other sources,
 * and the figures it adds to its district-month. `registrationId`: the
 * 生育登记 a delivery is matched to at import, if one is.
 */
export async function buildRecord(
  cipher: PiiCipher,
  row: MonitoringRow,
  createdBy: string,
  now: Date,
  registrationId?: string,
): Promise<NewRecord> {
  const day = eventDayOf(row);
  const personId = row.source === 'household_migration' ? row.idNumber : row.motherIdNumber;
  const base = {
    source: row.source,
    key: row.key,
    district: row.district,
    month: monthOf(day),
    createdBy,
    personHash: cipher.lookupHash(personId, hashPurposes.idNumber),
    personMasked: maskIdNumber(personId),
    detailSealed: await cipher.seal(JSON.stringify(row), detailField),
    createdAt: now.toISOString(),
  };
  switch (row.source) {
    case 'hospital_delivery': {
      const figures = deliveryFigures(row, registrationId !== undefined);
      return {
        ...base,
        childKey: cipher.lookupHash(`${row.motherIdNumber}|${row.deliveryDate}`, hashPurposes.child),
        nameHash: cipher.lookupHash(normalizeName(row.motherName), hashPurposes.name),
        nameMasked: maskName(row.motherName),
        childSex: row.childSex,
        hospital: row.hospital,
        figuresJson: JSON.stringify(figures),
        ...(registrationId ? { registrationId, linkedBy: createdBy } : {}),
      };
    }
    case 'birth_certificate':
    case 'vaccination':
      return {
        ...base,
        childKey: cipher.lookupHash(`${row.motherIdNumber}|${row.childBirthDate}`, hashPurposes.child),
        nameHash: cipher.lookupHash(normalizeName(row.childName), hashPurposes.name),
        nameMasked: maskName(row.childName),
        ...(row.source === 'birth_certificate' ? { childSex: row.childSex, hospital: row.hospital } : {}),
        figuresJson: '{}',
      };
    case 'household_migration':
      return { ...base, figuresJson: JSON.stringify(migrationFigures(row)) };
  }
}

/** What a stored record adds to its district-month's counters when it is created. */
export function figuresOf(record: Pick<RecordItem, 'figuresJson'>): Partial<Figures> {
  return JSON.parse(record.figuresJson) as Partial<Figures>;
}

export async function openDetail(
  cipher: PiiCipher,
  record: Pick<RecordItem, 'detailSealed'>,
): Promise<RecordDetail> {
  return JSON.parse(await cipher.open(record.detailSealed, detailField)) as RecordDetail;
}
