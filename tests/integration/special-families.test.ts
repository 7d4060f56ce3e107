import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../local/runtime';
import { call, expectEnvelope, signIn, startTestRuntime } from './harness';
import { bindIdentity, createFamily, familyBody, validIdNumber } from './special-family-fixtures';

let runtime: LocalRuntime;
let close: () => Promise<void>;
const tokens: Record<string, string> = {};
const token = async (openid: string) => {
  tokens[openid] ??= (await signIn(runtime, openid)).token;
  return tokens[openid];
};

interface View {
  id: string;
  version: number;
  district: string;
  members: {
    role: string;
    name: string;
    phone: string;
    idNumberMasked: string;
    age: number;
    bound: boolean;
  }[];
  children: { alive: boolean; adopted: boolean }[];
  contactPerson?: { name: string; phone: string; userId?: string };
  proxyConsent?: { contactName: string; grantedByRole: string };
}

beforeAll(async () => {
  ({ runtime, close } = await startTestRuntime());
});
afterAll(async () => {
  await close?.();
});

describe('creating a record', () => {
  it('creates a 东湖区 record with whole names and phones, masked ID numbers and the implied child', async () => {
    const body = familyBody(101);
    const answer = await createFamily(runtime, await token('staff-360102'), body);
    expect(answer.status).toBe(201);
    const view = answer.json as unknown as View;
    expect(view).toMatchObject({ district: '360102', version: 1, kind: 'bereaved', boundMembers: 0 });
    expect(view.members.map((m) => [m.role, m.name, m.phone, m.bound])).toEqual([
      ['mother', '王秀英', '13807910001', false],
      ['father', '李建国', '13807910002', false],
    ]);
    expect(answer.text).not.toContain(body.members[0]?.idNumber);
    expect(view.children).toEqual([{ alive: false, adopted: false }]);
  });

  it('refuses a district outside the caller’s jurisdiction (403)', async () => {
    expectEnvelope(
      await createFamily(runtime, await token('staff-360103'), familyBody(102)),
      403,
      'FORBIDDEN',
    );
  });

  it('refuses a bad ID number and a mother whose number is a man’s, with the member paths', async () => {
    const body = familyBody(103);
    const members = body.members.map((m) => ({ ...m }));
    members[0] = {
      ...members[0],
      idNumber: validIdNumber('360102', '1968-03-15', 'M', 103),
    } as (typeof members)[0];
    const father = members[1]?.idNumber as string;
    const wrongCheck = `${father.slice(0, 17)}${father.endsWith('1') ? '2' : '1'}`;
    members[1] = { ...members[1], idNumber: wrongCheck } as (typeof members)[0];
    const error = expectEnvelope(
      await createFamily(runtime, await token('staff-360102'), { ...body, members }),
      400,
      'VALIDATION_FAILED',
    );
    expect(error.details.map((d) => d.path)).toEqual(['body.members.0.idNumber', 'body.members.1.idNumber']);
  });

  it('refuses a member already on another record (MEMBER_ON_ANOTHER_RECORD) and keeps the other member free', async () => {
    const staff = await token('staff-city');
    const first = familyBody(104);
    expect((await createFamily(runtime, staff, first)).status).toBe(201);
    const mother = first.members[0];
    const newFather = { ...first.members[1], idNumber: validIdNumber('360102', '1960-01-01', 'M', 105) };
    const clash = await createFamily(runtime, staff, { ...first, members: [newFather, mother] });
    const error = expectEnvelope(clash, 409, 'MEMBER_ON_ANOTHER_RECORD');
    expect(error.details[0]?.path).toBe('body.members.1.idNumber');
    // The father claimed before the clash was given back: a record with him alone succeeds.
    expect((await createFamily(runtime, staff, { ...first, members: [newFather] })).status).toBe(201);
  });

  it('matches a member who bound by real name', async () => {
    const body = familyBody(106);
    const motherId = body.members[0]?.idNumber as string;
    const mother = await token('sf-mother-106');
    expect((await bindIdentity(runtime, mother, '王秀英', motherId)).status).toBe(200);
    const view = (await createFamily(runtime, await token('staff-360102'), body)).json as unknown as View;
    expect(view.members.map((m) => m.bound)).toEqual([true, false]);
    const identity = await call(runtime, '/v1/me/identity', { token: mother });
    expect(identity.json).toMatchObject({ specialFamilyMember: true });
  });
});
