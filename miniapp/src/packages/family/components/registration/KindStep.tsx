import { Text, View } from '@tarojs/components';
import { Chips } from '../../../../components/Chips';
import { Field } from '../../../../components/Field';
import { NoteField } from '../../../../components/NoteField';
import type { Kind, RegistrationDraft } from '../../../../registration/draft';
import { kindNames, reapprovalExplained } from '../../../../registration/labels';
import { maxOrdinaryParity } from '../../../../registration/steps';

const kindOptions = (['registration', 'reapproval'] as const).map((k) => ({
  value: k,
  text: kindNames[k],
  key: k,
}));
const parityOptions = [1, 2, 3, 4, 5].map((p) => ({ value: p, text: `第 ${p} 孩`, key: String(p) }));

/** Step 1: 生育登记 or 再生育审批, and which child this is. */
export function KindStep({
  draft,
  errors,
  onChange,
}: {
  draft: RegistrationDraft;
  errors: Record<string, string>;
  onChange: (patch: Partial<RegistrationDraft>) => void;
}) {
  return (
    <View>
      <Field id="reg-kind" label="申请类型" error={errors.kind}>
        <Chips<Kind>
          idPrefix="reg-kind"
          label="申请类型"
          options={kindOptions}
          value={draft.kind}
          onChange={(kind) => onChange({ kind })}
        />
      </Field>
      <Text className="muted" id="reg-kind-help">
        生育登记：第 1 至第 {maxOrdinaryParity} 个孩子，符合条件的当场办结。{reapprovalExplained}
      </Text>
      <Field id="reg-parity" label="本次是第几个孩子（孩次）" error={errors.parity}>
        <Chips<number>
          idPrefix="reg-parity"
          label="孩次"
          options={parityOptions}
          value={draft.parity}
          onChange={(parity) => onChange({ parity })}
        />
      </Field>
      <NoteField
        id="reg-reason"
        label={draft.kind === 'reapproval' ? '申请原因（必填）' : '补充说明（选填）'}
        spoken={draft.kind === 'reapproval' ? '申请原因' : '补充说明'}
        why={
          draft.kind === 'reapproval'
            ? '请说明家庭情况，例如子女病残、再婚前后的子女情况，便于工作人员审核'
            : undefined
        }
        error={errors.reason}
        value={draft.reason}
        maxlength={1000}
        onChange={(reason) => onChange({ reason })}
      />
    </View>
  );
}
