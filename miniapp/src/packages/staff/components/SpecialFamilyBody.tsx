import { districtByCode, type SpecialFamilyUpdate } from '@hongjia/shared';
import { todayInChina } from '@hongjia/shared/calendar/days';
import { formatChinaDateTime } from '@hongjia/shared/calendar/format';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { call } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { useSession } from '../../../auth/session';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Banner } from '../../../components/Field';
import { useSubmit } from '../../../forms/use-submit';
import { type HelperKey, helperKeys, helperSpecs } from '../model/helpers';
import { familyKindNames, hukouTypeNames, memberRoleNames } from '../model/labels';
import { markFamiliesChanged } from '../model/refresh';
import { Fact } from './Fact';
import { HelperSection } from './HelperSection';
import { MemberCard } from './MemberCard';
import { PolicyFactsSection } from './PolicyFactsSection';
import { useRecord } from './use-record';
import '../staff.css';

const conflictText = '档案刚被其他工作人员修改过，已为您载入最新内容，请核对后再保存。';

/**
 * 档案详情: members (whole names and phones, to call them), the facts the rules engine uses, and
 * 三个全覆盖 with edit forms. Every read is audited and shown to the family, so the page loads
 * the record once and after that uses what each update answers.
 */
export function SpecialFamilyBody({ id }: { id: string }) {
  const session = useSession();
  const form = useSubmit({ fallback: '保存失败，请稍后再试' });
  const { setBanner } = form;
  const [clearing, setClearing] = useState<HelperKey>();
  const today = todayInChina();

  const fetchView = useCallback(() => call(api.staffSpecialFamily, { params: { id } }), [id]);
  const { view, setView, load } = useRecord(fetchView, Boolean(session && id), setBanner);

  async function update(patch: Omit<SpecialFamilyUpdate, 'expectedVersion'>): Promise<boolean> {
    if (!view) return false;
    return form.run(
      async () => {
        setView(
          await call(api.updateSpecialFamily, {
            params: { id: view.id },
            body: { ...patch, expectedVersion: view.version },
          }),
        );
        markFamiliesChanged();
        Taro.showToast({ title: '已保存', icon: 'success' });
      },
      {
        onApiError: (e) => {
          if (e.code !== 'CONFLICT') return false;
          setBanner(conflictText);
          void load();
          return true;
        },
      },
    );
  }

  return (
    <>
      <View>
        <Banner id="sf-banner" text={form.banner} />
        {view ? (
          <>
            <View className="section" id="sf-facts">
              <Text className="title">
                {familyKindNames[view.kind]}家庭 · {districtByCode(view.district).name}
              </Text>
              <Text className="muted">本次查看已记录，家庭可以看到查看单位和时间。</Text>
              <Fact name="户籍类型" value={hukouTypeNames[view.hukouType]} />
              <Fact
                name={view.kind === 'bereaved' ? '子女死亡日期' : '伤残认定日期'}
                value={view.childEventDate}
              />
              <Fact
                name="子女记录"
                value={
                  view.children.length
                    ? `${view.children.length} 条（在世 ${view.children.filter((c) => c.alive).length}）`
                    : '未登记'
                }
              />
              <Fact name="建档时间" value={formatChinaDateTime(view.createdAt)} />
              <Fact name="最近更新" value={formatChinaDateTime(view.updatedAt)} />
            </View>
            <View className="section" id="sf-members">
              <Text className="title">家庭成员</Text>
              {view.members.map((m) => (
                <MemberCard key={m.role} member={m} />
              ))}
            </View>
            <PolicyFactsSection view={view} today={today} onSave={update} />
            {helperKeys.map((key) => (
              <HelperSection
                key={key}
                helper={key}
                value={view[helperSpecs[key].requestKey]}
                today={today}
                onSave={(value) => update({ [helperSpecs[key].requestKey]: value })}
                onClear={() => setClearing(key)}
              />
            ))}
            <View className="section" id="sf-proxy">
              <Text className="title">委托代办</Text>
              <Text className="text">
                {view.proxyConsent
                  ? `${memberRoleNames[view.proxyConsent.grantedByRole]}已同意由联系人 ${view.proxyConsent.contactName} 代为办理（${formatChinaDateTime(view.proxyConsent.grantedAt)}）。代办的每件事都会同时写明联系人和家庭。`
                  : '家庭尚未同意联系人代办：联系人不能代家庭提交求助。同意与否由家庭在小程序中自行决定。'}
              </Text>
            </View>
          </>
        ) : null}
      </View>
      {clearing && view ? (
        <ConfirmDialog
          id="sf-clear-dialog"
          title={`清除${helperSpecs[clearing].title}？`}
          message={`档案将显示为缺${helperSpecs[clearing].title}，三个全覆盖统计随之变化。`}
          confirmText="确认清除"
          danger
          onConfirm={() => {
            const key = clearing;
            setClearing(undefined);
            void update({ [helperSpecs[key].requestKey]: null });
          }}
          onCancel={() => setClearing(undefined)}
        />
      ) : null}
    </>
  );
}
