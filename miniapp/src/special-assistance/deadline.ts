import { deadlineWords } from '@hongjia/shared/calendar/spoken';

/** The promise shown after a request is filed: 联系人将在 明天（11月30日）下午2点前 联系您. */
export function contactPromise(dueAt: string, contactName: string | undefined, now?: number): string {
  const who = contactName ? `联系人${contactName}` : '联系人';
  return `${who}将在${deadlineWords(dueAt, now)}联系您。`;
}
