import { Button, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { button } from './a11y';
import './ui.css';

/**
 * Our own confirmation panel instead of Taro.showModal: it scales with elderly mode (it renders
 * inside PageShell), can hold a reason box, and has stable ids for tests.
 */
export function ConfirmDialog({
  id,
  title,
  message,
  confirmText,
  cancelText = '取消',
  danger = false,
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
        <Button
          className={`btn ${danger ? 'btn--danger' : 'btn--primary'}`}
          onClick={onConfirm}
          {...button(confirmText, `${id}-confirm`)}
        >
          {confirmText}
        </Button>
        <Button className="btn btn--plain" onClick={onCancel} {...button(cancelText, `${id}-cancel`)}>
          {cancelText}
        </Button>
      </View>
    </View>
  );
}
