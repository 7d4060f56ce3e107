import * as z from 'zod';
import { isValidCreditCode } from '../credit-code';
import { MobilePhone } from '../phone';
import { DistrictCodeSchema } from '../roles';
import {
  AssistanceCategory,
  AssistanceEventKind,
  AssistanceStatus,
  AssistanceUrgency,
  StaffAssistanceQuery,
} from './assistance';
import { defineRoute, ListQuery, pageOf } from './contract';
import { PersonName } from './identity';

/**
 * 社会组织 (volunteer organisations, issue 15 item 3; decision 0035): city staff register an
 * organisation and the account that works for it; district staff assign a help request of
 * kind 生活照料, 心理慰藉 or 养老 to an organisation serving the district, only with the
 * family's recorded consent to share with a social organisation; the organisation sees only
 * what it was assigned, with least disclosure, and records visits. The request's
 * first-response deadline and the staff overdue list are the request's own, unchanged.
 */

/** The categories a social organisation may take on (SPEC C3; 就医 and 其他 stay with staff). */
export const volunteerCategories = [
  'daily_care',
  'mental_health',
  'elderly_care',
] as const satisfies readonly AssistanceCategory[];

export const RegisterVolunteerOrganisation = z.object({
  name: z.string({ error: '请填写组织名称' }).trim().min(2, '请填写组织名称').max(60, '名称过长'),
  creditCode: z
    .string({ error: '请填写统一社会信用代码' })
    .trim()
    .toUpperCase()
    .refine(isValidCreditCode, '统一社会信用代码不正确（18 位，末位为校验码）'),
  contactName: PersonName,
  contactPhone: MobilePhone,
  districts: z.array(DistrictCodeSchema).min(1, '请选择服务的县区').max(9),
  /** The account (user id from 我的 of the person who signs in for the organisation). */
  accountUserId: z.string({ error: '请填写组织账号' }).trim().min(3).max(64),
});
export type RegisterVolunteerOrganisation = z.infer<typeof RegisterVolunteerOrganisation>;

export const VolunteerOrganisationView = z.object({
  id: z.string(),
  name: z.string(),
  creditCode: z.string(),
  /** The contact person stays on the record (sealed): staff assigning need the name and districts. */
  districts: z.array(DistrictCodeSchema),
  registeredAt: z.iso.datetime(),
  /** The contact's phone, masked: enough for staff to recognise it, never dialled from the list. */
  contactPhoneMasked: z.string().optional(),
  /** False once city staff deactivated it: no new assignment, its account sees nothing (decision 0040). */
  active: z.boolean(),
  deactivatedAt: z.iso.datetime().optional(),
});
export type VolunteerOrganisationView = z.infer<typeof VolunteerOrganisationView>;

export const VolunteerOrganisationQuery = ListQuery.extend({ district: DistrictCodeSchema.optional() });

export const AssignRequest = z.object({
  organisationId: z.string({ error: '请选择社会组织' }).min(1).max(64),
  expectedVersion: z.number({ error: '缺少版本号 expectedVersion' }).int().min(1),
});

/**
 * What the organisation sees of a request it was assigned: the need, a masked name and the
 * phone of the member who consented to share (the channel to reach the family) — never the
 * family's id, ID numbers, its kind of loss or anyone else's request.
 */
export const VolunteerAssignmentView = z.object({
  id: z.string(),
  district: DistrictCodeSchema,
  category: AssistanceCategory,
  description: z.string(),
  urgency: AssistanceUrgency,
  status: AssistanceStatus,
  dueAt: z.iso.datetime(),
  firstRespondedAt: z.iso.datetime().optional(),
  overdue: z.boolean(),
  assignedAt: z.iso.datetime(),
  familyNameMasked: z.string(),
  contactPhone: z.string(),
  eventCount: z.number().int(),
  version: z.number().int(),
});
export type VolunteerAssignmentView = z.infer<typeof VolunteerAssignmentView>;

export const VolunteerAssignmentQuery = ListQuery.extend({
  overdue: StaffAssistanceQuery.shape.overdue,
});

/** A visit, a call or a note; the organisation does not close a request (staff do). */
export const VolunteerEventRequest = z.object({
  kind: AssistanceEventKind.exclude(['resolved'], { error: '请选择走访、电话或备注' }),
  note: z.string().trim().max(1000, '说明过长').optional(),
  expectedVersion: z.number({ error: '缺少版本号 expectedVersion' }).int().min(1),
});

const IdParams = z.object({ id: z.string().min(1).max(64) });

export const registerVolunteerOrganisation = defineRoute({
  operationId: 'registerVolunteerOrganisation',
  method: 'POST',
  path: '/v1/staff/volunteer-organisations',
  summary: '登记社会组织 City staff register an organisation and its account',
  tag: 'assistance',
  access: ['staff'],
  // City staff only (an organisation may serve several districts): district staff 403.
  owner: 'city',
  body: RegisterVolunteerOrganisation,
  response: VolunteerOrganisationView,
  successStatus: 201,
  idempotent: true,
});

export const staffVolunteerOrganisations = defineRoute({
  operationId: 'staffVolunteerOrganisations',
  method: 'GET',
  path: '/v1/staff/volunteer-organisations',
  summary: '社会组织 Organisations serving the district (?district=), for the assign action',
  tag: 'assistance',
  access: ['staff'],
  owner: 'districtScope',
  query: VolunteerOrganisationQuery,
  response: pageOf(VolunteerOrganisationView),
  // The contact person's masked phone is personal data (decision 0040): each read is audited.
  auditsReads: 'volunteerOrganisation',
});

export const deactivateVolunteerOrganisation = defineRoute({
  operationId: 'deactivateVolunteerOrganisation',
  method: 'POST',
  path: '/v1/staff/volunteer-organisations/{id}/deactivation',
  summary: '停用社会组织 City staff deactivate an organisation: no new assignment, its account sees nothing',
  tag: 'assistance',
  access: ['staff'],
  owner: 'city',
  params: IdParams,
  response: VolunteerOrganisationView,
  idempotent: true,
});

export const assignAssistanceRequest = defineRoute({
  operationId: 'assignAssistanceRequest',
  method: 'POST',
  path: '/v1/staff/assistance/requests/{id}/assignment',
  summary: '派单给社会组织 Only 生活照料/心理慰藉/养老, only with the family’s consent to share',
  tag: 'assistance',
  access: ['staff'],
  owner: 'district',
  params: IdParams,
  body: AssignRequest,
  response: z.object({
    id: z.string(),
    organisationId: z.string(),
    assignedAt: z.iso.datetime(),
    version: z.number().int(),
  }),
});

export const volunteerAssignments = defineRoute({
  operationId: 'volunteerAssignments',
  method: 'GET',
  path: '/v1/volunteer/assignments',
  summary: '派给本组织的求助 The organisation’s assignments, newest first; ?overdue=true',
  tag: 'assistance',
  access: ['volunteer'],
  owner: 'self',
  query: VolunteerAssignmentQuery,
  response: pageOf(VolunteerAssignmentView),
});

export const recordVolunteerEvent = defineRoute({
  operationId: 'recordVolunteerEvent',
  method: 'POST',
  path: '/v1/volunteer/assignments/{id}/events',
  summary: '记录走访 A visit, call or note on an assignment (the first answers the deadline)',
  tag: 'assistance',
  access: ['volunteer'],
  owner: 'organisation',
  params: IdParams,
  body: VolunteerEventRequest,
  response: VolunteerAssignmentView,
});
