import { Switch, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { label } from '../../../../components/a11y';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { Banner } from '../../../../components/Field';
import { useSubmit } from '../../../../forms/use-submit';

interface Confirmation {
  title: string;
  message: string;
  confirmText: string;
  /** The toast once saved. */
  done: string;
}

interface Props {
  /** The section's id; the switch, its state text, error and dialog take it as a prefix. */
  id: string;
  dialogId?: string;
  /** The row's words; `switchLabel` names the switch for screen readers when it differs. */
  text: string;
  switchLabel?: string;
  granted: boolean;
  disabled?: boolean;
  /** What the consent means now (given when, or what giving it would allow). */
  explanation: string;
  grant: Confirmation;
  withdraw: Confirmation;
  /** Records the answer; throws when it could not be saved. */
  save: (next: boolean) => Promise<void>;
}

/**
 * A consent the family gives or withdraws with a switch (委托代办, 共享求助信息): either way goes
 * through a confirmation in plain words, and a cancelled or failed change puts the switch back.
 */
export function ConsentSwitch({
  id,
  dialogId = `${id}-dialog`,
  text,
  switchLabel = text,
  granted,
  ...props
}: Props) {
  const [asking, setAsking] = useState<boolean>();
  const form = useSubmit({ fallback: '没有保存成功，请稍后再试' });
  // A cancelled tap must put the native switch back: a new key redraws it from `granted`.
  const [redraw, setRedraw] = useState(0);

  async function answer(next: boolean) {
    setAsking(undefined);
    const done = await form.run(async () => {
      await props.save(next);
      Taro.showToast({ title: (next ? props.grant : props.withdraw).done, icon: 'success' });
    });
    if (!done) setRedraw((n) => n + 1);
  }

  const confirmation = asking ? props.grant : props.withdraw;
  return (
    <View className="section" id={id}>
      <View className="sa-switch-row">
        <Text className="text grow">{text}</Text>
        <Switch
          key={redraw}
          className="sa-switch"
          checked={granted}
          disabled={props.disabled}
          color="#a61b1b"
          onChange={(e) => setAsking(e.detail.value)}
          {...label(switchLabel, `${id}-switch`)}
        />
      </View>
      <Text className="muted" id={`${id}-state`} aria-live="polite">
        {props.explanation}
      </Text>
      <Banner id={`${id}-error`} text={form.banner} />
      {asking !== undefined ? (
        <ConfirmDialog
          id={dialogId}
          title={confirmation.title}
          message={confirmation.message}
          confirmText={confirmation.confirmText}
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
