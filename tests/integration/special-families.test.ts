import { DynamoDBClient, paginateScan } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AccessTableName } from '@hongjia/functions/commons/dynamo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDynamoClient } from '../../local/dynamodb';
import type { LocalRuntime } from '../../local/runtime';
import { call, expectEnvelope, signIn, startTestRuntime } from './harness';
import { bindIdentity, createFamily, familyBody, validIdNumber } from './special-family-fixtures';

let runtime: LocalRuntime;
let close: () => Promise<void>;
/** A staff account created before its first sign-in (a contact person must be staff of the district, decision 0017). */
const staffAccount = async (openid: string, district: '360102' | '360103') => {
  const { createUserEntity, createUserStore } = await import('@hongjia/functions/auth/users');
  const store = createUserStore(
    createUserEntity(
      localDynamoClient(runtime.dynamoEndpoint),
      process.env.ACCESS_TABLE_NAME as AccessTableName,
    ),
  );
  await store.getOrCreate({ openid, roles: ['staff'], district }, new Date());
  return (await signIn(runtime, openid)).user.id;
};

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

const patch = async (staff: string, id: string, body: unknown) =>
  call(runtime, `/v1/staff/special-families/${id}`, { token: await token(staff), method: 'PATCH', body });

describe('reading and updating records', () => {
  let record: View;
  beforeAll(async () => {
    record = (await createFamily(runtime, await token('staff-360102'), familyBody(201)))
      .json as unknown as View;
  });

  it('shows a 东湖区 record to its staff and to city staff, and as 404 / 403 to 西湖区 staff', async () => {
    for (const staff of ['staff-360102', 'staff-city']) {
      const answer = await call(runtime, `/v1/staff/special-families/${record.id}`, {
        token: await token(staff),
      });
      expect(answer.status).toBe(200);
      expect((answer.json as unknown as View).members[0]).toMatchObject({
        name: '王秀英',
        age: expect.any(Number),
      });
    }
    const west = await token('staff-360103');
    expectEnvelope(
      await call(runtime, `/v1/staff/special-families/${record.id}`, { token: west }),
      404,
      'NOT_FOUND',
    );
    expectEnvelope(await patch('staff-360103', record.id, { expectedVersion: 1 }), 404, 'NOT_FOUND');
    expectEnvelope(
      await call(runtime, '/v1/staff/special-families?district=360102', { token: west }),
      403,
      'FORBIDDEN',
    );
    const ownList = await call(runtime, '/v1/staff/special-families?limit=50', { token: west });
    expect((ownList.json as { items: { id: string }[] }).items.map((i) => i.id)).not.toContain(record.id);
  });

  it('lists masked rows by district; city staff page through every district', async () => {
    const answer = await call(runtime, '/v1/staff/special-families?district=360102&limit=50', {
      token: await token('staff-360102'),
    });
    const row = (answer.json as { items: Record<string, unknown>[] }).items.find((i) => i.id === record.id);
    expect(row).toMatchObject({
      membersMasked: [
        { role: 'mother', nameMasked: '王**' },
        { role: 'father', nameMasked: '李**' },
      ],
    });
    expect(answer.text).not.toContain('王秀英');
    expect(answer.text).not.toContain('13807910001');

    const west = (
      await createFamily(runtime, await token('staff-360103'), familyBody(202, { district: '360103' }))
    ).json as unknown as View;
    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const page = await call(
        runtime,
        `/v1/staff/special-families?limit=7${cursor ? `&cursor=${cursor}` : ''}`,
        {
          token: await token('staff-city'),
        },
      );
      expect(page.status).toBe(200);
      const body = page.json as { items: { id: string }[]; nextCursor: string | null };
      for (const item of body.items) seen.add(item.id);
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toContain(record.id);
    expect(seen).toContain(west.id);
  });

  it('filters by what a family lacks', async () => {
    const staff = await token('staff-360102');
    const withDoctor = (
      await createFamily(
        runtime,
        staff,
        familyBody(203, {
          familyDoctor: {
            name: '陈医生',
            phone: '13907910003',
            institution: '东湖区社区卫生服务中心',
            signedOn: '2025-03-01',
          },
        }),
      )
    ).json as unknown as View;
    const ids = async (lacking: string) =>
      (
        (
          await call(runtime, `/v1/staff/special-families?district=360102&lacking=${lacking}&limit=50`, {
            token: staff,
          })
        ).json as { items: { id: string }[] }
      ).items.map((i) => i.id);
    expect(await ids('familyDoctor')).toContain(record.id);
    expect(await ids('familyDoctor')).not.toContain(withDoctor.id);
    expect(await ids('contactPerson')).toContain(withDoctor.id);
  });

  it('updates under the version lock: null clears, a stale version is 409', async () => {
    const staff = 'staff-360102';
    const created = (await createFamily(runtime, await token(staff), familyBody(204)))
      .json as unknown as View;
    const added = await patch(staff, created.id, {
      expectedVersion: 1,
      greenChannelHospital: { hospital: '江西省人民医院', phone: '13907918888' },
      members: [{ role: 'mother', phone: '13807919999' }],
    });
    expect(added.status, added.text).toBe(200);
    expect(added.json).toMatchObject({
      version: 2,
      hasGreenChannel: true,
      greenChannelHospital: { hospital: '江西省人民医院', phone: '13907918888' },
    });
    expect((added.json as unknown as View).members[0]?.phone).toBe('13807919999');
    expectEnvelope(
      await patch(staff, created.id, { expectedVersion: 1, greenChannelHospital: null }),
      409,
      'CONFLICT',
    );
    const cleared = await patch(staff, created.id, { expectedVersion: 2, greenChannelHospital: null });
    expect(cleared.json).toMatchObject({ version: 3, hasGreenChannel: false });
    expect(cleared.json).not.toHaveProperty('greenChannelHospital');
  });
});

