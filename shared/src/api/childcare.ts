import * as z from 'zod';
import { ageClassKeys } from '../childcare/age-classes';
import { inspectionResults, modelLevels } from '../childcare/programmes';
import { CalendarDate, MobilePhone } from '../phone';
import { DistrictCodeSchema } from '../roles';
import { defineRoute, ListQuery, pageOf } from './contract';
import { GuardianConsent } from './guardian-consent';

/** Childcare (SPEC C1): nearby search, institutions, slots, bookings and waitlists. */

export const AgeClassSchema = z.enum(ageClassKeys, { error: '班级类型应为 infant、toddler 或 preschool' });
export const SessionSchema = z.enum(['full_day', 'morning', 'afternoon'], {
  error: '时段应为全天、上午或下午',
});
export const InstitutionStatus = z.enum(['pending_review', 'published', 'rejected']);
export const BookingStatus = z.enum(['confirmed', 'waitlisted', 'cancelled']);

const Latitude = z.coerce.number({ error: '纬度必须是数字' }).min(-90).max(90);
const Longitude = z.coerce.number({ error: '经度必须是数字' }).min(-180).max(180);
const booleanFlag = z
  .enum(['true', 'false', '1', '0'], { error: '应为 true 或 false' })
  .transform((value) => value === 'true' || value === '1');

export const InstitutionSummary = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  district: DistrictCodeSchema,
  lat: z.number(),
  lng: z.number(),
  affordable: z.boolean().describe('普惠 (affordable) institution'),
  monthlyFeeYuan: z.number(),
  model: z
    .object({ level: z.enum(modelLevels), year: z.number().int() })
    .optional()
    .describe('示范机构 designation (city staff), shown as a badge'),
});
export type InstitutionSummary = z.infer<typeof InstitutionSummary>;

export const ClassOffer = z.object({
  ageClass: AgeClassSchema,
  capacity: z.number().int(),
  caregivers: z.number().int(),
});

export const InstitutionDetail = InstitutionSummary.extend({
  creditCode: z.string(),
  classes: z.array(ClassOffer),
  status: InstitutionStatus,
  reviewReason: z.string().optional(),
  createdAt: z.iso.datetime(),
  publishedAt: z.iso.datetime().optional(),
  affordablePlaces: z
    .number()
    .int()
    .optional()
    .describe('Places an approved 普惠 application made affordable'),
  affordableFeeCapYuan: z.number().optional().describe('普惠限价 of an approved application'),
  lastInspection: z
    .object({ date: z.string(), result: z.enum(inspectionResults) })
    .optional()
    .describe('The latest safety inspection: date and result only (findings are the provider’s and staff’s)'),
});
export type InstitutionDetail = z.infer<typeof InstitutionDetail>;

/**
 * Search origin: `lat`+`lng` (the phone's location) or `district` (its centre,
 * when the user refuses location). `freePlaces` is returned when `date` is given.
 */
export const NearbyQuery = ListQuery.extend({
  lat: Latitude.optional(),
  lng: Longitude.optional(),
  district: DistrictCodeSchema.optional(),
  radiusM: z.coerce
    .number({ error: '半径必须是数字' })
    .int('半径必须是整数米')
    .min(100, '半径至少 100 米')
    .max(20_000, '半径最大 20 公里')
    .default(3000),
  ageClass: AgeClassSchema.optional(),
  affordableOnly: booleanFlag.optional(),
  maxMonthlyFee: z.coerce.number({ error: '月费上限必须是数字' }).min(0).optional(),
  date: CalendarDate.optional(),
  modelOnly: booleanFlag.optional().describe('示范机构 only'),
}).superRefine((query, ctx) => {
  const hasPoint = query.lat !== undefined && query.lng !== undefined;
  if (!hasPoint && !query.district) {
    ctx.addIssue({ code: 'custom', path: ['lat'], message: '请提供位置（lat、lng）或选择县区（district）' });
  }
  if ((query.lat === undefined) !== (query.lng === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: [query.lat === undefined ? 'lat' : 'lng'],
      message: '经纬度需同时提供',
    });
  }
});
export type NearbyQuery = z.infer<typeof NearbyQuery>;

export const NearbyItem = z.object({
  institution: InstitutionSummary,
  distanceM: z.number().int().describe('Haversine distance in metres, rounded'),
  freePlaces: z.number().int().optional().describe('Free places on `date` (matching `ageClass` if given)'),
});
export type NearbyItem = z.infer<typeof NearbyItem>;

export const Slot = z.object({
  id: z.string(),
  institutionId: z.string(),
  ageClass: AgeClassSchema,
  date: z.string(),
  session: SessionSchema,
  capacity: z.number().int(),
  confirmed: z.number().int(),
  waitlisted: z.number().int(),
  freePlaces: z.number().int(),
  monthlyFeeYuan: z.number().optional(),
});
export type Slot = z.infer<typeof Slot>;

export const SlotsQuery = z.object({
  from: CalendarDate.optional(),
  to: CalendarDate.optional(),
});

