import { ageClassKeys, ageClassRules, caregiversNeeded } from '@hongjia/shared';
import { Input, Picker, Text, View } from '@tarojs/components';
import { type ClassDraft, classIssues } from '../../../childcare/filing-form';
import { button, label } from '../../../components/a11y';
import { Field } from '../../../components/Field';
import { SubmitButton } from '../../../components/SubmitButton';

const classNames = ageClassKeys.map(
  (k) => `${ageClassRules[k].name}（最多 ${ageClassRules[k].maxChildren} 人）`,
);

/**
 * The classes of a filing. Limits are checked as the provider types, with the shared rules the
 * server applies: capacity ≤ the class maximum, caregivers ≥ capacity ÷ children per caregiver.
 */
export function ClassesEditor({
  classes,
  errors,
  onChange,
}: {
  classes: ClassDraft[];
  errors: Record<string, string>;
  onChange: (next: ClassDraft[]) => void;
}) {
  const update = (i: number, patch: Partial<ClassDraft>) =>
    onChange(classes.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <View id="filing-classes">
      {classes.map((c, i) => {
        const live = classIssues(c);
        const capacity = Number(c.capacity);
        const need =
          Number.isInteger(capacity) && capacity > 0 ? caregiversNeeded(c.ageClass, capacity) : undefined;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position.
          <View key={i} className="pv-class">
            <Picker
              mode="selector"
              range={classNames}
              value={ageClassKeys.indexOf(c.ageClass)}
              onChange={(e) => update(i, { ageClass: ageClassKeys[Number(e.detail.value)] ?? c.ageClass })}
            >
              <View
                className="picker-value"
                {...button(
                  `第 ${i + 1} 个班级的类型：${ageClassRules[c.ageClass].name}`,
                  `filing-class-${i}-type`,
                )}
              >
                {classNames[ageClassKeys.indexOf(c.ageClass)]}
              </View>
            </Picker>
            <Field
              id={`filing-class-${i}-capacity`}
              label="班级人数"
              error={(c.capacity && live.capacity) || errors[`classes.${i}.capacity`]}
            >
              <Input
                className="input"
                type="number"
                value={c.capacity}
                onInput={(e) => update(i, { capacity: e.detail.value })}
                {...label(`第 ${i + 1} 个班级的人数`, `filing-class-${i}-capacity`)}
              />
            </Field>
            <Field
              id={`filing-class-${i}-caregivers`}
              label={need ? `保育人员（至少 ${need} 名）` : '保育人员'}
              error={(c.caregivers && live.caregivers) || errors[`classes.${i}.caregivers`]}
            >
              <Input
                className="input"
                type="number"
                value={c.caregivers}
                onInput={(e) => update(i, { caregivers: e.detail.value })}
                {...label(`第 ${i + 1} 个班级的保育人员数`, `filing-class-${i}-caregivers`)}
              />
            </Field>
            <SubmitButton
              id={`filing-class-${i}-remove`}
              label={`删除第 ${i + 1} 个班级`}
              tone="plain"
              small
              onClick={() => onChange(classes.filter((_, j) => j !== i))}
            >
              删除这个班级
            </SubmitButton>
          </View>
        );
      })}
      {errors.classes ? <Text className="field__error">{errors.classes}</Text> : null}
      <SubmitButton
        id="filing-class-add"
        label="添加班级"
        tone="plain"
        onClick={() => onChange([...classes, { ageClass: 'toddler', capacity: '', caregivers: '' }])}
      />
    </View>
  );
}
