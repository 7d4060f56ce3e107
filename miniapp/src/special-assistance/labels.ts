import {
  type AssistanceCategory,
  type AssistanceStatus,
  type AssistanceUrgency,
  assistanceCategoryNames,
  firstResponseHours,
} from '@hongjia/shared';
import type { ChipOption } from '../components/Chips';

const categories: AssistanceCategory[] = ['daily_care', 'medical', 'mental_health', 'elderly_care', 'other'];

export const categoryOptions: ChipOption<AssistanceCategory | undefined>[] = categories.map((c) => ({
  value: c,
  text: assistanceCategoryNames[c],
  key: c,
}));

/** 24小时内 / 3天内: the first-response promise, from the contract's hours. */
export function withinWords(urgency: AssistanceUrgency): string {
  const hours = firstResponseHours[urgency];
  return hours % 24 === 0 && hours > 24 ? `${hours / 24}天内` : `${hours}小时内`;
}

export const urgencyNames: Record<AssistanceUrgency, string> = {
  normal: `一般，${withinWords('normal')}联系您`,
  urgent: `紧急，${withinWords('urgent')}联系您`,
};

export const urgencyOptions: ChipOption<AssistanceUrgency>[] = (['normal', 'urgent'] as const).map((u) => ({
  value: u,
  text: urgencyNames[u],
  key: u,
}));

export const requestStatusNames: Record<AssistanceStatus, string> = {
  awaiting_response: '等待联系',
  in_progress: '正在办理',
  resolved: '已办结',
};
