import { districtCodes, type RouteContract, type SessionUser } from '@hongjia/shared';
import { type AuditEvent, type AuditTrail, createAuditEntity, createAuditTrail } from './audit';
import { auditTableName, documentClient } from './dynamo';

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

/**
 * The client address in application logs, cut to its network (IPv4 /24, IPv6
 * /48): one network's lines still correlate (abuse, incidents) without the
 * clear IP — personal information under PIPL — in every log line, and without
 * a key every group would have to hold (a keyed hash needed one; since issue
 * 12 the session key is public and the other keys live only where they are
 * used). The clear address is kept where it is evidence: the audit trail and
 * the API Gateway access log (decisions 0016, 0019).
 */
export function sourceNetwork(sourceIp: string): string {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/.exec(sourceIp);
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.0/24`;
  if (sourceIp.includes(':')) {
    const groups = sourceIp.split('::')[0]?.split(':') ?? [];
    return `${groups.slice(0, 3).join(':')}::/48`;
  }
  return 'unknown';
}
