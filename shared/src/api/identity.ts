import * as z from 'zod';
import { DistrictCodeSchema } from '../roles';
import { defineRoute, ListQuery, pageOf } from './contract';

/**
 * Real-name binding (SPEC §3 identity): the signed-in user is linked to a
 * person by a keyed hash of the ID number; the number itself is sealed. Special
 * families' members and 育儿补贴 applicants are matched by it. In production a
 * WeChat face verification (wx.startFacialRecognitionVerify) confirms that the
 * person holding the phone is the person named; its `verifyResult` is checked
 * server-side. Locally an adapter accepts.
 */
export const IdNumberInput = z
  .string({ error: '请填写身份证号' })
  .trim()
  .toUpperCase()
  .regex(/^\d{17}[\dX]$/, '身份证号应为 18 位，最后一位可以是数字或 X');

export const PersonName = z.string({ error: '请填写姓名' }).trim().min(2, '请填写姓名').max(30, '姓名过长');

export const BindIdentityRequest = z.object({
  name: PersonName,
  idNumber: IdNumberInput,
  faceVerifyResult: z
    .string()
    .min(1)
    .max(512)
    .optional()
    .describe('verifyResult from wx.startFacialRecognitionVerify; required when deployed'),
});
export type BindIdentityRequest = z.infer<typeof BindIdentityRequest>;

export const IdentityView = z.object({
  nameMasked: z.string(),
  idNumberMasked: z.string(),
  birthDate: z.string(),
  sex: z.enum(['M', 'F']),
  verifiedBy: z.enum(['wechat_face', 'local']),
  boundAt: z.iso.datetime(),
  /** The person is a member of a 计划生育特殊家庭 record (the app turns on elderly mode). */
  specialFamilyMember: z.boolean(),
});
export type IdentityView = z.infer<typeof IdentityView>;

/** Someone tried to bind an ID number already bound to another user. Masked; staff follow up. */
export const IdentityConflict = z.object({
  id: z.string(),
  idNumberMasked: z.string(),
  /** District of the ID number's region code when it is one of Nanchang's; else only city staff see it. */
  district: DistrictCodeSchema.optional(),
  attemptedAt: z.iso.datetime(),
  holderBoundAt: z.iso.datetime(),
});
export type IdentityConflict = z.infer<typeof IdentityConflict>;

export const bindIdentity = defineRoute({
  operationId: 'bindIdentity',
  method: 'POST',
  path: '/v1/me/identity',
  summary: '实名认证 Bind the signed-in user to a person (409 when the number is bound to someone else)',
  tag: 'identity',
  access: 'signedIn',
  owner: 'self',
  body: BindIdentityRequest,
  response: IdentityView,
  idempotent: true,
  personalData: true,
});

export const myIdentity = defineRoute({
  operationId: 'myIdentity',
  method: 'GET',
  path: '/v1/me/identity',
  summary: '我的实名信息 Masked; 404 when not bound yet',
  tag: 'identity',
  access: 'signedIn',
  owner: 'self',
  response: IdentityView,
  personalData: true,
});

export const staffIdentityConflicts = defineRoute({
  operationId: 'staffIdentityConflicts',
  method: 'GET',
  path: '/v1/staff/identity-conflicts',
  summary: '实名冲突 Attempts to bind an ID number already bound (jurisdiction by the number’s region)',
  tag: 'staff',
  access: ['staff'],
  owner: 'districtScope',
  auditsReads: 'identityConflict',
  query: ListQuery,
  response: pageOf(IdentityConflict),
});
