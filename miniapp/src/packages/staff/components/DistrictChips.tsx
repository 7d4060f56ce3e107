import type { DistrictCode } from '@hongjia/shared';
import { Chips } from '../../../components/Chips';
import { districtOptions } from '../model/labels';

/**
 * The district filter of city-wide staff (district staff see only their own, so pages render
 * this only for city staff). `withCity` adds 全市 where the route accepts no district.
 */
export function DistrictChips({
  idPrefix,
  value,
  withCity = true,
  onChange,
}: {
  idPrefix: string;
  value: DistrictCode | undefined;
  withCity?: boolean;
  onChange: (district: DistrictCode | undefined) => void;
}) {
  return (
    <Chips
      idPrefix={idPrefix}
      label="县区"
      options={districtOptions(withCity)}
      value={value}
      onChange={onChange}
    />
  );
}
