import * as z from 'zod';
import { DistrictCodeSchema } from '../roles';
import { defineRoute, ListQuery, pageOf } from './contract';

/**
 * Help requests of special families (SPEC C3): routed to the family's contact
 * person, with a first-response deadline (urgent 24 h, normal 72 h) and an
 * overdue list for the district's staff. A contact person may file for a
 * family only with its recorded consent (proxy mode); the request names both.
 */
export const AssistanceCategory = z.enum(
  ['daily_care', 'medical', 'mental_health', 'elderly_care', 'other'],
  {
    error: '请选择求助类别',
  },
);
export type AssistanceCategory = z.infer<typeof AssistanceCategory>;
export const assistanceCategoryNames: Record<AssistanceCategory, string> = {
  daily_care: '生活照料',
  medical: '就医',
  mental_health: '心理慰藉',
  elderly_care: '养老',
  other: '其他',
};

export const AssistanceUrgency = z.enum(['normal', 'urgent'], { error: '请选择是否紧急' });
export type AssistanceUrgency = z.infer<typeof AssistanceUrgency>;
/** First-response deadline in hours, by urgency (SPEC C3). */
export const firstResponseHours: Record<AssistanceUrgency, number> = { urgent: 24, normal: 72 };

/** awaiting_response: nobody has answered yet (the deadline runs); in_progress; resolved. */
export const AssistanceStatus = z.enum(['awaiting_response', 'in_progress', 'resolved']);
export type AssistanceStatus = z.infer<typeof AssistanceStatus>;

export const AssistanceRequestInput = z.object({
  category: AssistanceCategory,
  description: z
    .string({ error: '请说明需要什么帮助' })
    .trim()
    .min(2, '请说明需要什么帮助')
    .max(1000, '说明过长'),
  urgency: AssistanceUrgency,
  /** Proxy mode: the contact person files for this family (needs the family's recorded consent). */
  familyId: z.string().min(1).max(64).optional(),
});
export type AssistanceRequestInput = z.infer<typeof AssistanceRequestInput>;

export const AssistanceEventKind = z.enum(['note', 'call', 'visit', 'resolved'], { error: '请选择处理方式' });
export const assistanceEventNames: Record<z.infer<typeof AssistanceEventKind>, string> = {
  note: '备注',
  call: '电话联系',
  visit: '上门走访',
  resolved: '已办结',
};

export const AssistanceEvent = z.object({
  kind: AssistanceEventKind,
  at: z.iso.datetime(),
  /** Office or contact person's name; the family sees who helped. */
  byName: z.string(),
  note: z.string().optional(),
});

export type AssistanceEvent = z.infer<typeof AssistanceEvent>;

export const AssistanceRequestView = z.object({
  id: z.string(),
  familyId: z.string(),
  district: DistrictCodeSchema,
  category: AssistanceCategory,
  description: z.string(),
  urgency: AssistanceUrgency,
  status: AssistanceStatus,
  createdAt: z.iso.datetime(),
  /** First-response deadline. */
  dueAt: z.iso.datetime(),
  firstRespondedAt: z.iso.datetime().optional(),
  /** No first response and the deadline has passed. */
  overdue: z.boolean(),
  contactPersonName: z.string().optional(),
  filedBy: z.object({
    mode: z.enum(['self', 'proxy']),
    /** self: the member's masked name; proxy: the contact person's name. */
    name: z.string(),
    /** proxy: the family member who consented, masked, and when. */
    consentBy: z.string().optional(),
    consentAt: z.iso.datetime().optional(),
  }),
  familyLabel: z.string().describe('Masked: 失独家庭 张**'),
  /** The newest event only (or none); the whole history, paged: GET /v1/assistance/requests/{id}/events. */
  events: z.array(AssistanceEvent).max(1),
  /** How many events were recorded. */
  eventCount: z.number().int(),
  version: z.number().int(),
});
export type AssistanceRequestView = z.infer<typeof AssistanceRequestView>;

export const StaffAssistanceQuery = ListQuery.extend({
  district: DistrictCodeSchema.optional(),
  status: AssistanceStatus.default('awaiting_response'),
  /** Only requests past their first-response deadline with no response (status awaiting_response). */
  overdue: z
    .enum(['true', 'false'], { error: 'overdue 应为 true 或 false' })
    .transform((v) => v === 'true')
    .optional(),
});

export const AssistanceEventRequest = z.object({
  kind: AssistanceEventKind,
  note: z.string().trim().max(1000, '说明过长').optional(),
  expectedVersion: z.number({ error: '缺少版本号 expectedVersion' }).int().min(1),
});

const IdParams = z.object({ id: z.string().min(1).max(64) });

export const createAssistanceRequest = defineRoute({
  operationId: 'createAssistanceRequest',
  method: 'POST',
  path: '/v1/assistance/requests',
  summary: '我要求助 Members of a special family (or their contact person with consent)',
  tag: 'assistance',
  access: ['family', 'staff'],
  owner: 'self',
  body: AssistanceRequestInput,
  response: AssistanceRequestView,
  successStatus: 201,
  idempotent: true,
  personalData: true,
});

export const myAssistanceRequests = defineRoute({
  operationId: 'myAssistanceRequests',
  method: 'GET',
  path: '/v1/me/assistance/requests',
  summary: '我的求助 The family’s requests, newest first, with every event',
  tag: 'assistance',
  access: 'signedIn',
  owner: 'self',
  query: ListQuery,
  response: pageOf(AssistanceRequestView),
  personalData: true,
});

export const staffAssistanceRequests = defineRoute({
  operationId: 'staffAssistanceRequests',
  method: 'GET',
  path: '/v1/staff/assistance/requests',
  summary: '求助工单 By status, earliest deadline first; ?overdue=true for the overdue list',
  tag: 'assistance',
  access: ['staff'],
  owner: 'districtScope',
  auditsReads: 'assistanceRequest',
  query: StaffAssistanceQuery,
  response: pageOf(AssistanceRequestView),
});

/** One event of a request's history, numbered from 1 in the order recorded. */
export const NumberedAssistanceEvent = AssistanceEvent.extend({ seq: z.number().int().min(1) });

export const assistanceRequestEvents = defineRoute({
  operationId: 'assistanceRequestEvents',
  method: 'GET',
  path: '/v1/assistance/requests/{id}/events',
  summary:
    "办理记录 A request's events, oldest first, paged (the family, its contact person, district staff)",
  tag: 'assistance',
  access: 'signedIn',
  owner: 'familyOrDistrict',
  auditsReads: 'assistanceRequest',
  params: IdParams,
  query: ListQuery,
  response: pageOf(NumberedAssistanceEvent),
  personalData: true,
});

export const recordAssistanceEvent = defineRoute({
  operationId: 'recordAssistanceEvent',
  method: 'POST',
  path: '/v1/staff/assistance/requests/{id}/events',
  summary: '记录处理 A note, call, visit or resolution (the first one answers the deadline)',
  tag: 'assistance',
  access: ['staff'],
  owner: 'district',
  params: IdParams,
  body: AssistanceEventRequest,
  response: AssistanceRequestView,
});
