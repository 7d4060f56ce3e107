import * as z from 'zod';

/** A mainland mobile number: 11 digits starting 13–19. */
export const mobilePattern = /^1[3-9]\d{9}$/;

export const MobilePhone = z
  .string({ error: '请填写手机号' })
  .regex(mobilePattern, '请填写正确的 11 位手机号');

/** A calendar date as YYYY-MM-DD that exists (2025-02-30 is refused). */
export const CalendarDate = z
  .string({ error: '请填写日期' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, '日期不存在');
