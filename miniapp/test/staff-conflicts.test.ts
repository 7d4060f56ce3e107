import { type ConflictView, api as contract } from '@hongjia/shared';
import { describe, expect, it } from 'vitest';
import {
  conflictRoutes,
  isConflictKind,
  resolutionBody,
  resolveConfirm,
  sideModel,
} from '../src/packages/staff/model/conflicts';

/** A stranger applied first for the child; the mother second, with her registration on file. */
const conflict: ConflictView = {
  id: 'cfl_1',
  kind: 'childcare_subsidy',
  district: '360102',
  status: 'open',
  subject: '3601**********0011',
  createdAt: '2026-11-30T02:00:00.000Z',
  sides: [
    {
      side: 'first',
      recordId: 'sub_a',
      applicantNameMasked: '张*',
      filedAt: '2026-11-29T02:00:00.000Z',
      status: 'pending_review',
      facts: [{ label: '儿童', value: '李**' }],
      evidence: [],
    },
    {
      side: 'second',
      recordId: 'sub_b',
      applicantNameMasked: '王**',
      filedAt: '2026-11-30T02:00:00.000Z',
      status: 'on_hold',
      facts: [{ label: '儿童', value: '李**' }],
      evidence: ['生育登记 SY2025…（已批准）登记该申请人为母亲，预产期 2025-05-12 与孩子出生日期相符'],
    },
  ],
  version: 1,
};

describe('申请冲突核对 (staff)', () => {
  it('puts each side in words: who and when, where it stands, and what the system holds', () => {
    const [first, second] = conflict.sides;
    if (!first || !second) throw new Error('two sides');
    expect(sideModel(conflict, first)).toMatchObject({
      title: '先提交的一方',
      who: '张* · 2026-11-29 10:00',
      status: '审核中',
      evidence: ['系统中没有可供核对的记录，请核对原件。'],
      hasEvidence: false,
      standing: false,
    });
    expect(sideModel(conflict, second)).toMatchObject({
      title: '后提交的一方',
      status: '等待核对',
      hasEvidence: true,
    });
    const resolved: ConflictView = {
      ...conflict,
      status: 'resolved',
      resolution: {
        standing: 'second',
        resolvedAt: '2026-11-30T03:00:00.000Z',
        resolvedBy: '东湖区卫生健康委员会',
        comment: '核对',
      },
    };
    expect(sideModel(resolved, second).standing).toBe(true);
  });

  it('says before the decision which side stays, which is voided and what follows', () => {
    expect(resolveConfirm(conflict, 'second')).toEqual({
      title: '以后提交的一方为准？',
      message:
        '王**的育儿补贴保留，张*的作废并释放占用；保留的申请转入正常审核。双方会收到不提及对方的通知，此操作不能撤销。',
    });
  });

  it('needs a reason, and sends the version the card was loaded with', () => {
    expect(resolutionBody(conflict, 'second', '').success).toBe(false);
    const body = resolutionBody(conflict, 'second', '出生证明与登记一致');
    expect(body.success && body.data).toEqual({
      standing: 'second',
      comment: '出生证明与登记一致',
      expectedVersion: 1,
    });
  });

  it('calls each kind in the function group that owns its records', () => {
    expect(conflictRoutes.childcare_subsidy.resolve.path).toBe(
      '/v1/staff/conflicts/childcare-subsidies/{id}/resolve',
    );
    expect(conflictRoutes.birth_bundle.list.path).toBe(contract.staffBundleConflicts.path);
    expect(contract.staffBundleConflicts.tag).toBe('registration');
    expect(conflictRoutes.credit_code.list.path).toBe('/v1/staff/conflicts/filings');
    expect(isConflictKind('birth_bundle')).toBe(true);
    expect(isConflictKind('anything')).toBe(false);
  });
});
