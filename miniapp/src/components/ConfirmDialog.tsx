import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { SubmitButton } from './SubmitButton';
import './ui.css';

/**
 * Our own confirmation panel instead of Taro.showModal: it scales with elderly mode (it renders
 * inside PageShell), can hold a reason box, and has stable ids for tests. `busy` while the
 * confirmed request is out: the confirm button spins and a second tap sends nothing.
 */
export function ConfirmDialog({
  id,
  title,
  message,
  confirmText,
  cancelText = '取消',
  danger = false,
  busy = false,
  children,
  onConfirm,
  onCancel,
}: {
  id: string;
  title: string;
  message?: string;
  confirmText: string;
  cancelText?: string;
  danger?: boolean;
  busy?: boolean;
  children?: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <View className="dialog" id={id} role="dialog" aria-label={title}>
      <View className="dialog__panel">
        <Text className="title">{title}</Text>
        {message ? <Text className="text">{message}</Text> : null}
        {children}
        <SubmitButton
          id={`${id}-confirm`}
          label={confirmText}
          tone={danger ? 'danger' : 'primary'}
          busy={busy}
          onClick={onConfirm}
        />
        <SubmitButton id={`${id}-cancel`} label={cancelText} tone="plain" onClick={onCancel} />
      </View>
    </View>
  );
}