export const BookingRequest = z.object({
  childName: z.string({ error: '请填写孩子姓名' }).trim().min(1, '请填写孩子姓名').max(30, '姓名过长'),
  childBirthDate: CalendarDate,
  guardianPhone: MobilePhone,
  /** The child's data is collected only with this (PIPL art. 31); recorded on the booking. */
  guardianConsent: GuardianConsent,
});
export type BookingRequest = z.infer<typeof BookingRequest>;

export const BookingCreated = z.object({
  id: z.string(),
  status: z.enum(['confirmed', 'waitlisted']),
  waitlistPosition: z.number().int().min(1).optional(),
});
export type BookingCreated = z.infer<typeof BookingCreated>;

/** A family's view of its booking: its own child's name whole, the phone masked. */
export const MyBooking = z.object({
  id: z.string(),
  slotId: z.string(),
  institutionId: z.string(),
  institutionName: z.string(),
  ageClass: AgeClassSchema,
  date: z.string(),
  session: SessionSchema,
  childName: z.string(),
  /** The family's own list only: 科学育儿 computes the child's age from it on the phone (decision 0036). */
  childBirthDate: z.string().optional(),
  guardianPhoneMasked: z.string(),
  status: BookingStatus,
  waitlistPosition: z.number().int().min(1).optional(),
  createdAt: z.iso.datetime(),
  cancelledAt: z.iso.datetime().optional(),
});
export type MyBooking = z.infer<typeof MyBooking>;

/** A provider's view: the guardian's phone whole, to reach the family about the place. */
export const ProviderBooking = MyBooking.omit({ guardianPhoneMasked: true, childBirthDate: true }).extend({
  guardianPhone: z.string(),
});

export const IdParams = z.object({ id: z.string().min(1).max(64) });
export const SlotIdParams = z.object({ slotId: z.string().min(1).max(64) });

export const ClassOfferInput = z.object({
  ageClass: AgeClassSchema,
  capacity: z.number({ error: '请填写班级人数' }).int('人数必须是整数').min(1, '人数至少为 1'),
  caregivers: z.number({ error: '请填写保育人员数' }).int('人数必须是整数').min(1, '保育人员至少 1 人'),
});

export const InstitutionFiling = z.object({
  name: z.string({ error: '请填写机构名称' }).trim().min(2, '机构名称至少 2 个字').max(60, '机构名称过长'),
  creditCode: z.string({ error: '请填写统一社会信用代码' }).trim().toUpperCase(),
  address: z.string({ error: '请填写地址' }).trim().min(4, '请填写详细地址').max(120, '地址过长'),
  district: DistrictCodeSchema,
  lat: z.number({ error: '请在地图上选择位置' }).min(27.5).max(29.5),
  lng: z.number({ error: '请在地图上选择位置' }).min(115).max(117),
  affordable: z.boolean({ error: '请说明是否普惠' }),
  monthlyFeeYuan: z.number({ error: '请填写月收费' }).min(0).max(50_000),
  classes: z.array(ClassOfferInput).min(1, '至少开设一个班级').max(30),
});
export type InstitutionFiling = z.infer<typeof InstitutionFiling>;

export const SlotInput = z.object({
  ageClass: AgeClassSchema,
  date: CalendarDate,
  session: SessionSchema,
  capacity: z.number({ error: '请填写名额' }).int('名额必须是整数').min(1, '名额至少为 1'),
  /** What these places cost a month; a 普惠 institution's stays within its cap (400). */
  monthlyFeeYuan: z.number({ error: '月收费必须是数字' }).min(0).max(50_000).optional(),
});
export type SlotInput = z.infer<typeof SlotInput>;

export const FilingDecision = z
  .object({
    decision: z.enum(['approve', 'reject'], { error: '请选择通过或驳回' }),
    reason: z.string().trim().max(500, '理由过长').optional(),
  })
  .refine((value) => value.decision === 'approve' || (value.reason?.length ?? 0) > 0, {
    path: ['reason'],
    message: '驳回时请填写理由',
  });

export const FilingsQuery = ListQuery.extend({
  status: InstitutionStatus.default('pending_review'),
  district: DistrictCodeSchema.optional(),
});

export const DistrictChildcareFigures = z.object({
  district: DistrictCodeSchema,
  districtName: z.string(),
  institutions: z.number().int(),
  places: z.number().int(),
  affordablePlaces: z.number().int(),
  affordableShare: z.number().describe('普惠率, 0–1'),
  affordableTarget: z.number().describe('0.3'),
  meetsAffordableTarget: z.boolean(),
  openedThisYear: z.number().int(),
  openedTarget: z.number().int().describe('18 a year'),
  knownOperators: z.number().int().describe('Operators on the staff list or filed (登记备案率 denominator)'),
  filedOperators: z.number().int().describe('Operators with a published filing'),
  filingRate: z.number().describe('登记备案率, filed ÷ known, 0–1'),
});

export const StatsQuery = z.object({
  year: z.coerce.number().int().min(2021).max(2100).optional(),
});

// ── routes ────────────────────────────────────────────────────────────────

