import type { SpecialFamilyUpdate, SpecialFamilyView } from '@hongjia/shared';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { SubmitButton } from '../../../components/SubmitButton';
import { schoolStageNames } from '../../../special-assistance/fact-claims';
import {
  type PolicyFactsDraft,
  policyFactsFrom,
  policyFactsUpdate,
  validatePolicyFacts,
} from '../model/policy-facts';
import { Fact } from './Fact';
import { PolicyFactsFields } from './PolicyFactsFields';

/**
 * 政策核对信息 on 档案详情: the school stage and admission of each child and the two enrolment
 * dates (decision 0033), shown as 未登记 when absent, edited in place and saved with the record's
 * version (a change by someone else meanwhile reloads it, as every edit of the record does).
 */
export function PolicyFactsSection({
  view,
  today,
  onSave,
}: {
  view: SpecialFamilyView;
  today: string;
  onSave: (patch: Omit<SpecialFamilyUpdate, 'expectedVersion'>) => Promise<boolean>;
}) {
  const [draft, setDraft] = useState<PolicyFactsDraft>();
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function save() {
    if (!draft) return;
    const found = validatePolicyFacts(draft, today);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (await onSave(policyFactsUpdate(draft))) setDraft(undefined);
  }

  return (
    <View className="section" id="sf-policy-facts">
      <Text className="title">子女和参保情况</Text>
      {draft ? (
        <>
          <PolicyFactsFields
            idPrefix="sf-facts"
            draft={draft}
            errors={errors}
            today={today}
            newChildAlive={view.kind !== 'bereaved'}
            onChange={setDraft}
          />
          <View className="row">
            <SubmitButton id="sf-facts-save" label="保存子女和参保情况" grow onClick={save}>
              保存
            </SubmitButton>
            <SubmitButton
              id="sf-facts-cancel"
              label="取消修改"
              tone="plain"
              grow
              onClick={() => setDraft(undefined)}
            >
              取消
            </SubmitButton>
          </View>
        </>
      ) : (
        <>
          {view.children.map((c, i) => (
            <Fact
              // biome-ignore lint/suspicious/noArrayIndexKey: the record's children have no identity but their position.
              key={i}
              id={`sf-child-${i}`}
              name={`第 ${i + 1} 个子女`}
              value={[
                c.birthDate ? `生于 ${c.birthDate}` : '出生日期未登记',
                c.alive ? '在世' : '已故',
                c.schoolStage ? `在读${schoolStageNames[c.schoolStage]}` : '在读学段未登记',
                ...(c.universityAdmittedOn ? [`${c.universityAdmittedOn} 考入大学`] : []),
              ].join('，')}
            />
          ))}
          <Fact
            id="sf-medical-insurance"
            name="城乡居民医保"
            value={view.medicalInsuranceEnrolledOn ? `${view.medicalInsuranceEnrolledOn} 起参保` : '未登记'}
          />
          <Fact
            id="sf-rural-pension"
            name="城乡居民养老保险"
            value={view.ruralPensionEnrolledOn ? `${view.ruralPensionEnrolledOn} 起参保` : '未登记'}
          />
          <SubmitButton
            id="sf-facts-edit"
            label="修改子女和参保情况"
            tone="plain"
            onClick={() => {
              setErrors({});
              setDraft(policyFactsFrom(view));
            }}
          >
            修改
          </SubmitButton>
        </>
      )}
    </View>
  );
}
