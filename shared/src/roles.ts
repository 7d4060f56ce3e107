import * as z from 'zod';
import { districtCodes } from './districts';

/** Who a signed-in user is. A user may hold several roles (a parent who is also staff). */
/** `terminal`: a self-service print terminal at a service point (redeems print codes, nothing else). */
/** `volunteer`: a social organisation's account (sees only help requests assigned to it; decision 0035). */
export const Role = z.enum(['family', 'provider', 'staff', 'admin', 'terminal', 'volunteer']);
export type Role = z.infer<typeof Role>;

export const DistrictCodeSchema = z.enum(districtCodes, { error: '请选择南昌市的县区' });

/** `district` is set for district staff; city-level staff have `cityWide`. */
export const SessionUser = z.object({
  id: z.string(),
  roles: z.array(Role).min(1),
  district: DistrictCodeSchema.optional(),
  cityWide: z.boolean().optional(),
});
export type SessionUser = z.infer<typeof SessionUser>;
