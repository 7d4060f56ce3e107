import { addDays, yearsBefore } from '@hongjia/shared/calendar/days';
import { Input, Text, View } from '@tarojs/components';
import { label } from '../../../../components/a11y';
import { Chips } from '../../../../components/Chips';
import { DateField } from '../../../../components/DateField';
import { Field } from '../../../../components/Field';
import { SubmitButton } from '../../../../components/SubmitButton';
import type { ChildDraft, RegistrationDraft, Sex } from '../../../../registration/draft';
import { parityHint } from '../../../../registration/steps';

const sexOptions = [
  { value: 'F' as Sex | undefined, text: '女', key: 'F' },
  { value: 'M' as Sex | undefined, text: '男', key: 'M' },
];

/** Step 4: marriage date (legal age checked per parent), existing children, expected due date. */
export function FamilyStep({
  draft,
  errors,
  today,
  onChange,
}: {
  draft: RegistrationDraft;
  errors: Record<string, string>;
  today: string;
  onChange: (patch: Partial<RegistrationDraft>) => void;
}) {
  const children = draft.existingChildren;
  const setChild = (i: number, patch: Partial<ChildDraft>) =>
    onChange({ existingChildren: children.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  const hint = parityHint(draft);
  return (
    <View>
      <DateField
        id="reg-marriage-date"
        label="结婚登记日期"
        why="按结婚证上的日期填写；用于核对法定婚龄"
        error={errors.marriageDate}
        value={draft.marriageDate}
        end={today}
        fallback={yearsBefore(today, 3)}
        onChange={(marriageDate) => onChange({ marriageDate })}
      />

      <Field id="reg-children" label={`已有子女（${children.length} 个）`} error={errors.existingChildren}>
        <Text className="muted">包括与现配偶及此前婚姻所生育或收养的子女；没有请跳过。</Text>
        {children.map((child, i) => {
          const id = `reg-child-${i}`;
          return (
            <View key={id} className="rg-child" id={id}>
              <Field
                id={`${id}-name`}
                label={`第 ${i + 1} 个子女姓名`}
                error={errors[`existingChildren.${i}.name`]}
              >
                <Input
                  className="input"
                  value={child.name}
                  maxlength={30}
                  onInput={(e) => setChild(i, { name: e.detail.value })}
                  {...label(`第 ${i + 1} 个子女姓名`, `${id}-name`)}
                />
              </Field>
              <DateField
                id={`${id}-birth`}
                label="出生日期"
                spoken={`第 ${i + 1} 个子女出生日期`}
                error={errors[`existingChildren.${i}.birthDate`]}
                value={child.birthDate}
                end={today}
                fallback={yearsBefore(today, 3)}
                onChange={(birthDate) => setChild(i, { birthDate })}
              />
              <Field id={`${id}-sex`} label="性别" error={errors[`existingChildren.${i}.sex`]}>
                <Chips<Sex | undefined>
                  idPrefix={`${id}-sex`}
                  label={`第 ${i + 1} 个子女性别`}
                  options={sexOptions}
                  value={child.sex}
                  onChange={(sex) => setChild(i, { sex })}
                />
              </Field>
              <SubmitButton
                id={`${id}-remove`}
                label={`删除第 ${i + 1} 个子女`}
                tone="plain"
                onClick={() => onChange({ existingChildren: children.filter((_, j) => j !== i) })}
              >
                删除这个子女
              </SubmitButton>
            </View>
          );
        })}
        {children.length < 9 ? (
          <SubmitButton
            id="reg-child-add"
            label="添加一个已有子女"
            tone="plain"
            onClick={() => onChange({ existingChildren: [...children, { name: '', birthDate: '' }] })}
          >
            + 添加已有子女
          </SubmitButton>
        ) : null}
        {hint ? (
          <Text className="muted" id="reg-parity-hint">
            {hint}
          </Text>
        ) : null}
      </Field>

      <DateField
        id="reg-due-date"
        label="预产期（选填）"
        spoken="预产期"
        why="用于安排孕产期保健服务和核对重复登记"
        error={errors.expectedDueDate}
        value={draft.expectedDueDate}
        start={addDays(today, -365)}
        end={addDays(today, 300)}
        fallback={addDays(today, 180)}
        onChange={(expectedDueDate) => onChange({ expectedDueDate })}
      />
    </View>
  );
}
