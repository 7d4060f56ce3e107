import { districtByCode } from '@hongjia/shared';
import type { Jurisdiction } from '../commons/access';

/** History entries name the office that decided, never a person (decision 0008). */
export const officeName = (jurisdiction: Jurisdiction) =>
  jurisdiction.cityWide
    ? '南昌市卫生健康委员会'
    : `${districtByCode(jurisdiction.districts[0]).name}卫生健康委员会`;
