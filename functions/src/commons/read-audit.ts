import { createHmac } from 'node:crypto';
import { districtCodes, type RouteContract, type SessionUser } from '@hongjia/shared';
import { type AuditEvent, type AuditTrail, createAuditEntity, createAuditTrail } from './audit';
import { auditTableName, documentClient } from './dynamo';
import { readSessionSecret } from './secrets';

/** Roles under which a person reads a family's data for an employer (decision 0019). */
const employmentRoles = ['staff', 'provider', 'admin'] as const;

/** Whether this answer is a read the router must audit before it leaves. */
export function auditsThisRead(route: RouteContract, caller: SessionUser | undefined): caller is SessionUser {
  if (route.auditsReads === undefined || !caller) return false;
  return caller.roles.some((role) => (employmentRoles as readonly string[]).includes(role));
}

type District = AuditEvent['district'];
const isDistrict = (value: unknown): value is District =>
  typeof value === 'string' && (value === 'city' || (districtCodes as readonly string[]).includes(value));

/**
 * The records an answer shows: every object with an `id` (a detail, a list's
 * items, coverage's lacking families), each with its district where the
 * answer says it. Nested objects are walked too: a help request's id and the
 * family's under it are both evidence of what was read.
 */
export function answeredRecords(body: unknown): { id: string; district?: District }[] {
  const found = new Map<string, District | undefined>();
  const walk = (node: unknown, depth: number): void => {
    if (!node || typeof node !== 'object' || depth > 4) return;
    if (Array.isArray(node)) {
      for (const item of node) walk(item, depth + 1);
      return;
    }
    const record = node as Record<string, unknown>;
    if (typeof record.id === 'string' && !found.has(record.id)) {
      const district = [record.district, record.jurisdiction].find(isDistrict);
      found.set(record.id, district);
    }
    for (const value of Object.values(record)) walk(value, depth + 1);
  };
  walk(body, 0);
  return [...found].map(([id, district]) => ({ id, ...(district ? { district } : {}) }));
}

/** Conditional puts in flight at once (a list page answers up to 50 records). */
const concurrency = 25;

/**
 * Writes one entry per record the answer shows (subject = the route's
 * `auditsReads`, the record's id), with the caller, the client IP and the
 * request id. The router awaits it before the answer leaves: if it fails,
 * the caller gets a 500 and no data (a read without its entry is not allowed).
 */
export async function auditRead(
  trail: AuditTrail,
  route: RouteContract,
  caller: SessionUser,
  answer: unknown,
  request: { params: unknown; requestId: string; sourceIp: string; now: Date },
): Promise<void> {
  const subjectType = route.auditsReads;
  if (!subjectType) return;
  const params = request.params as { id?: unknown } | undefined;
  const detailId = typeof params?.id === 'string' ? params.id : undefined;
  const records = answeredRecords(answer);
  const subjects = detailId
    ? [{ id: detailId, district: records.find((r) => r.id === detailId)?.district }]
    : records;
  const fallback: District = caller.district ?? 'city';
  const write = (subject: { id: string; district?: District | undefined }) =>
    trail.record(
      caller,
      {
        subjectType,
        subjectId: subject.id,
        action: detailId ? 'read' : 'list',
        district: subject.district ?? fallback,
        note: route.operationId,
        requestId: request.requestId,
        sourceIp: request.sourceIp,
      },
      request.now,
    );
  for (let start = 0; start < subjects.length; start += concurrency) {
    await Promise.all(subjects.slice(start, start + concurrency).map(write));
  }
}

let fromEnv: AuditTrail | undefined;
/** The functions' own audit trail, made on first use (a group without audited reads never opens it). */
export function auditTrailFromEnv(): AuditTrail {
  fromEnv ??= createAuditTrail(createAuditEntity(documentClient, auditTableName()));
  return fromEnv;
}

let ipKey: Promise<Buffer> | undefined;
/**
 * The client address in application logs, as a keyed hash: one caller's lines
 * correlate (abuse, incidents) without a clear IP — personal information under
 * PIPL — in every log line. The clear address is kept where it is evidence: the
 * audit trail and the API Gateway access log (decisions 0016, 0019).
 */
export async function hashedSourceIp(sourceIp: string): Promise<string> {
  try {
    ipKey ??= readSessionSecret().then((secret) =>
      createHmac('sha256', secret).update('hongjia-log-ip-v1').digest(),
    );
    return createHmac('sha256', await ipKey)
      .update(sourceIp)
      .digest('hex')
      .slice(0, 16);
  } catch {
    ipKey = undefined;
    return 'unavailable';
  }
}
