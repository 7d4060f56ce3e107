import type { AssistanceRequestView, BenefitItem, MySpecialFamily } from '@hongjia/shared';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/api/errors';
import { benefitCards, periodWords } from '../src/special-assistance/benefit-card';
import { contactRows } from '../src/special-assistance/contacts';
import { contactPromise } from '../src/special-assistance/deadline';
import { categoryOptions, urgencyNames } from '../src/special-assistance/labels';
import { membershipFrom } from '../src/special-assistance/membership';
import { requestModel } from '../src/special-assistance/request-view';

// 2026-11-29 10:00 in Nanchang.
const now = Date.parse('2026-11-29T02:00:00.000Z');

// The words of dates and times themselves are tested with the shared calendar (shared/test).
describe('deadline wording', () => {
  it('promises the contact by name', () => {
    expect(contactPromise('2026-11-30T06:00:00.000Z', '王**', now)).toBe(
      '联系人王**将在明天（11月30日）下午2点前联系您。',
    );
  });

  it('labels urgency with the contract hours', () => {
    expect(urgencyNames).toEqual({ urgent: '紧急，24小时内联系您', normal: '一般，3天内联系您' });
    expect(categoryOptions.map((o) => o.text)).toEqual(['生活照料', '就医', '心理慰藉', '养老', '其他']);
    expect(categoryOptions.map((o) => o.key)).toContain('medical');
  });
});

function benefit(patch: Partial<BenefitItem>): BenefitItem {
  return {
    policyId: 'p',
    name: '政策',
    eligible: true,
    reasons: [],
    amountConfirmed: true,
    sourceNote: '依据',
    enrolled: false,
    payments: [],
    ...patch,
  };
}

describe('benefit cards', () => {
  const items: BenefitItem[] = [
    benefit({
      policyId: 'urban-only-child-parent-reward',
      name: '城镇独生子女父母奖励',
      eligible: false,
      reasons: ['户籍为农村，这项政策只适用于城镇户籍'],
    }),
    benefit({
      policyId: 'special-assistance-bereaved',
      name: '计划生育家庭特别扶助（独生子女死亡家庭）',
      reasons: ['母亲年满 49 周岁', '此后没有再生育或收养子女'],
      amountYuanPerYear: 8640,
      amountConfirmed: false,
    }),
    benefit({
      policyId: 'rural-family-reward',
      name: '农村部分计划生育家庭奖励扶助',
      amountYuanPerYear: 960,
      enrolled: true,
      enrolledAt: '2026-03-01T02:00:00.000Z',
      payments: [{ period: '2026', amountYuan: 960, paidAt: '2026-03-10T02:00:00.000Z' }],
    }),
    benefit({ policyId: 'childcare-subsidy', name: '育儿补贴', eligible: false }),
  ];
  const cards = benefitCards(items);

  it('never shows 育儿补贴 on a special family page', () => {
    expect(cards.map((c) => c.policyId)).not.toContain('childcare-subsidy');
  });

  it('puts what the family receives first, then what it qualifies for', () => {
    expect(cards.map((c) => c.policyId)).toEqual([
      'rural-family-reward',
      'special-assistance-bereaved',
      'urban-only-child-parent-reward',
    ]);
  });

  it('shows an enrolled policy with its yearly amount and payments', () => {
    expect(cards[0]).toMatchObject({
      verdict: '符合',
      amount: '每年 960 元',
      enrolment: '已纳入（2026-03-01起）',
      payments: [{ period: '2026年', amount: '960 元', paidAt: '2026-03-10' }],
    });
  });

  it('says 免申即享 for an eligible family not enrolled yet, and that an unconfirmed amount is pending', () => {
    expect(cards[1]).toMatchObject({
      verdict: '符合',
      reasons: ['母亲年满 49 周岁', '此后没有再生育或收养子女'],
      amount: '金额待核实',
      amountNote: '参考标准：每年 8,640 元，以工作人员核实的为准',
      enrolment: '未纳入：工作人员会主动为您办理，无需申请',
    });
  });

  it('gives every reason of a 暂不符合', () => {
    expect(cards[2]).toMatchObject({
      verdict: '暂不符合',
      reasons: ['户籍为农村，这项政策只适用于城镇户籍'],
      enrolment: '未纳入',
    });
  });

  it('shows a one-time amount and a confirmed policy without an amount', () => {
    const [once, unknown] = benefitCards([
      benefit({ policyId: 'a', amountYuanOneTime: 5000 }),
      benefit({ policyId: 'b' }),
    ]);
    expect(once?.amount).toBe('一次性 5,000 元');
    expect(unknown?.amount).toBe('金额以工作人员核实的为准');
    expect(periodWords('2026-03')).toBe('2026年3月');
  });
});

