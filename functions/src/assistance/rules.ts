import {
  type AssistanceStatus,
  type AssistanceUrgency,
  type assistanceEventNames,
  firstResponseHours,
} from '@hongjia/shared';

type EventKind = keyof typeof assistanceEventNames;

/** The first-response deadline: hours by urgency come from the shared contract, not from here. */
export function dueAtFor(createdAt: Date, urgency: AssistanceUrgency): Date {
  return new Date(createdAt.getTime() + firstResponseHours[urgency] * 3600_000);
}

/**
 * Overdue = nobody has answered and the deadline has passed. At the deadline
 * itself it is still on time, which is also what the queue's key condition
 * `dueAt < now` selects, so the list and the flag never disagree.
 */
export function isOverdue(request: { status: AssistanceStatus; dueAt: string }, now: Date): boolean {
  return request.status === 'awaiting_response' && Date.parse(request.dueAt) < now.getTime();
}

export type EventOutcome =
  | {
      ok: true;
      status: AssistanceStatus;
      firstRespondedAt: string;
      /** What the family is told: the first answer and the resolution, nothing in between. */
      tellFamily: 'first_response' | 'resolved' | undefined;
    }
  | { ok: false; reason: 'already_resolved' };

/**
 * Any first event answers the deadline (awaiting_response → in_progress), so
 * the request leaves the overdue list; 'resolved' closes it; a closed request
 * takes no more events (a new need is a new request, with its own deadline).
 */
export function applyEvent(
  request: { status: AssistanceStatus; firstRespondedAt?: string | undefined },
  kind: EventKind,
  at: Date,
): EventOutcome {
  if (request.status === 'resolved') return { ok: false, reason: 'already_resolved' };
  const first = request.firstRespondedAt === undefined;
  const firstRespondedAt = request.firstRespondedAt ?? at.toISOString();
  if (kind === 'resolved') return { ok: true, status: 'resolved', firstRespondedAt, tellFamily: 'resolved' };
  return {
    ok: true,
    status: 'in_progress',
    firstRespondedAt,
    tellFamily: first ? 'first_response' : undefined,
  };
}
