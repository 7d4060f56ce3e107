/** Display formats shared by the childcare pages. Pure, so they are unit-tested. */

/** 850 米 below a kilometre; 1.2 公里 below ten; 12 公里 beyond (a decimal there is noise). */
export function formatDistance(metres: number): string {
  if (metres < 1000) return `${Math.max(0, Math.round(metres))} 米`;
  const km = metres / 1000;
  return km < 10 ? `${(Math.round(km * 10) / 10).toFixed(1)} 公里` : `${Math.round(km)} 公里`;
}

/** Whole yuan with thousands separators; toLocaleString is unreliable on some WeChat runtimes. */
export function formatYuan(yuan: number): string {
  const whole = Math.round(yuan).toString();
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')} 元`;
}

export function formatMonthlyFee(yuan: number): string {
  return `${formatYuan(yuan)}/月`;
}

/** 0.3125 → 31.3%. */
export function formatShare(share: number): string {
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}
