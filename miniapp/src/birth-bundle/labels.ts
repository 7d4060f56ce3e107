import type { BirthBundleView, BundleItemKind, BundleItemStatus } from '@hongjia/shared';
import type { z } from 'zod';

export type ItemKind = z.infer<typeof BundleItemKind>;
export type ItemStatus = z.infer<typeof BundleItemStatus>;
export type BundleItem = z.infer<typeof BirthBundleView>['items'][number];

/** Guangdong's nine items (decision 0035), in the order a birth goes through them. */
export const itemKinds: readonly ItemKind[] = [
  'birth_certificate',
  'vaccination_certificate',
  'vaccination_record',
  'household_registration',
  'medical_insurance',
  'social_security_card',
  'maternity_allowance',
  'maternity_medical',
  'childcare_subsidy',
];

export const itemNames: Record<ItemKind, { name: string; agency: string }> = {
  household_registration: { name: '出生登记（户口）', agency: '公安户籍' },
  medical_insurance: { name: '城乡居民医保参保', agency: '医保部门' },
  social_security_card: { name: '社会保障卡申领', agency: '人社部门' },
  vaccination_record: { name: '预防接种建档', agency: '疾控和接种单位' },
  birth_certificate: { name: '出生医学证明信息核对', agency: '助产机构和卫健部门' },
  vaccination_certificate: { name: '预防接种证办理', agency: '接种单位' },
  maternity_allowance: { name: '生育津贴申领', agency: '医保部门' },
  maternity_medical: { name: '生育医疗费用报销', agency: '医保部门' },
  childcare_subsidy: { name: '育儿补贴申请', agency: '卫健部门（户口办好后自动申请）' },
};

/** Each item's status as the family reads it: 已受理 / 办理中 / 重试中（第 N 次）/ 失败. */
export function itemStatusText(item: Pick<BundleItem, 'status' | 'attempts'>): string {
  switch (item.status) {
    case 'accepted':
      return '已受理';
    case 'queued':
    case 'sending':
      return '办理中';
    case 'retrying':
      return `重试中（第 ${Math.max(1, item.attempts)} 次）`;
    case 'failed':
      return '失败';
    case 'waiting':
      return '等待户口登记';
  }
}

/** Polling stops once nothing is on its way any more. */
export function stillMoving(items: ReadonlyArray<Pick<BundleItem, 'status'>>): boolean {
  return items.some(
    (i) =>
      i.status === 'queued' || i.status === 'sending' || i.status === 'retrying' || i.status === 'waiting',
  );
}
