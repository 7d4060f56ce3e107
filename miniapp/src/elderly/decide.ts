/** The font size WeChat reports for its standard setting; larger means the user asked for big text. */
export const standardFontSize = 17;

export type ElderlyChoice = 'on' | 'off';

/**
 * Elderly mode (适老化) is on when the user switched it on, or, if the user never chose, when
 * WeChat reports a font larger than standard. An explicit "off" wins over a large font.
 */
export function shouldUseElderlyMode(choice: ElderlyChoice | undefined, fontSizeSetting: number | undefined) {
  if (choice) return choice === 'on';
  return typeof fontSizeSetting === 'number' && fontSizeSetting > standardFontSize;
}

export function parseChoice(value: unknown): ElderlyChoice | undefined {
  return value === 'on' || value === 'off' ? value : undefined;
}