describe('the family’s own view: helpers, who read the record, consent for the contact person', () => {
  let record: View;
  let mother: string;
  const contact = { name: '刘敏', phone: '13607910005' };
  beforeAll(async () => {
    const body = familyBody(301, { contactPerson: contact });
    mother = await token('sf-mother-301');
    expect((await bindIdentity(runtime, mother, '王秀英', body.members[0]?.idNumber as string)).status).toBe(
      200,
    );
    record = (await createFamily(runtime, await token('staff-360102'), body)).json as unknown as View;
  });

  it('shows a member the contact person with a whole phone, and a stranger 404 NOT_A_MEMBER', async () => {
    const mine = await call(runtime, '/v1/me/special-family', { token: mother });
    expect(mine.status).toBe(200);
    expect(mine.json).toEqual({
      id: record.id,
      kind: 'bereaved',
      district: '360102',
      role: 'mother',
      contactPerson: contact,
    });
    const stranger = await token('sf-stranger');
    for (const path of ['/v1/me/special-family', '/v1/me/special-family/views']) {
      expectEnvelope(await call(runtime, path, { token: stranger }), 404, 'NOT_A_MEMBER');
    }
    expectEnvelope(
      await call(runtime, '/v1/me/special-family/proxy-consent', {
        token: stranger,
        body: { granted: true },
      }),
      404,
      'NOT_A_MEMBER',
    );
  });

  it('writes every staff list, read and change to the log the family reads, named by office', async () => {
    const east = await token('staff-360102');
    await call(runtime, '/v1/staff/special-families?district=360102&limit=50', { token: east });
    await call(runtime, `/v1/staff/special-families/${record.id}`, { token: await token('staff-city') });
    const viewed = (await call(runtime, `/v1/staff/special-families/${record.id}`, { token: east }))
      .json as unknown as View;
    await patch('staff-360102', record.id, { expectedVersion: viewed.version, hukouType: 'urban' });

    const views = await call(runtime, '/v1/me/special-family/views?limit=50', { token: mother });
    const items = (
      views.json as { items: { at: string; viewer: string; action: string; actionLabel: string }[] }
    ).items;
    expect(items.slice(0, 4).map((v) => [v.action, v.actionLabel, v.viewer])).toEqual([
      ['update', '更新档案', '东湖区卫生健康委员会'],
      ['view', '查看档案', '东湖区卫生健康委员会'],
      ['view', '查看档案', '南昌市卫生健康委员会'],
      ['list', '查看名单', '东湖区卫生健康委员会'],
    ]);
    // The creation is the oldest entry; newest first throughout.
    expect(items.at(-1)).toMatchObject({ action: 'update' });
    const times = items.map((v) => v.at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('needs a contact person with an account to consent to; grants, withdraws, and loses it when the contact changes', async () => {
    const consent = (granted: boolean) =>
      call(runtime, '/v1/me/special-family/proxy-consent', { token: mother, body: { granted } });
    expectEnvelope(await consent(true), 409, 'NO_CONTACT_PERSON');

    const contactUser = await staffAccount('sf-contact-301', '360102');
    const current = async () =>
      (await call(runtime, `/v1/staff/special-families/${record.id}`, { token: await token('staff-360102') }))
        .json as unknown as View;
    let version = (await current()).version;
    expect(
      (
        await patch('staff-360102', record.id, {
          expectedVersion: version,
          contactPerson: { ...contact, userId: contactUser },
        })
      ).status,
    ).toBe(200);

    const granted = await consent(true);
    expect(granted.status).toBe(200);
    expect(granted.json).toMatchObject({ proxyConsent: { contactName: '刘敏' } });
    expect((await current()).proxyConsent).toMatchObject({ contactName: '刘敏', grantedByRole: 'mother' });

    const withdrawn = await consent(false);
    expect(withdrawn.json).not.toHaveProperty('proxyConsent');
    expect((await current()).proxyConsent).toBeUndefined();

    expect((await consent(true)).status).toBe(200);
    version = (await current()).version;
    const other = await staffAccount('sf-contact-302', '360102');
    const changed = await patch('staff-360102', record.id, {
      expectedVersion: version,
      contactPerson: { name: '张华', phone: '13607910006', userId: other },
    });
    expect(changed.status).toBe(200);
    expect(changed.json).not.toHaveProperty('proxyConsent');
    expect((await call(runtime, '/v1/me/special-family', { token: mother })).json).toMatchObject({
      contactPerson: { name: '张华', phone: '13607910006' },
    });
    expect((await call(runtime, '/v1/me/special-family', { token: mother })).json).not.toHaveProperty(
      'proxyConsent',
    );
  });
});

describe('三个全覆盖 coverage', () => {
  it('changes as a record gains a contact person, a family doctor and a green channel', async () => {
    const staff = 'staff-360111';
    const created = (await createFamily(runtime, await token(staff), familyBody(401, { district: '360111' })))
      .json as unknown as View;
    const coverage = async () => {
      const answer = await call(runtime, '/v1/staff/special-families/coverage?district=360111', {
        token: await token(staff),
      });
      expect(answer.status).toBe(200);
      return answer.json as {
        families: number;
        withContactPerson: number;
        withFamilyDoctor: number;
        withGreenChannel: number;
        contactPersonShare: number;
        fullyCovered: number;
        byDistrict: { district: string }[];
        lacking: Record<string, { id: string; label: string }[]>;
      };
    };
    // Other records of the district (the demo seed's) stay as they are: compare against this baseline.
    const before = await coverage();
    expect(before.byDistrict.map((d) => d.district)).toEqual(['360111']);
    const lackingIds = (answer: Awaited<ReturnType<typeof coverage>>, what: string) =>
      (answer.lacking[what] ?? []).map((f) => f.id);
    expect(before.lacking.contactPerson).toContainEqual(
      expect.objectContaining({ id: created.id, label: '失独家庭 王**、李**' }),
    );

    let version = created.version;
    const steps = [
      ['contactPerson', { contactPerson: { name: '刘敏', phone: '13607910005' } }],
      [
        'familyDoctor',
        {
          familyDoctor: {
            name: '陈医生',
            phone: '13907910003',
            institution: '青山湖区社区卫生服务中心',
            signedOn: '2025-03-01',
          },
        },
      ],
      ['greenChannel', { greenChannelHospital: { hospital: '南昌大学第一附属医院' } }],
    ] as const;
    const counted = {
      contactPerson: 'withContactPerson',
      familyDoctor: 'withFamilyDoctor',
      greenChannel: 'withGreenChannel',
    } as const;
    let previous = before;
    for (const [what, step] of steps) {
      const answer = await patch(staff, created.id, { expectedVersion: version, ...step });
      expect(answer.status, answer.text).toBe(200);
      version += 1;
      const now = await coverage();
      expect(now.families).toBe(before.families);
      expect(now[counted[what]]).toBe(previous[counted[what]] + 1);
      expect(lackingIds(previous, what)).toContain(created.id);
      expect(lackingIds(now, what)).not.toContain(created.id);
      previous = now;
    }
    expect(previous.fullyCovered).toBe(before.fullyCovered + 1);
    expect(previous.contactPersonShare).toBe(
      Math.round((previous.withContactPerson / previous.families) * 10_000) / 10_000,
    );
  });

  it('gives city staff a row per district and refuses another district to district staff', async () => {
    const city = await call(runtime, '/v1/staff/special-families/coverage', {
      token: await token('staff-city'),
    });
    expect((city.json as { byDistrict: unknown[] }).byDistrict).toHaveLength(9);
    expectEnvelope(
      await call(runtime, '/v1/staff/special-families/coverage?district=360111', {
        token: await token('staff-360103'),
      }),
      403,
      'FORBIDDEN',
    );
  });
});

describe('at rest', () => {
  it('keeps no member name, ID number or phone of any record in clear (a scan, in this test only)', async () => {
    // Names no seeded record uses (registrations keep names in clear by design; these must not appear anywhere).
    const base = familyBody(501);
    const members = base.members.map((m, i) => ({ ...m, name: i === 0 ? '欧阳慧琳' : '司马长风' }));
    const body = familyBody(501, {
      members,
      contactPerson: { name: '刘敏', phone: '13607915011' },
      familyDoctor: {
        name: '陈医生',
        phone: '13907915012',
        institution: '东湖区社区卫生服务中心',
        signedOn: '2025-03-01',
      },
      greenChannelHospital: { hospital: '江西省人民医院', phone: '13907915013' },
    });
    expect((await createFamily(runtime, await token('staff-360102'), body)).status).toBe(201);
    const secrets = [
      ...members.flatMap((m) => [m.name, m.idNumber, m.phone]),
      '13607915011',
      '13907915012',
      '13907915013',
    ];
    const client = new DynamoDBClient({
      endpoint: runtime.dynamoEndpoint,
      region: 'cn-northwest-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const leaks: string[] = [];
    let families = 0;
    for await (const page of paginateScan({ client }, { TableName: process.env.TABLE_NAME })) {
      for (const raw of page.Items ?? []) {
        const text = JSON.stringify(unmarshall(raw));
        if (text.includes('"specialFamily"')) families++;
        leaks.push(
          ...secrets
            .filter((secret) => text.includes(secret))
            .map((secret) => `${secret} in ${text.slice(0, 400)}`),
        );
      }
    }
    client.destroy();
    expect(families).toBeGreaterThan(0);
    expect(leaks).toEqual([]);
  });
});

describe('a contact person with an account is active staff of the family’s district (decision 0017)', () => {
  it('refuses anyone else at body.contactPerson.userId, on create and on update, and writes nothing', async () => {
    const staff = await token('staff-360102');
    const family = (await signIn(runtime, 'sf-contact-family')).user.id;
    const west = await staffAccount('sf-contact-west', '360103');
    const gone = await staffAccount('sf-contact-gone', '360102');
    const { createUserEntity, createUserStore } = await import('@hongjia/functions/auth/users');
    await createUserStore(
      createUserEntity(
        localDynamoClient(runtime.dynamoEndpoint),
        process.env.ACCESS_TABLE_NAME as AccessTableName,
      ),
    ).setActive(gone, false, new Date());

    for (const [serial, userId] of [
      [311, family],
      [312, west],
      [313, gone],
      [314, 'u_000000000000000000000000'],
    ] as const) {
      const answer = await createFamily(
        runtime,
        staff,
        familyBody(serial, { contactPerson: { name: '刘敏', phone: '13607910005', userId } }),
      );
      const error = expectEnvelope(answer, 400, 'VALIDATION_FAILED');
      expect(error.details.map((d) => d.path)).toEqual(['body.contactPerson.userId']);
    }

    const created = await createFamily(runtime, staff, familyBody(315));
    expect(created.status).toBe(201);
    const id = (created.json as unknown as View).id;
    const refused = await patch('staff-360102', id, {
      expectedVersion: 1,
      contactPerson: { name: '刘敏', phone: '13607910005', userId: west },
    });
    expectEnvelope(refused, 400, 'VALIDATION_FAILED');
    const ok = await patch('staff-360102', id, {
      expectedVersion: 1,
      contactPerson: {
        name: '刘敏',
        phone: '13607910005',
        userId: await staffAccount('sf-contact-east', '360102'),
      },
    });
    expect(ok.status, ok.text).toBe(200);
  });
});
