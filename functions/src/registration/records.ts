import type { DistrictCode } from '@hongjia/shared';
import { conflict } from '../commons/errors';
import { isConditionFailure } from '../commons/guards';
import type { PiiCipher } from '../commons/pii';
import type {
  ReceiptCounterEntity,
  RegistrationEntity,
  RegistrationItem,
  RegistrationItemStatus,
  RegistrationProbeEntity,
} from './entity';
import { openNames } from './intake';
import type { RelatedRegistration } from './rules';

/** Store access of the registration service: look-ups by index, numbered receipts, locked moves. */
export function createRegistrationRecords(deps: {
  registrations: RegistrationEntity;
  probes: RegistrationProbeEntity;
  counters: ReceiptCounterEntity;
  cipher: () => Promise<PiiCipher>;
}) {
  const { registrations, probes, counters } = deps;
  /** A candidate with its parents' names opened for the near-identical-names check (a mother has a handful). */
  const related = async (item: RegistrationItem): Promise<RelatedRegistration> => ({
    registrationId: item.registrationId,
    receiptNo: item.receiptNo,
    status: item.status,
    parity: item.parity,
    pregnancyDate: item.pregnancyDate,
    ...(await openNames(await deps.cipher(), item)),
  });

  return {
    registrations,

    async get(registrationId: string): Promise<RegistrationItem | undefined> {
      return (await registrations.get({ registrationId }).go({ consistent: true })).data ?? undefined;
    },

    /** The mother's registrations: ONE Query on her keyed hash, never a scan (a mother has a handful). */
    async byMother(motherIdHash: string, except: string): Promise<RelatedRegistration[]> {
      const found = await registrations.query.byMother({ motherIdHash }).go({ pages: 'all' });
      return Promise.all(found.data.filter((item) => item.registrationId !== except).map(related));
    },

    /**
     * Other couples' registrations with these parents' birth dates (one Query
     * on the probe key). Each candidate is re-read: a probe outlives a
     * resubmission that changed the ID numbers, and then no longer matches.
     */
    async byBirthDates(
      probeKey: string,
      motherIdHash: string,
      except: string,
    ): Promise<RelatedRegistration[]> {
      const found = await probes.query.byKey({ probeKey }).go({ pages: 'all' });
      const ids = found.data.map((probe) => probe.registrationId).filter((id) => id !== except);
      if (!ids.length) return [];
      const items = await registrations.get(ids.map((registrationId) => ({ registrationId }))).go();
      return Promise.all(items.data.filter((item) => item.motherIdHash !== motherIdHash).map(related));
    },

    /** The names as sealed on the registration (same fields, so they open alike). */
    async putProbe(probe: {
      probeKey: string;
      registrationId: string;
      motherNameSealed: string;
      fatherNameSealed: string;
      pregnancyDate: string;
    }) {
      await probes.put(probe).go();
    },

    /**
     * 受理编号 `SY` + day + district + 6-digit sequence: unique by an atomic
     * counter per district and day (one conditional-free ADD), readable on paper.
     */
    async nextReceiptNo(district: DistrictCode, day: string): Promise<string> {
      const answer = await counters.update({ district, day }).add({ seq: 1 }).go({ response: 'all_new' });
      const seq = String(answer.data.seq ?? 0).padStart(6, '0');
      return `SY${day.replaceAll('-', '')}${district}${seq}`;
    },

    async create(item: RegistrationItem): Promise<void> {
      await registrations.create(item).go();
    },

    /**
     * The optimistic lock: a move happens only if the item still has the
     * version (and status) the caller saw; anything else is 409 CONFLICT.
     */
    async move(
      item: RegistrationItem,
      from: { version: number; status: RegistrationItemStatus },
      changes: Partial<RegistrationItem> & { status: RegistrationItemStatus },
    ): Promise<RegistrationItem> {
      const next = { ...item, ...changes, version: from.version + 1 } as RegistrationItem;
      const { registrationId, receiptNo, userId, submittedAt, ...mutable } = next;
      try {
        await registrations
          .patch({ registrationId })
          .set(mutable)
          .composite({ submittedAt })
          .where((attr, op) => `${op.eq(attr.version, from.version)} AND ${op.eq(attr.status, from.status)}`)
          .go();
      } catch (error) {
        if (isConditionFailure(error)) {
          throw conflict('该登记已被他人处理或已更新，请刷新后重试', [
            { path: 'body.expectedVersion', message: '版本已过期' },
          ]);
        }
        throw error;
      }
      return next;
    },
  };
}

export type RegistrationRecords = ReturnType<typeof createRegistrationRecords>;
