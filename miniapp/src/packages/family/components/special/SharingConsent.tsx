import type { Consent } from '@hongjia/shared';
import { formatChinaDateTime } from '@hongjia/shared/calendar/format';
import { Switch, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { call } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { label } from '../../../../components/a11y';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { Banner } from '../../../../components/Field';
import { useSubmit } from '../../../../forms/use-submit';
import { sharingStanding } from '../../../../special-assistance/sharing';

/**
 * 与社会组织共享求助信息 (decisions 0035, 0040): with this consent staff may send a 生活照料,
 * 心理慰藉 or 养老 request to a social organisation (the need, a masked name, this member's phone).
 * Given and withdrawn here, each through a confirmation in plain words; withdrawn, no new
 * request is sent and the organisations stop seeing the ones already sent.
 */
export function SharingConsent({ userId, id = 'special-sharing' }: { userId: string; id?: string }) {
  const [consent, setConsent] = useState<Consent>();
  const [loaded, setLoaded] = useState(false);
  const [asking, setAsking] = useState<boolean>();
  const [redraw, setRedraw] = useState(0);
  const form = useSubmit({ fallback: '没有保存成功，请稍后再试' });

  useEffect(() => {
    void call(api.listConsents, { query: {} })
      .then((page) => setConsent(page.items.find((c) => c.kind === 'social_org_sharing')))
      .catch(() => undefined)
      .finally(() => setLoaded(true));
  }, []);

  const standing = sharingStanding(consent);
  const granted = standing.kind === 'given';

  async function answer(next: boolean) {
    setAsking(undefined);
    const done = await form.run(async () => {
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
      Taro.showToast({ title: next ? '已同意' : '已撤回', icon: 'success' });
    });
    if (!done) setRedraw((n) => n + 1);
  }

  return (
    <View className="section" id={id}>
      <View className="sa-switch-row">
        <Text className="text grow">与社会组织（志愿者）共享求助信息</Text>
        <Switch
          key={redraw}
          className="sa-switch"
          checked={granted}
          disabled={!loaded}
          color="#a61b1b"
          onChange={(e) => setAsking(e.detail.value)}
          {...label('与社会组织共享求助信息', `${id}-switch`)}
        />
      </View>
      <Text className="muted" id={`${id}-state`} aria-live="polite">
        {standing.kind === 'given'
          ? `您已于 ${formatChinaDateTime(standing.at)} 同意。工作人员可将生活照料、心理慰藉、养老类求助派给社会组织上门服务，组织只看到求助内容、姓氏和您的电话。可以随时撤回。`
          : standing.kind === 'withdrawn'
            ? `您已于 ${formatChinaDateTime(standing.at)} 撤回。工作人员不会再把您的求助派给社会组织，已派出的求助组织也看不到了。`
            : '生活照料、心理慰藉、养老类求助，可由社会组织（志愿者）上门服务。同意后，工作人员可将您的求助内容、姓氏和您的电话交给所派的社会组织。不同意也不影响求助。'}
      </Text>
      <Banner id={`${id}-error`} text={form.banner} />
      {asking !== undefined ? (
        <ConfirmDialog
          id={`${id}-dialog`}
          title={asking ? '同意与社会组织共享？' : '撤回同意？'}
          message={
            asking
              ? '同意后，工作人员可将您的生活照料、心理慰藉、养老类求助派给社会组织，组织会看到求助内容、姓氏和您的电话。'
              : '撤回后，不会再派给社会组织；已派出的求助，组织将看不到您的信息，由工作人员继续跟进。'
          }
          confirmText={asking ? '同意' : '撤回同意'}
          cancelText="先不改"
          onConfirm={() => void answer(asking)}
          onCancel={() => {
            setAsking(undefined);
            setRedraw((n) => n + 1);
          }}
        />
      ) : null}
    </View>
  );
}
