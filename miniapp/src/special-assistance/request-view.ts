import {
  type AssistanceEvent,
  type AssistanceRequestView,
  assistanceCategoryNames,
  assistanceEventNames,
} from '@hongjia/shared';
import { formatChinaDateTime } from '@hongjia/shared/calendar/format';
import { deadlineWords } from '@hongjia/shared/calendar/spoken';
import { requestStatusNames, withinWords } from './labels';

export interface RequestEntry {
  key: string;
  what: string;
  who: string;
  when: string;
  note?: string;
}

export interface RequestModel {
  id: string;
  title: string;
  statusText: string;
  /** The line about the first contact: promised, late (said gently), or done. */
  contactLine: string;
  overdue: boolean;
  description: string;
  entries: RequestEntry[];
  /** Events not shown yet: the list carries the newest only; the whole history is read on request. */
  hiddenEvents: number;
}

function filedBy(view: AssistanceRequestView): string {
  const by = view.filedBy;
  if (by.mode === 'self') return '本人';
  return by.consentBy ? `联系人${by.name}（受${by.consentBy}委托）` : `联系人${by.name}`;
}

function contactLine(view: AssistanceRequestView, now: number): string {
  const who = view.contactPersonName ? `联系人${view.contactPersonName}` : '联系人';
  if (view.status === 'resolved') return '这件事已经办结。如果还需要帮助，可以再提出求助。';
  if (view.firstRespondedAt) return `${who}已于 ${formatChinaDateTime(view.firstRespondedAt)} 和您联系。`;
  if (view.overdue) {
    return `约定的联系时间已过，${who}还没有联系上您，很抱歉。区卫健委会督促尽快和您联系；着急的话，也可以直接打电话给联系人。`;
  }
  return `${who}将在${deadlineWords(view.dueAt, now)}联系您（${withinWords(view.urgency)}）。`;
}

/**
 * Everything that happened, newest first: the request itself, then each call, visit or note
 * (`history` when it was read, else the newest event the list carries).
 */
export function requestEntries(
  view: AssistanceRequestView,
  history: readonly AssistanceEvent[] = view.events,
): RequestEntry[] {
  const filed: RequestEntry = {
    key: `filed-${view.createdAt}`,
    what: view.urgency === 'urgent' ? '提出求助（紧急）' : '提出求助',
    who: filedBy(view),
    when: formatChinaDateTime(view.createdAt),
  };
  const events = history.map((event, i) => ({
    key: `${event.at}-${i}`,
    what: assistanceEventNames[event.kind],
    who: event.byName,
    when: formatChinaDateTime(event.at),
    ...(event.note ? { note: event.note } : {}),
    at: event.at,
  }));
  const ordered = [{ ...filed, at: view.createdAt }, ...events].sort((a, b) => a.at.localeCompare(b.at));
  return ordered.reverse().map(({ at: _at, ...entry }) => entry);
}

export function requestModel(
  view: AssistanceRequestView,
  now: number = Date.now(),
  history?: readonly AssistanceEvent[],
): RequestModel {
  const shown = history ?? view.events;
  return {
    id: view.id,
    title: assistanceCategoryNames[view.category],
    statusText: requestStatusNames[view.status],
    contactLine: contactLine(view, now),
    overdue: view.overdue,
    description: view.description,
    entries: requestEntries(view, shown),
    hiddenEvents: Math.max(0, view.eventCount - shown.length),
  };
}
