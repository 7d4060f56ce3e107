import { type DistrictCode, districts, type VolunteerOrganisationView } from '@hongjia/shared';
import { formatChinaDateTime } from '@hongjia/shared/calendar/format';
import { Input, Text, View } from '@tarojs/components';
import { useCallback, useRef, useState } from 'react';
import { call } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { createKeyKeeper } from '../../../api/key-keeper';
import { useSession } from '../../../auth/session';
import { label } from '../../../components/a11y';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Banner, Field } from '../../../components/Field';
import { LoadMore } from '../../../components/LoadMore';
import { PageShell } from '../../../components/PageShell';
import { SignInPrompt } from '../../../components/SignInPrompt';
import { SubmitButton } from '../../../components/SubmitButton';
import { useWideLayout } from '../../../console/use-wide-layout';
import { useSubmit } from '../../../forms/use-submit';
import type { Column } from '../../../lib/table';
import { usePaged } from '../../../state/paged';
import { Tick } from '../components/Tick';
import { ConsoleList } from '../console/ConsoleList';
import { StaffConsole } from '../console/StaffConsole';
import { districtName } from '../model/labels';
import { organisationState, servedDistricts } from '../model/volunteers';
import '../staff.css';

const fields = ['name', 'creditCode', 'contactName', 'contactPhone', 'districts', 'accountUserId'] as const;

/** Console and CSV columns: what the list API answers (the contact's phone masked). */
const columns: Column<VolunteerOrganisationView>[] = [
  { key: 'name', header: '组织名称', text: (o) => o.name },
  { key: 'creditCode', header: '统一社会信用代码', text: (o) => o.creditCode },
  { key: 'districts', header: '服务县区', text: (o) => servedDistricts(o.districts) },
  { key: 'phone', header: '联系电话', text: (o) => o.contactPhoneMasked ?? '' },
  { key: 'state', header: '状态', text: (o) => organisationState(o) },
  {
    key: 'registeredAt',
    header: '登记时间',
    text: (o) => formatChinaDateTime(o.registeredAt),
    sortBy: (o) => Date.parse(o.registeredAt),
  },
];

/**
 * 社会组织登记 (decision 0035, 0040): city staff register a volunteer organisation with the
 * account that signs in for it (the user id its operator reads in 我的), list them with the
 * districts served and the contact's masked phone, and deactivate one — it then takes no new
 * assignment and its account sees nothing. District staff see the organisations serving their
 * district (the assign action's choices) but register none.
 */