export const childcareNearby = defineRoute({
  operationId: 'childcareNearby',
  method: 'GET',
  path: '/v1/childcare/nearby',
  summary: '附近托育机构 Nearby institutions by true distance, exact and paged',
  tag: 'childcare',
  access: 'public',
  owner: 'none',
  query: NearbyQuery,
  response: pageOf(NearbyItem),
});

export const childcareInstitution = defineRoute({
  operationId: 'childcareInstitution',
  method: 'GET',
  path: '/v1/childcare/institutions/{id}',
  summary: '机构详情 A published institution (its provider and district staff also see unpublished ones)',
  tag: 'childcare',
  access: 'public',
  owner: 'none',
  params: IdParams,
  response: InstitutionDetail,
});

export const childcareInstitutionSlots = defineRoute({
  operationId: 'childcareInstitutionSlots',
  method: 'GET',
  path: '/v1/childcare/institutions/{id}/slots',
  summary: '可预约时段 Upcoming slots with free places',
  tag: 'childcare',
  access: 'public',
  owner: 'none',
  params: IdParams,
  query: SlotsQuery,
  response: z.object({ items: z.array(Slot) }),
});

export const createBooking = defineRoute({
  operationId: 'createBooking',
  method: 'POST',
  path: '/v1/childcare/slots/{slotId}/bookings',
  summary: '预约托位 Book a place: confirmed, else waitlisted (FIFO, ≤ capacity), else 409 SLOT_FULL',
  tag: 'childcare',
  access: ['family'],
  owner: 'self',
  params: SlotIdParams,
  body: BookingRequest,
  response: BookingCreated,
  successStatus: 201,
  idempotent: true,
  personalData: true,
});

export const myBookings = defineRoute({
  operationId: 'myBookings',
  method: 'GET',
  path: '/v1/me/bookings',
  summary: '我的预约 My bookings with waitlist positions',
  tag: 'childcare',
  access: 'signedIn',
  owner: 'self',
  query: ListQuery,
  response: pageOf(MyBooking),
  personalData: true,
});

export const cancelBooking = defineRoute({
  operationId: 'cancelBooking',
  method: 'POST',
  path: '/v1/me/bookings/{id}/cancel',
  summary: '取消预约 Cancel; the first waitlisted booking is promoted and notified',
  tag: 'childcare',
  access: 'signedIn',
  owner: 'family',
  params: IdParams,
  response: MyBooking,
  personalData: true,
});

export const fileInstitution = defineRoute({
  operationId: 'fileInstitution',
  method: 'POST',
  path: '/v1/provider/institutions',
  summary: '机构登记备案 File an institution for district review',
  tag: 'provider',
  access: ['provider'],
  owner: 'self',
  body: InstitutionFiling,
  response: z.object({ id: z.string(), status: z.literal('pending_review') }),
  successStatus: 201,
  idempotent: true,
});

export const providerInstitutions = defineRoute({
  operationId: 'providerInstitutions',
  method: 'GET',
  path: '/v1/provider/institutions',
  summary: '我的机构 The provider’s own filings',
  tag: 'provider',
  access: ['provider'],
  owner: 'self',
  query: ListQuery,
  response: pageOf(InstitutionDetail),
});

export const publishSlot = defineRoute({
  operationId: 'publishSlot',
  method: 'POST',
  path: '/v1/provider/institutions/{id}/slots',
  summary: '发布托位 Publish a slot (capacity ≤ the class maximum)',
  tag: 'provider',
  access: ['provider'],
  owner: 'provider',
  params: IdParams,
  body: SlotInput,
  response: Slot,
  successStatus: 201,
  idempotent: true,
});

export const providerBookings = defineRoute({
  operationId: 'providerBookings',
  method: 'GET',
  path: '/v1/provider/institutions/{id}/bookings',
  summary: '机构预约 Bookings of the provider’s institution',
  tag: 'provider',
  access: ['provider'],
  owner: 'provider',
  auditsReads: 'booking',
  params: IdParams,
  query: ListQuery,
  response: pageOf(ProviderBooking),
});

export const staffFilings = defineRoute({
  operationId: 'staffFilings',
  method: 'GET',
  path: '/v1/staff/childcare/filings',
  summary: '备案审核 Filings of the caller’s jurisdiction by status',
  tag: 'staff',
  access: ['staff'],
  owner: 'districtScope',
  query: FilingsQuery,
  response: pageOf(InstitutionDetail),
});

export const decideFiling = defineRoute({
  operationId: 'decideFiling',
  method: 'POST',
  path: '/v1/staff/childcare/filings/{id}/decision',
  summary: '审核备案 Approve (publish) or reject with a reason; once only',
  tag: 'staff',
  access: ['staff'],
  owner: 'district',
  params: IdParams,
  body: FilingDecision,
  response: InstitutionDetail,
});

export const childcareStats = defineRoute({
  operationId: 'childcareStats',
  method: 'GET',
  path: '/v1/staff/childcare/stats',
  summary: '托育统计 Per district: places, 普惠率 against 30%, centres opened this year against 18',
  tag: 'staff',
  access: ['staff'],
  owner: 'districtScope',
  query: StatsQuery,
  response: z.object({ year: z.number().int(), items: z.array(DistrictChildcareFigures) }),
});
