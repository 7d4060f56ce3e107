import * as z from 'zod';
import { DistrictCodeSchema } from '../roles';
import { defineRoute, ListQuery } from './contract';

/** Nearest certificate service points (就近查询、就近领取、就近打印), SPEC C2. */
export const PointService = z.enum(['print', 'pickup', 'consult'], {
  error: '服务类型应为 print、pickup 或 consult',
});

export const ServicePointsQuery = ListQuery.extend({
  lat: z.coerce.number({ error: '纬度必须是数字' }).min(-90).max(90).optional(),
  lng: z.coerce.number({ error: '经度必须是数字' }).min(-180).max(180).optional(),
  district: DistrictCodeSchema.optional(),
  service: PointService.optional(),
  radiusM: z.coerce.number().int().min(100).max(50_000).default(10_000),
}).superRefine((query, ctx) => {
  if ((query.lat === undefined || query.lng === undefined) && !query.district) {
    ctx.addIssue({ code: 'custom', path: ['lat'], message: '请提供位置（lat、lng）或选择县区（district）' });
  }
});

export const ServicePointItem = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  district: DistrictCodeSchema,
  lat: z.number(),
  lng: z.number(),
  services: z.array(PointService),
  officePhone: z.string().optional(),
  openingHours: z.array(
    z.object({ weekdays: z.array(z.number().int()), opens: z.string(), closes: z.string() }),
  ),
  openNow: z.boolean().describe('Open at the time of the request, Asia/Shanghai'),
  todayHours: z.string().describe('e.g. 09:00–12:00、13:30–17:30, or 今日休息'),
  distanceM: z.number().int(),
});

export const nearbyServicePoints = defineRoute({
  operationId: 'nearbyServicePoints',
  method: 'GET',
  path: '/v1/service-points/nearby',
  summary: '附近服务网点 Nearest print / pickup / consult points with opening hours',
  tag: 'certificates',
  access: 'public',
  owner: 'none',
  query: ServicePointsQuery,
  response: z.object({ items: z.array(ServicePointItem), nextCursor: z.string().nullable() }),
});
