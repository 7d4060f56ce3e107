import { getOptionalStringFromEnv } from './env';

/**
 * Every abuse limit of the service, in one place (decision 0018, README
 * "Security"). Each is far above what an honest family does and low enough
 * that one account, terminal or address cannot fill a slot, sweep print codes
 * or flood an expensive route. A counter is keyed by a keyed hash of its
 * subject (commons/rate-limit.ts): no raw user ids, openids or addresses are
 * stored in counters.
 */

/** A fixed-window counter: at most `limit` hits per subject in each aligned window of `windowSeconds`. */
export interface WindowLimit {
  /** Part of the counter's key; also names the override variable `RATE_LIMIT_<NAME>`. */
  readonly name: string;
  readonly limit: number;
  readonly windowSeconds: number;
  /**
   * Counters one subject may make hot (an address behind a NAT serves many
   * families) are spread over this many items, each allowing limit/shards;
   * a request counts on one chosen at random. Per-user counters need none.
   */
  readonly shards?: number;
  /** The 429's Chinese message. */
  readonly message: string;
}

/** Bookings: active ones (pending, confirmed, waitlisted) per account. More → 409 BOOKING_LIMIT. */
export const bookingLimits = {
  activePerAccount: 10,
  activePerAccountPerSlot: 3,
} as const;

const minute = 60;
const hour = 3600;
const day = 86_400;

export const limits = {
  /** Per openid, after the code exchange. */
  signIn: { name: 'sign-in', limit: 30, windowSeconds: minute, message: '登录过于频繁，请稍后再试' },
  /** Per source address, before the code exchange (each exchange spends WeChat's jscode2session quota). */
  signInPerAddress: {
    name: 'sign-in-address',
    limit: 600,
    windowSeconds: minute,
    shards: 20,
    message: '登录过于频繁，请稍后再试',
  },
  /** 生育登记 submit and resubmit, per account. */
  registrationSubmit: {
    name: 'registration-submit',
    limit: 20,
    windowSeconds: hour,
    message: '提交过于频繁，请一小时后再试',
  },
  uploads: { name: 'uploads', limit: 50, windowSeconds: hour, message: '上传过于频繁，请一小时后再试' },
  identityBinding: {
    name: 'identity-binding',
    limit: 5,
    windowSeconds: day,
    message: '实名认证尝试次数过多，请明天再试',
  },
  assistanceRequests: {
    name: 'assistance-requests',
    limit: 20,
    windowSeconds: hour,
    message: '求助提交过于频繁，请稍后再试',
  },
  subsidyApplications: {
    name: 'subsidy-applications',
    limit: 10,
    windowSeconds: day,
    message: '申请提交过于频繁，请明天再试',
  },
  birthBundles: {
    name: 'birth-bundles',
    limit: 10,
    windowSeconds: day,
    message: '申请提交过于频繁，请明天再试',
  },
  /**
   * Print-code redeem, per terminal: failed attempts (unknown, used, expired
   * codes). An attempt is counted before the look-up and given back when it
   * prints, so a terminal past its failures cannot keep guessing even with a
   * code that would work.
   */
  printRedeemFailures: {
    name: 'print-redeem-failures',
    limit: 10,
    windowSeconds: 10 * minute,
    message: '打印码错误次数过多，请十分钟后再试',
  },
  /** Public certificate verification, signed-in callers: per account, wherever they are. */
  verifyPerAccount: {
    name: 'verify-account',
    limit: 30,
    windowSeconds: minute,
    message: '查询过于频繁，请一分钟后再试',
  },
  /**
   * Anonymous verification, per client address (IPv6 per /64). An address can
   * be a whole campus or a mobile carrier's NAT, so it allows more and is sharded.
   */
  verifyPerAddress: {
    name: 'verify-address',
    limit: 120,
    windowSeconds: minute,
    shards: 4,
    message: '查询过于频繁，请一分钟后再试',
  },
} as const satisfies Record<string, WindowLimit>;

/** Who a route's limit counts: the signed-in account or the client address API Gateway reports. */
export interface RouteLimit {
  readonly limit: WindowLimit;
  readonly subject: 'caller' | 'address';
}

/**
 * Limits the router applies to whole routes, after the request validated
 * (a malformed request costs nothing) and only when the handler really runs
 * (a retry answered from the idempotency store is not counted again).
 * Keyed by route key (`METHOD /path`), not by the contracts: importing them here would put
 * seven capabilities' schemas into every function bundle (the router reads this map).
 * functions/test/limits-keys.test.ts fails on a key no group serves.
 */
const routeLimitList: ReadonlyArray<readonly [key: string, RouteLimit]> = [
  ['POST /v1/auth/wechat', { limit: limits.signInPerAddress, subject: 'address' }],
  ['POST /v1/registrations', { limit: limits.registrationSubmit, subject: 'caller' }],
  ['POST /v1/registrations/{id}/resubmit', { limit: limits.registrationSubmit, subject: 'caller' }],
  ['POST /v1/uploads', { limit: limits.uploads, subject: 'caller' }],
  ['POST /v1/me/identity', { limit: limits.identityBinding, subject: 'caller' }],
  ['POST /v1/assistance/requests', { limit: limits.assistanceRequests, subject: 'caller' }],
  ['POST /v1/childcare-subsidies', { limit: limits.subsidyApplications, subject: 'caller' }],
  ['POST /v1/me/childcare-subsidies/{id}/renew', { limit: limits.subsidyApplications, subject: 'caller' }],
  ['POST /v1/birth-bundles', { limit: limits.birthBundles, subject: 'caller' }],
];

export const routeLimits: ReadonlyMap<string, RouteLimit> = new Map(routeLimitList);

/**
 * The limit in force: `RATE_LIMIT_<NAME>` (e.g. RATE_LIMIT_SIGN_IN_ADDRESS)
 * overrides it, read at each use. Only the benches and the local runtime set
 * these (their load comes from one address); deployed stacks never do.
 * `VERIFY_RATE_LIMIT_PER_MINUTE` is the older name of the verify-address one.
 */
export function limitInForce(rule: WindowLimit): number {
  const name = `RATE_LIMIT_${rule.name.replace(/-/g, '_').toUpperCase()}`;
  const raw =
    getOptionalStringFromEnv(name) ??
    (rule.name === limits.verifyPerAddress.name
      ? getOptionalStringFromEnv('VERIFY_RATE_LIMIT_PER_MINUTE')
      : undefined);
  if (raw === undefined) return rule.limit;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}
