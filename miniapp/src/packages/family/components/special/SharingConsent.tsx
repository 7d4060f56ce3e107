import type { Consent } from '@hongjia/shared';
import { formatChinaDateTime } from '@hongjia/shared/calendar/format';
import { useEffect, useState } from 'react';
import { call } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { sharingStanding } from '../../../../special-assistance/sharing';
import { ConsentSwitch } from './ConsentSwitch';

/**
 * 与社会组织共享求助信息 (decisions 0035, 0040): with this consent staff may send a 生活照料,
 * 心理慰藉 or 养老 request to a social organisation (the need, a masked name, this member's phone).
 * Given and withdrawn here; withdrawn, no new request is sent and the organisations stop seeing
 * the ones already sent.
 */
export function SharingConsent({ userId, id = 'special-sharing' }: { userId: string; id?: string }) {
  const [consent, setConsent] = useState<Consent>();
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    void call(api.listConsents, { query: {} })
      .then((page) => setConsent(page.items.find((c) => c.kind === 'social_org_sharing')))
      .catch(() => undefined)
      .finally(() => setLoaded(true));
  }, []);

  const standing = sharingStanding(consent);

  async function save(next: boolean) {
    if (next) {
      setConsent(
        await call(api.recordConsent, {
          body: { kind: 'social_org_sharing' },
          idempotencyKey: `social-org-sharing-${userId}-${Date.now()}`,
        }),
      );
    } else {
      const withdrawn = await call(api.withdrawConsent, {
        body: { kind: 'social_org_sharing' },
        idempotencyKey: `social-org-sharing-withdraw-${userId}-${Date.now()}`,
      });
      setConsent((now) => (now ? { ...now, withdrawnAt: withdrawn.withdrawnAt } : now));
    }
  }

  return (
    <ConsentSwitch
      id={id}
      text="与社会组织（志愿者）共享求助信息"
      switchLabel="与社会组织共享求助信息"
      granted={standing.kind === 'given'}
      disabled={!loaded}
      explanation={
        standing.kind === 'given'
          ? `您已于 ${formatChinaDateTime(standing.at)} 同意。工作人员可将生活照料、心理慰藉、养老类求助派给社会组织上门服务，组织只看到求助内容、姓氏和您的电话。可以随时撤回。`
          : standing.kind === 'withdrawn'
            ? `您已于 ${formatChinaDateTime(standing.at)} 撤回。工作人员不会再把您的求助派给社会组织，已派出的求助组织也看不到了。`
            : '生活照料、心理慰藉、养老类求助，可由社会组织（志愿者）上门服务。同意后，工作人员可将您的求助内容、姓氏和您的电话交给所派的社会组织。不同意也不影响求助。'
      }
      grant={{
        title: '同意与社会组织共享？',
        message:
          '同意后，工作人员可将您的生活照料、心理慰藉、养老类求助派给社会组织，组织会看到求助内容、姓氏和您的电话。',
        confirmText: '同意',
        done: '已同意',
      }}
      withdraw={{
        title: '撤回同意？',
        message: '撤回后，不会再派给社会组织；已派出的求助，组织将看不到您的信息，由工作人员继续跟进。',
        confirmText: '撤回同意',
        done: '已撤回',
      }}
      save={save}
    />
  );
}
