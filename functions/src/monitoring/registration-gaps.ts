import { monthOf, overdueFrom } from '@hongjia/shared';
import type { RegistrationFactItem } from './entities';
import type { GapFacts } from './gaps';

/** The reconciliation item of a registration with no delivery: counted from its due date + 60 days. */
export function overdueGapOf(
  fact: Pick<
    RegistrationFactItem,
    'registrationId' | 'receiptNo' | 'motherIdMasked' | 'district' | 'pregnancyDate' | 'hasDueDate'
  >,
): GapFacts {
  return {
    kind: 'registration_overdue',
    subject: `registration#${fact.registrationId}`,
    district: fact.district,
    month: monthOf(fact.pregnancyDate),
    visibleFrom: overdueFrom(fact),
    references: [
      { label: '登记受理编号', value: fact.receiptNo },
      { label: '母亲身份证号', value: fact.motherIdMasked },
      { label: fact.hasDueDate ? '预产期' : '登记日期', value: monthOf(fact.pregnancyDate) },
    ],
    detail: fact.hasDueDate ? '预产期已过 60 天，仍无住院分娩记录' : '登记已满 300 天，仍无住院分娩记录',
  };
}
