import { formatShare } from '../../../lib/format';

/**
 * The 登记备案率 line above a district's operator list (decision 0034): filed ÷ known, where
 * known is the list together with every operator that filed. Nothing known yet says so.
 */
export function filingRateLine(
  figures:
    | { districtName: string; knownOperators: number; filedOperators: number; filingRate: number }
    | undefined,
): string {
  if (!figures) return '';
  if (figures.knownOperators === 0) return `${figures.districtName}：底册和备案都还没有机构，登记备案率暂无`;
  return `${figures.districtName}登记备案率 ${formatShare(figures.filingRate)}（已备案 ${figures.filedOperators} 家 / 已知 ${figures.knownOperators} 家）`;
}
