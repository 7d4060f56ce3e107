/**
 * Suite-wide guard for "a family's answers never name another family's
 * records" (SPEC §3, issue 9). `call` shows this recorder every answer:
 * - it learns who owns a record from the answers that create it (the
 *   top-level ids of a family's 2xx POST), and which people a registration
 *   names (the mother's and father's ID numbers of the filing) — a parent
 *   bound to one of them by 实名认证 may see it too;
 * - it scans every answer to a family for ids of family-owned records
 *   (reg_…, sub_…, bk_…, bdl_…, upl_…, crt_…, receipt numbers SY…) and notes
 *   each one owned by another user who is not a parent in it.
 * `setup.ts` fails an integration test file that leaves any such note. Ids of
 * records the test wrote straight to the store (or the seed) are unknown here
 * and so never flagged: the guard is about what the API hands out.
 */
const idBody = String.raw`(?:(?:reg|sub|bk|bdl|upl|crt)_[A-Za-z0-9_-]{8,}|SY\d{20})`;
const idPattern = new RegExp(`(?<![A-Za-z0-9_])${idBody}(?![A-Za-z0-9_])`, 'g');
const wholeId = new RegExp(`^${idBody}$`);

interface Caller {
  id: string;
  family: boolean;
}

interface Owner {
  userId: string;
  /** ID numbers of the parents a registration names (upper case). */
  persons: Set<string>;
}

const owners = new Map<string, Owner>();
const boundPerson = new Map<string, string>();
const violations: string[] = [];

/** The session token's subject and roles, read without verifying (the server did). */
function callerOf(token: string | undefined): Caller | undefined {
  const payload = token?.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      sub?: string;
      roles?: string[];
    };
    if (!claims.sub) return undefined;
    const roles = claims.roles ?? [];
    return {
      id: claims.sub,
      family: roles.includes('family') && !roles.some((role) => role !== 'family'),
    };
  } catch {
    return undefined;
  }
}

const normalized = (value: unknown) => (typeof value === 'string' ? value.trim().toUpperCase() : undefined);

function parentsNamedIn(body: unknown): string[] {
  if (!body || typeof body !== 'object') return [];
  const { mother, father } = body as { mother?: { idNumber?: unknown }; father?: { idNumber?: unknown } };
  return [normalized(mother?.idNumber), normalized(father?.idNumber)].filter(
    (id): id is string => id !== undefined,
  );
}

export interface Observed {
  method: string;
  path: string;
  token: string | undefined;
  requestBody: unknown;
  status: number;
  text: string;
  json: Record<string, unknown> | undefined;
}

export function observe(answer: Observed): void {
  const caller = callerOf(answer.token);
  if (!caller?.family) return;
  const person = boundPerson.get(caller.id);
  for (const id of new Set(answer.text.match(idPattern) ?? [])) {
    const owner = owners.get(id);
    if (!owner || owner.userId === caller.id || (person && owner.persons.has(person))) continue;
    violations.push(`${answer.method} ${answer.path} → ${caller.id} was shown ${id} of ${owner.userId}`);
  }
  if (answer.method !== 'POST' || answer.status < 200 || answer.status > 299) return;
  if (answer.path === '/v1/me/identity') {
    const bound = normalized((answer.requestBody as { idNumber?: unknown } | undefined)?.idNumber);
    if (bound) boundPerson.set(caller.id, bound);
    return;
  }
  const parents = parentsNamedIn(answer.requestBody);
  for (const value of Object.values(answer.json ?? {})) {
    if (typeof value !== 'string' || !wholeId.test(value)) continue;
    const owner = owners.get(value) ?? { userId: caller.id, persons: new Set<string>() };
    if (owner.userId === caller.id) for (const parent of parents) owner.persons.add(parent);
    owners.set(value, owner);
  }
}

/** What the file's answers disclosed to families that they should not have. */
export function disclosureViolations(): readonly string[] {
  return violations;
}
