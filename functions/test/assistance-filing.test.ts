import { describe, expect, it } from 'vitest';
import { proxyFiler } from '../src/assistance/filing';
import { familyUpdateMessage, newRequestMessage } from '../src/assistance/messages';
import type { SpecialFamilyRecord } from '../src/families/sealed-record';

const member = (role: 'father' | 'mother', nameMasked: string) => ({
  role,
  nameSealed: 'sealed',
  nameMasked,
  idSealed: 'sealed',
  idMasked: '3601**********1234',
  idHash: `hash-${role}`,
  phoneSealed: 'sealed',
  phoneMasked: '138****5678',
  birthDate: '1968-05-01',
  sex: role === 'mother' ? ('F' as const) : ('M' as const),
});

const family = (overrides: Partial<SpecialFamilyRecord> = {}): SpecialFamilyRecord => ({
  familyId: 'fam_1',
  district: '360102',
  kind: 'bereaved',
  hukouType: 'urban',
  members: [member('father', '李**'), member('mother', '王**')],
  childEventDate: '2019-06-01',
  children: [],
  contactPerson: { nameSealed: 'sealed', phoneSealed: 'sealed', userId: 'u_contact' },
  proxyConsent: {
    contactUserId: 'u_contact',
    contactNameSealed: 'sealed',
    grantedByUserId: 'u_mother',
    grantedByRole: 'mother',
    grantedAt: '2026-02-01T01:00:00.000Z',
  },
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-02-01T01:00:00.000Z',
  ...overrides,
});

describe('proxy filing', () => {
  it('lets the contact person file with the consent, naming both', () => {
    expect(proxyFiler(family(), 'u_contact', '赵社工')).toMatchObject({
      mode: 'proxy',
      name: '赵社工',
      consentBy: '王**（母亲）',
      consentAt: '2026-02-01T01:00:00.000Z',
    });
  });

  it('refuses without a recorded consent', () => {
    const { proxyConsent: _, ...withoutConsent } = family();
    expect(proxyFiler(withoutConsent, 'u_contact', '赵社工')).toBeUndefined();
  });

  it('refuses a consent given to an earlier contact person', () => {
    const changed = family({
      contactPerson: { nameSealed: 'sealed', phoneSealed: 'sealed', userId: 'u_next' },
    });
    expect(proxyFiler(changed, 'u_next', '钱社工')).toBeUndefined();
    expect(proxyFiler(changed, 'u_contact', '钱社工')).toBeUndefined();
  });

  it('refuses anyone who is not the contact person', () => {
    expect(proxyFiler(family(), 'u_someone', '赵社工')).toBeUndefined();
  });
});

describe('notification wording', () => {
  it('tells the contact person the deadline in Nanchang time, without the description or the family’s kind', () => {
    const message = newRequestMessage({
      family: family(),
      category: 'medical',
      urgency: 'urgent',
      dueAt: '2026-03-02T02:30:00.000Z',
    });
    expect(message).toMatchObject({ kind: 'assistance_request', title: '新的求助（紧急）' });
    // Stored in clear and shown on a lock screen: masked names, never 失独/伤残 (decision 0014).
    expect(message.body).toBe('李**、王**家需要就医方面的帮助，请在 03月02日 10:30 前首次联系。');
  });

  it('tells the family plainly who answered and when it is done', () => {
    expect(familyUpdateMessage({ kind: 'visit', byName: '赵社工' }).body).toBe(
      '赵社工已上门看望，会继续帮您跟进。',
    );
    expect(familyUpdateMessage({ kind: 'resolved', byName: '东湖区卫生健康委员会' }).title).toBe(
      '您的求助已办结',
    );
  });
});
