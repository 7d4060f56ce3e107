/** The font size WeChat reports for its standard setting; larger means the user asked for big text. */
export const standardFontSize = 17;

export type ElderlyChoice = 'on' | 'off';

/**
 * Elderly mode (适老化) is on when the user switched it on. If the user never chose, it is on for
 * a bound member of a 计划生育特殊家庭 (mostly aged 50+: SPEC C5, issue 5), else when WeChat
 * reports a font larger than standard. An explicit "off" wins over both defaults.
 */
export function shouldUseElderlyMode(
  choice: ElderlyChoice | undefined,
  fontSizeSetting: number | undefined,
  specialFamilyDefault = false,
) {
  if (choice) return choice === 'on';
  if (specialFamilyDefault) return true;
  return typeof fontSizeSetting === 'number' && fontSizeSetting > standardFontSize;
}

export function parseChoice(value: unknown): ElderlyChoice | undefined {
  return value === 'on' || value === 'off' ? value : undefined;
}