export default function VolunteerOrganisationsPage() {
  const session = useSession();
  const wide = useWideLayout();
  const load = useCallback(
    (cursor?: string) => call(api.staffVolunteerOrganisations, { query: { cursor } }),
    [],
  );
  const list = usePaged(load, { reloadWhen: session });
  const [name, setName] = useState('');
  const [creditCode, setCreditCode] = useState('');
  const [contactName, setContactName] = useState('');
  const [contactPhone, setContactPhone] = useState('');
  const [served, setServed] = useState<DistrictCode[]>([]);
  const [accountUserId, setAccountUserId] = useState('');
  const [done, setDone] = useState<string>();
  const [stopping, setStopping] = useState<VolunteerOrganisationView>();
  const form = useSubmit({ fields, fallback: '保存失败，请稍后再试' });
  const keys = useRef(createKeyKeeper()).current;

  if (!session) {
    return (
      <PageShell name="staff-volunteer-organisations">
        <SignInPrompt reason="卫健工作人员登录后登记社会组织。" />
      </PageShell>
    );
  }
  const city = session.user.cityWide === true;

  async function register() {
    const body = {
      name: name.trim(),
      creditCode: creditCode.trim(),
      contactName: contactName.trim(),
      contactPhone: contactPhone.trim(),
      districts: served,
      accountUserId: accountUserId.trim(),
    };
    setDone(undefined);
    await form.run(async () => {
      const created = await call(api.registerVolunteerOrganisation, {
        body,
        idempotencyKey: keys.keyFor(body),
      });
      setDone(`已登记“${created.name}”。请组织负责人重新登录小程序，即可看到派给本组织的求助。`);
      setName('');
      setCreditCode('');
      setContactName('');
      setContactPhone('');
      setServed([]);
      setAccountUserId('');
      void list.reload();
    });
  }

  async function deactivate(org: VolunteerOrganisationView) {
    await form.run(async () => {
      await call(api.deactivateVolunteerOrganisation, {
        params: { id: org.id },
        idempotencyKey: keys.keyFor({ deactivate: org.id }),
      });
      setStopping(undefined);
      setDone(`已停用“${org.name}”：不再接收派单，其账号看不到任何求助。`);
      void list.reload();
    });
  }

  const toggle = (code: DistrictCode) =>
    setServed((now) => (now.includes(code) ? now.filter((d) => d !== code) : [...now, code]));

  const card = (o: VolunteerOrganisationView) => (
    <View key={o.id} className="section" id={`organisation-${o.id}`}>
      <Text className="text">{o.name}</Text>
      <Text className="muted">
        {o.creditCode} · 服务{servedDistricts(o.districts)}
      </Text>
      <Text className="muted">联系电话 {o.contactPhoneMasked ?? '—'}</Text>
      <Text className={o.active ? 'text' : 'st-below'}>{organisationState(o)}</Text>
      {city && o.active ? (
        <SubmitButton
          id={`organisation-deactivate-${o.id}`}
          label={`停用${o.name}`}
          busy={form.busy}
          onClick={() => setStopping(o)}
        >
          停用
        </SubmitButton>
      ) : null}
    </View>
  );
  const table = wide ? (
    <ConsoleList
      id="volunteer-organisations"
      title="社会组织"
      list={{ ...list, error: form.banner ?? list.error }}
      load={load}
      columns={columns}
      keyOf={(o) => o.id}
      rowLabel={(o) => `${o.name}，在右侧打开`}
      dateOf={(o) => o.registeredAt}
      pane={card}
      paneLabel="组织详情"
    />
  ) : null;

  return (
    <PageShell name="staff-volunteer-organisations">
      <StaffConsole current="volunteer-organisations" console={table}>
        <Banner id="organisations-error" text={form.banner ?? list.error} />
        {done ? (
          <Text className="muted" id="organisations-done" aria-live="polite">
            {done}
          </Text>
        ) : null}
        {city ? (
          <View className="section" id="organisation-form">
            <Text className="title">登记社会组织</Text>
            <Field id="organisation-name" label="组织名称" error={form.errors.name}>
              <Input
                className="input"
                value={name}
                maxlength={60}
                onInput={(e) => setName(e.detail.value)}
                {...label('组织名称', 'organisation-name')}
              />
            </Field>
            <Field id="organisation-code" label="统一社会信用代码" error={form.errors.creditCode}>
              <Input
                className="input"
                value={creditCode}
                maxlength={18}
                onInput={(e) => setCreditCode(e.detail.value)}
                {...label('统一社会信用代码', 'organisation-code')}
              />
            </Field>
            <Field id="organisation-contact" label="联系人" error={form.errors.contactName}>
              <Input
                className="input"
                value={contactName}
                maxlength={20}
                onInput={(e) => setContactName(e.detail.value)}
                {...label('联系人', 'organisation-contact')}
              />
            </Field>
            <Field id="organisation-phone" label="联系电话（手机）" error={form.errors.contactPhone}>
              <Input
                className="input"
                type="number"
                value={contactPhone}
                maxlength={11}
                onInput={(e) => setContactPhone(e.detail.value)}
                {...label('联系电话', 'organisation-phone')}
              />
            </Field>
            <Field id="organisation-districts" label="服务县区（可多选）" error={form.errors.districts}>
              <View className="st-ticks">
                {districts.map((d) => (
                  <View key={d.code} className="st-tick-row">
                    <Tick
                      id={`organisation-district-${d.code}`}
                      text={`服务${d.name}`}
                      state={served.includes(d.code) ? 'all' : 'none'}
                      onToggle={() => toggle(d.code)}
                    />
                    <Text className="text">{d.name}</Text>
                  </View>
                ))}
              </View>
            </Field>
            <Field
              id="organisation-account"
              label="组织账号（负责人在“我的”中查看）"
              error={form.errors.accountUserId}
            >
              <Input
                className="input"
                value={accountUserId}
                maxlength={64}
                onInput={(e) => setAccountUserId(e.detail.value)}
                {...label('组织账号', 'organisation-account')}
              />
            </Field>
            <SubmitButton id="organisation-register" label="登记社会组织" busy={form.busy} onClick={register}>
              登记
            </SubmitButton>
          </View>
        ) : (
          <Text className="muted" id="organisations-district-note">
            以下是服务{districtName(session.user.district as DistrictCode | undefined)}
            的社会组织。登记和停用由市卫生健康委办理。
          </Text>
        )}
        {list.loaded && list.items.length === 0 && !list.loading ? (
          <Text className="muted" id="organisations-empty">
            还没有登记的社会组织。
          </Text>
        ) : null}
        {list.items.map(card)}
        <LoadMore list={list} what="社会组织" id="organisations-more" />
      </StaffConsole>
      {stopping ? (
        <ConfirmDialog
          id="organisation-deactivate-dialog"
          title={`停用“${stopping.name}”？`}
          message="停用后不能再派单给该组织，其账号看不到任何求助。已派的求助仍在工单中，可由工作人员改派。"
          confirmText="确认停用"
          danger
          busy={form.busy}
          onConfirm={() => void deactivate(stopping)}
          onCancel={() => setStopping(undefined)}
        />
      ) : null}
    </PageShell>
  );
}