function request(patch: Partial<AssistanceRequestView>): AssistanceRequestView {
  return {
    id: 'r1',
    familyId: 'f1',
    district: '360102',
    category: 'medical',
    description: '想请人陪同去医院复查',
    urgency: 'urgent',
    status: 'awaiting_response',
    createdAt: '2026-11-29T06:00:00.000Z',
    dueAt: '2026-11-30T06:00:00.000Z',
    overdue: false,
    contactPersonName: '王**',
    filedBy: { mode: 'self', name: '张**' },
    familyLabel: '失独家庭 张**',
    events: [],
    eventCount: 0,
    version: 1,
    ...patch,
  };
}

describe('help request view', () => {
  it('promises the first contact in plain words while waiting', () => {
    const model = requestModel(request({}), now);
    expect(model).toMatchObject({ title: '就医', statusText: '等待联系', overdue: false });
    expect(model.contactLine).toBe('联系人王**将在明天（11月30日）下午2点前联系您（24小时内）。');
    expect(model.entries).toEqual([
      {
        key: 'filed-2026-11-29T06:00:00.000Z',
        what: '提出求助（紧急）',
        who: '本人',
        when: '2026-11-29 14:00',
      },
    ]);
  });

  it('says a missed deadline gently, with the way to reach the contact person', () => {
    const line = requestModel(request({ overdue: true }), now).contactLine;
    expect(line).toContain('约定的联系时间已过');
    expect(line).toContain('打电话给联系人');
    expect(line).not.toMatch(/[!！]/);
  });

  it('lists events newest first with who and when, and names both people of a proxy request', () => {
    const history = [
      { kind: 'call' as const, at: '2026-11-29T08:00:00.000Z', byName: '王**' },
      { kind: 'visit' as const, at: '2026-11-30T01:00:00.000Z', byName: '王**', note: '已陪同就医' },
    ];
    const view = request({
      status: 'in_progress',
      firstRespondedAt: '2026-11-29T08:00:00.000Z',
      filedBy: { mode: 'proxy', name: '王**', consentBy: '张**', consentAt: '2026-11-01T00:00:00.000Z' },
      events: [history[1] as (typeof history)[number]],
      eventCount: 2,
    });
    // The list carries the newest event: one more to read on request.
    const listed = requestModel(view, now);
    expect(listed.hiddenEvents).toBe(1);
    expect(listed.entries.map((e) => e.what)).toEqual(['上门走访', '提出求助（紧急）']);
    const model = requestModel(view, now, history);
    expect(model.hiddenEvents).toBe(0);
    expect(model.statusText).toBe('正在办理');
    expect(model.contactLine).toBe('联系人王**已于 2026-11-29 16:00 和您联系。');
    expect(model.entries.map((e) => [e.what, e.who, e.when, e.note])).toEqual([
      ['上门走访', '王**', '2026-11-30 09:00', '已陪同就医'],
      ['电话联系', '王**', '2026-11-29 16:00', undefined],
      ['提出求助（紧急）', '联系人王**（受张**委托）', '2026-11-29 14:00', undefined],
    ]);
  });

  it('says a resolved request is done', () => {
    expect(requestModel(request({ status: 'resolved' }), now).statusText).toBe('已办结');
  });
});

const family: MySpecialFamily = {
  id: 'f1',
  kind: 'bereaved',
  district: '360102',
  role: 'mother',
  contactPerson: { name: '王芳', phone: '13800138000' },
  greenChannelHospital: { hospital: '南昌市第一医院' },
};

describe('contacts of a special family', () => {
  it('gives a number to call for each helper that has one, and says kindly who is not arranged yet', () => {
    const rows = contactRows(family);
    expect(rows.map((r) => r.key)).toEqual(['contact', 'doctor', 'hospital']);
    expect(rows[0]).toMatchObject({ who: '王芳', phone: '13800138000' });
    expect(rows[1]?.who).toBeUndefined();
    expect(rows[1]?.missing).toContain('还没有为您安排签约家庭医生');
    expect(rows[2]).toMatchObject({ who: '南昌市第一医院' });
    expect(rows[2]?.phone).toBeUndefined();
  });
});

describe('membership', () => {
  const notFound = new ApiError({ code: 'NOT_FOUND', status: 404, message: '未找到' });
  const identity = {
    nameMasked: '张*',
    idNumberMasked: '3601**********0022',
    birthDate: '1970-03-05',
    sex: 'F' as const,
    verifiedBy: 'local' as const,
    boundAt: '2026-11-01T00:00:00.000Z',
    specialFamilyMember: false,
  };

  it('tells a member, an unbound user, a bound non-member and a failure apart', () => {
    expect(membershipFrom({ ok: true, value: identity }, { ok: true, value: family }).kind).toBe('member');
    expect(membershipFrom({ ok: false, error: notFound }, { ok: false, error: notFound }).kind).toBe(
      'unbound',
    );
    expect(membershipFrom({ ok: true, value: identity }, { ok: false, error: notFound })).toEqual({
      kind: 'not_member',
      identity,
    });
    const offline = new ApiError({ code: 'NETWORK', status: 0, message: '网络不可用，请稍后再试' });
    expect(membershipFrom({ ok: true, value: identity }, { ok: false, error: offline })).toEqual({
      kind: 'error',
      message: '网络不可用，请稍后再试',
    });
  });
});
