import type { Node } from 'constructs';

/**
 * Deployment settings read from CDK context (`cdk.json`, overridable with
 * `-c key=value`). Validated once here so a bad value fails the synth, not a
 * deployment. Note what is NOT configurable: the WeChat sign-in mode. Deployed
 * functions always get `WECHAT_AUTH_MODE=wechat` (see hongjia-function.ts).
 */
export interface HongjiaConfig {
  /** Deployed stage name, e.g. `prod` (lowercase, used in names and the STAGE variable). */
  stage: string;
  /** Origins of the h5 build allowed by the API's and the upload bucket's CORS. Never `*`. */
  webOrigins: readonly string[];
  /** Default-stage throttling of the HTTP API. */
  throttle: Throttle;
  /**
   * Tighter throttles for the routes an abuser would hammer (sign-in, submits,
   * uploads, identity binding, public verification), by route key
   * (`POST /v1/auth/wechat`). Each must stay within the stage default; the API
   * construct refuses a key that is not a route.
   */
  routeThrottles: Readonly<Record<string, Throttle>>;
  /** Where alarms go: the alarm topic's e-mail subscription (confirmed once by its recipient). */
  alarmEmail: string;
  /**
   * Also synthesize the aws-partition stack (`-c withGlobal=true`). Off by
   * default, and refused with stage `prod`: production citizen data stays in
   * mainland China (PIPL art. 38–40), so only the China stack is deployed.
   */
  withGlobal: boolean;
  /** The mini-program's AppID (public; the AppSecret lives in Secrets Manager). */
  wechatAppId: string;
  /**
   * Subscription-message template ids from the WeChat console, by the env var
   * the notifier reads (functions/src/notifications/from-env.ts). Empty: only
   * the in-app 消息 outbox is written.
   */
  wechatTemplates: Readonly<Record<string, string>>;
  /** Region of the production stack in the aws-cn partition. */
  cnRegion: string;
  /** Region of the second stack in the aws partition. */
  globalRegion: string;
  /**
   * Host the production h5 build (web-hosting.ts, decision 0041). On by default; `-c webHosting=false`
   * synthesizes the backend alone (no h5 build needed).
   */
  webHosting: boolean;
  /**
   * The ICP-filed domain of the h5 app and its certificate (in the aws-cn partition CloudFront serves
   * content only on such a domain, never on *.cloudfront.cn). Optional: without it, CloudFront's
   * default domain and certificate (usable in the aws partition only).
   */
  webDomain?: WebDomain;
}

/** The app's own domain: its certificate from ACM (aws partition) or imported into IAM (aws-cn). */
export type WebDomain =
  | { domainName: string; certificateArn: string; iamCertificateId?: never }
  | { domainName: string; iamCertificateId: string; certificateArn?: never };

export interface Throttle {
  rateLimit: number;
  burstLimit: number;
}

/** Stage names the local runtime uses; a deployed stack must not pretend to be one. */
const reservedStages = new Set(['local', 'test', 'dev-local']);

export function readConfig(node: Node): HongjiaConfig {
  const stage = String(node.tryGetContext('stage') ?? 'prod');
  if (!/^[a-z][a-z0-9-]{0,15}$/.test(stage)) {
    throw new Error(`context "stage" must match ^[a-z][a-z0-9-]{0,15}$, got "${stage}"`);
  }
  if (reservedStages.has(stage)) {
    throw new Error(`context "stage" "${stage}" is reserved for the local runtime and cannot be deployed`);
  }

  const webOrigins = parseList(node.tryGetContext('webOrigins'));
  if (webOrigins.length === 0) throw new Error('context "webOrigins" must list at least one origin');
  for (const origin of webOrigins) {
    if (!/^https:\/\/[a-z0-9.-]+(:\d+)?$/i.test(origin)) {
      throw new Error(`context "webOrigins": "${origin}" is not an https origin (no "*", no path)`);
    }
  }

  const throttle = parseThrottle(node.tryGetContext('throttle'), 'throttle');
  const routeThrottles = Object.fromEntries(
    Object.entries(parseObject(node.tryGetContext('routeThrottles'))).map(([route, value]) => {
      const routeThrottle = parseThrottle(value, `routeThrottles["${route}"]`);
      if (routeThrottle.rateLimit > throttle.rateLimit || routeThrottle.burstLimit > throttle.burstLimit) {
        throw new Error(`context "routeThrottles": "${route}" must not exceed the stage throttle`);
      }
      return [route, routeThrottle];
    }),
  );

  const alarmEmail = String(node.tryGetContext('alarmEmail') ?? '');
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(alarmEmail)) {
    throw new Error(
      `context "alarmEmail" must be the e-mail address that receives alarms, got "${alarmEmail}"`,
    );
  }

  const withGlobal = parseFlag(node.tryGetContext('withGlobal'), 'withGlobal');
  if (withGlobal && stage === 'prod') {
    throw new Error(
      'context "withGlobal" cannot be used with stage "prod": production data stays in the China stack (PIPL art. 38–40)',
    );
  }

  const wechatAppId = String(node.tryGetContext('wechatAppId') ?? '');
  if (!/^wx[0-9a-f]{16}$/.test(wechatAppId)) {
    throw new Error(`context "wechatAppId" must look like wx + 16 hex digits, got "${wechatAppId}"`);
  }

  const webDomain = parseWebDomain(node.tryGetContext('webDomain'), webOrigins);

  return {
    stage,
    webOrigins,
    throttle,
    routeThrottles,
    alarmEmail,
    withGlobal,
    wechatAppId,
    wechatTemplates: Object.fromEntries(
      Object.entries(parseObject(node.tryGetContext('wechatTemplates')))
        .map(([name, id]) => [name, String(id ?? '')])
        .filter(([, id]) => id !== ''),
    ),
    cnRegion: String(node.tryGetContext('cnRegion') ?? 'cn-northwest-1'),
    globalRegion: String(node.tryGetContext('globalRegion') ?? 'ap-southeast-1'),
    webHosting:
      node.tryGetContext('webHosting') === undefined ||
      parseFlag(node.tryGetContext('webHosting'), 'webHosting'),
    ...(webDomain ? { webDomain } : {}),
  };
}

