import { districtByCode } from '@hongjia/shared';
import type { NotificationMessage } from '../../notifications';
import type { InstitutionItem } from '../entities';

/** The provider's home in the mini-program (provider subpackage). */
export const providerHomePage = '/packages/provider/pages/index';

export function filingDecidedMessage(item: InstitutionItem, reason: string | undefined): NotificationMessage {
  const district = districtByCode(item.district).name;
  return item.status === 'published'
    ? {
        kind: 'filing_approved',
        title: '机构备案已通过',
        body: `${item.name}已通过${district}审核并发布，现在可以发布托位。`,
        link: providerHomePage,
      }
    : {
        kind: 'filing_rejected',
        title: '机构备案未通过',
        body: `${item.name}未通过${district}审核：${reason ?? ''}`,
        link: providerHomePage,
      };
}
