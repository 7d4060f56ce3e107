import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { SubmitButton } from '../../../components/SubmitButton';
import { checkHelper, type HelperKey, helperDraftFrom, helperSpecs } from '../model/helpers';
import { CallButton } from './CallButton';
import { Fact } from './Fact';
import { HelperFields } from './HelperFields';

/**
 * One of 三个全覆盖 on the record: what is on file (with a call button), 修改 in place, 清除.
 * `onSave` answers whether the change went through; on a conflict the page reloads the record
 * and the form stays open with what the user typed.
 */
export function HelperSection({
  helper,
  value,
  today,
  onSave,
  onClear,
}: {
  helper: HelperKey;
  value: object | undefined;
  today: string;
  onSave: (value: Record<string, string>) => Promise<boolean>;
  onClear: () => void;
}) {
  const spec = helperSpecs[helper];
  const id = `sf-${helper}`;
  const [draft, setDraft] = useState<Record<string, string>>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const current = helperDraftFrom(helper, value);

  async function save() {
    if (!draft) return;
    const checked = checkHelper(helper, draft);
    setErrors(checked.errors);
    if (!checked.value) return;
    if (await onSave(checked.value)) setDraft(undefined);
  }

  return (
    <View className="section" id={id}>
      <View className="st-filing__head">
        <Text className="title">{spec.title}</Text>
        <Text className={value ? 'text' : 'text st-below'}>{value ? '已落实' : '未落实'}</Text>
      </View>
      {value && !draft
        ? spec.fields
            .filter((f) => current[f.key])
            .map((f) => (
              <Fact key={f.key} name={f.label.replace('（选填）', '')} value={f.shownAs ?? current[f.key]}>
                {f.kind === 'phone' && current[f.key] ? (
                  <CallButton phone={current[f.key] ?? ''} who={spec.title} id={`${id}-call`} />
                ) : null}
              </Fact>
            ))
        : null}
      {draft ? (
        <View id={`${id}-form`}>
          <HelperFields
            helper={helper}
            idPrefix={`${id}-input`}
            draft={draft}
            errors={errors}
            today={today}
            onChange={(field, v) => {
              setDraft({ ...draft, [field]: v });
              setErrors({ ...errors, [field]: '' });
            }}
          />
          <View className="row">
            <SubmitButton id={`${id}-save`} label={`保存${spec.title}`} grow onClick={save}>
              保存
            </SubmitButton>
            <SubmitButton
              id={`${id}-cancel`}
              label={`取消修改${spec.title}`}
              tone="plain"
              grow
              onClick={() => setDraft(undefined)}
            >
              取消
            </SubmitButton>
          </View>
        </View>
      ) : (
        <View className="row">
          <SubmitButton
            id={`${id}-edit`}
            label={`${value ? '修改' : '填写'}${spec.title}`}
            tone="plain"
            grow
            onClick={() => {
              setErrors({});
              setDraft(current);
            }}
          >
            {value ? '修改' : '填写'}
          </SubmitButton>
          {value ? (
            <SubmitButton id={`${id}-clear`} label={`清除${spec.title}`} tone="plain" grow onClick={onClear}>
              清除
            </SubmitButton>
          ) : null}
        </View>
      )}
    </View>
  );
}