/**
 * `{"domainName", "certificateArn"}` (aws partition: ACM in us-east-1) or `{"domainName",
 * "iamCertificateId"}` (aws-cn: CloudFront there takes no ACM certificate, only one imported into
 * IAM). Its origin must be one of webOrigins, or the API would refuse the app's calls.
 */
function parseWebDomain(value: unknown, webOrigins: readonly string[]): WebDomain | undefined {
  const object = parseObject(value);
  if (Object.keys(object).length === 0) return undefined;
  const domainName = String(object.domainName ?? '');
  if (!/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(domainName)) {
    throw new Error(`context "webDomain.domainName" must be a domain name, got "${domainName}"`);
  }
  if (!webOrigins.includes(`https://${domainName}`)) {
    throw new Error(`context "webOrigins" must include https://${domainName}, the webDomain's origin`);
  }
  const certificateArn = object.certificateArn === undefined ? undefined : String(object.certificateArn);
  const iamCertificateId =
    object.iamCertificateId === undefined ? undefined : String(object.iamCertificateId);
  if (certificateArn !== undefined && iamCertificateId === undefined) {
    if (!/^arn:aws:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]+$/.test(certificateArn)) {
      throw new Error(
        `context "webDomain.certificateArn" must be an ACM certificate ARN in us-east-1, got "${certificateArn}"`,
      );
    }
    return { domainName, certificateArn };
  }
  if (iamCertificateId !== undefined && certificateArn === undefined) {
    if (!/^[A-Z0-9]{16,32}$/.test(iamCertificateId)) {
      throw new Error(
        `context "webDomain.iamCertificateId" must be an IAM server certificate id, got "${iamCertificateId}"`,
      );
    }
    return { domainName, iamCertificateId };
  }
  throw new Error(
    'context "webDomain" needs exactly one of certificateArn (ACM, aws) or iamCertificateId (IAM, aws-cn)',
  );
}

/** Context from `-c` arrives as a string: accept a JSON array or a comma-separated list. */
function parseList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string' || value.trim() === '') return [];
  const text = value.trim();
  if (text.startsWith('[')) return (JSON.parse(text) as unknown[]).map(String);
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function parseObject(value: unknown): Record<string, unknown> {
  if (typeof value === 'string') return JSON.parse(value) as Record<string, unknown>;
  if (value !== null && typeof value === 'object') return value as Record<string, unknown>;
  return {};
}

function positiveNumber(value: unknown, name: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) {
    throw new Error(`context "${name}" must be a positive number, got "${String(value)}"`);
  }
  return number;
}

function parseThrottle(value: unknown, name: string): Throttle {
  const object = parseObject(value);
  return {
    rateLimit: positiveNumber(object.rateLimit, `${name}.rateLimit`),
    burstLimit: positiveNumber(object.burstLimit, `${name}.burstLimit`),
  };
}

/** `-c withGlobal=true` arrives as the string "true". */
function parseFlag(value: unknown, name: string): boolean {
  if (value === undefined || value === false || value === 'false') return false;
  if (value === true || value === 'true') return true;
  throw new Error(`context "${name}" must be true or false, got "${String(value)}"`);
}
