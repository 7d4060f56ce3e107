import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './ui.css';

/** What every kit field takes: the control's id, its visible label, why we ask, and its message. */
export interface FieldBasics {
  id: string;
  label: string;
  why?: string;
  error?: string;
}

/** A text control of the kit: its value and what the user typed (trimmed where spaces mean nothing). */
export interface TextBasics extends FieldBasics {
  value: string;
  placeholder?: string;
  onChange: (value: string) => void;
}

/**
 * A labelled form field: the label, why we ask (for personal data), the control, and the error
 * right under it. `id` is the control's id; the error gets `<id>-error` for tests.
 */
export function Field({
  id,
  label,
  why,
  error,
  children,
}: {
  id: string;
  label: string;
  why?: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <View className={`field${error ? ' field--invalid' : ''}`}>
      <Text className="field__label">{label}</Text>
      {children}
      {why ? <Text className="field__why">{why}</Text> : null}
      {error ? (
        <Text className="field__error" id={`${id}-error`} aria-live="polite">
          {error}
        </Text>
      ) : null}
    </View>
  );
}

/** A message for what belongs to no single field (network, conflicts, server-side refusals). */
export function Banner({ id, text, tone = 'error' }: { id: string; text?: string; tone?: 'error' | 'info' }) {
  if (!text) return null;
  return (
    <View className={`banner banner--${tone}`} id={id} role={tone === 'error' ? 'alert' : 'status'}>
      {text}
    </View>
  );
}
