import { districtByCode, maskIdNumber, maskPhone } from '@hongjia/shared';
import { Switch, Text, View } from '@tarojs/components';
import { label } from '../../../../components/a11y';
import { Field } from '../../../../components/Field';
import type { ParentDraft, RegistrationDraft } from '../../../../registration/draft';
import { kindNames, parityName } from '../../../../registration/labels';

function Row({ id, name, value }: { id: string; name: string; value: string }) {
  return (
    <View className="rg-summary-row" id={id}>
      <Text className="muted">{name}</Text>
      <Text className="text rg-summary-row__value">{value}</Text>
    </View>
  );
}

function parentLine(p: ParentDraft): string {
  const district = p.hukouDistrict ? districtByCode(p.hukouDistrict).name : '未选择';
  return `${p.name.trim()} · ${maskIdNumber(p.idNumber.trim().toUpperCase())} · ${maskPhone(p.phone.trim())} · ${district}`;
}

/** Step 6: everything once more, ID numbers and phones masked (someone may be looking on). */
export function ConfirmStep({
  draft,
  errors,
  onConsent,
}: {
  draft: RegistrationDraft;
  errors: Record<string, string>;
  onConsent: (consent: boolean) => void;
}) {
  const children = draft.existingChildren.map(
    (c) => `${c.name}（${c.sex === 'M' ? '男' : '女'}，${c.birthDate}）`,
  );
  return (
    <View id="reg-summary">
      <Row
        id="reg-summary-kind"
        name="申请"
        value={`${kindNames[draft.kind]} · ${parityName(draft.parity)}`}
      />
      <Row id="reg-summary-mother" name="母亲" value={parentLine(draft.mother)} />
      <Row id="reg-summary-father" name="父亲" value={parentLine(draft.father)} />
      <Row id="reg-summary-marriage" name="结婚日期" value={draft.marriageDate} />
      <Row id="reg-summary-children" name="已有子女" value={children.length ? children.join('；') : '无'} />
      <Row id="reg-summary-due" name="预产期" value={draft.expectedDueDate || '未填写'} />
      <Row id="reg-summary-attachments" name="附件" value={`${draft.attachments.length} 个`} />
      {draft.reason.trim() ? <Row id="reg-summary-reason" name="说明" value={draft.reason.trim()} /> : null}
      <Field id="reg-consent" label="确认与同意" error={errors.consent}>
        <View className="row cc-switch-row">
          <Text className="text grow">
            以上信息真实；我同意卫健部门为办理本次登记核验夫妻双方和子女的信息（子女信息属于敏感个人信息，仅用于本次办理）。
          </Text>
          <Switch
            className="cc-switch"
            checked={draft.consent}
            color="#a61b1b"
            onChange={(e) => onConsent(e.detail.value)}
            {...label('确认信息真实并同意提交', 'reg-consent')}
          />
        </View>
      </Field>
    </View>
  );
}
