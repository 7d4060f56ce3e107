import type { SchoolStage } from '@hongjia/shared';
import { Text, View } from '@tarojs/components';
import { Chips } from '../../../components/Chips';
import { DateField } from '../../../components/DateField';
import { SubmitButton } from '../../../components/SubmitButton';
import { schoolStageNames } from '../../../special-assistance/fact-claims';
import { type ChildFactsDraft, emptyChild, type PolicyFactsDraft } from '../model/policy-facts';

const stageOptions = [
  { value: '' as SchoolStage | '', text: '未登记', key: 'none' },
  ...(Object.keys(schoolStageNames) as SchoolStage[]).map((s) => ({
    value: s as SchoolStage | '',
    text: schoolStageNames[s],
    key: s,
  })),
];
const sexOptions = [
  { value: 'F' as 'M' | 'F' | undefined, text: '女', key: 'F' },
  { value: 'M' as 'M' | 'F' | undefined, text: '男', key: 'M' },
];
const aliveOptions = [
  { value: true, text: '在世', key: 'alive' },
  { value: false, text: '已故', key: 'dead' },
];

/**
 * The four facts of the named policies on the record form (decision 0033): per child its
 * school stage and admission date, and the family's two enrolment dates. Staff fill them after
 * seeing the proof; families can also send the proof themselves (decision 0039).
 */
export function PolicyFactsFields({
  idPrefix,
  draft,
  errors,
  today,
  newChildAlive,
  onChange,
}: {
  idPrefix: string;
  draft: PolicyFactsDraft;
  errors: Record<string, string>;
  today: string;
  /** A child added here: living unless the family is 失独. */
  newChildAlive: boolean;
  onChange: (draft: PolicyFactsDraft) => void;
}) {
  const setChild = (index: number, patch: Partial<ChildFactsDraft>) =>
    onChange({
      ...draft,
      children: draft.children.map((c, i) => (i === index ? { ...c, ...patch } : c)),
    });
  return (
    <View id={idPrefix}>
      <Text className="muted">
        阳光助学、优秀女孩成才奖、医疗保险补助和新农保补助按这些信息核对；请在看过在读证明、录取通知书或参保凭证后填写，不清楚的留空（显示为未登记）。
      </Text>
      {draft.children.map((child, i) => {
        const at = `${idPrefix}-child-${i}`;
        return (
          <View key={at} className="st-child" id={at}>
            <Text className="text">第 {i + 1} 个子女</Text>
            <DateField
              id={`${at}-birth`}
              label="出生日期（选填）"
              spoken={`第 ${i + 1} 个子女出生日期`}
              error={errors[`children.${i}.birthDate`]}
              value={child.birthDate}
              end={today}
              fallback="2008-01-01"
              onChange={(birthDate) => setChild(i, { birthDate })}
            />
            <Chips
              idPrefix={`${at}-sex`}
              label={`第 ${i + 1} 个子女性别`}
              options={sexOptions}
              value={child.sex}
              onChange={(sex) => setChild(i, sex ? { sex } : {})}
            />
            <Chips
              idPrefix={`${at}-alive`}
              label={`第 ${i + 1} 个子女是否在世`}
              options={aliveOptions}
              value={child.alive}
              onChange={(alive) => setChild(i, { alive })}
            />
            <Chips
              idPrefix={`${at}-stage`}
              label="在读学段（凭在读证明）"
              options={stageOptions}
              value={child.schoolStage}
              onChange={(schoolStage) => setChild(i, { schoolStage })}
            />
            <DateField
              id={`${at}-admitted`}
              label="大学录取日期（凭录取通知书，选填）"
              spoken={`第 ${i + 1} 个子女大学录取日期`}
              error={errors[`children.${i}.universityAdmittedOn`]}
              value={child.universityAdmittedOn}
              fallback={today}
              onChange={(universityAdmittedOn) => setChild(i, { universityAdmittedOn })}
            />
          </View>
        );
      })}
      <SubmitButton
        id={`${idPrefix}-add-child`}
        label="添加子女"
        tone="plain"
        onClick={() => onChange({ ...draft, children: [...draft.children, emptyChild(newChildAlive)] })}
      >
        添加子女
      </SubmitButton>
      <DateField
        id={`${idPrefix}-medical`}
        label="城乡居民医保参保日期（凭参保凭证，选填）"
        error={errors.medicalInsuranceEnrolledOn}
        value={draft.medicalInsuranceEnrolledOn}
        fallback={today}
        onChange={(medicalInsuranceEnrolledOn) => onChange({ ...draft, medicalInsuranceEnrolledOn })}
      />
      <DateField
        id={`${idPrefix}-pension`}
        label="城乡居民养老保险参保日期（凭参保凭证，选填）"
        error={errors.ruralPensionEnrolledOn}
        value={draft.ruralPensionEnrolledOn}
        fallback={today}
        onChange={(ruralPensionEnrolledOn) => onChange({ ...draft, ruralPensionEnrolledOn })}
      />
    </View>
  );
}
