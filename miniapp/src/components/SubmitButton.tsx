import { Button } from '@tarojs/components';
import type { ReactNode } from 'react';
import { button, nameWithVisible } from './a11y';
import { type ButtonLook, buttonClass } from './buttons';
import './buttons.css';

/**
 * The button that sends (or decides) something: a spinner and no second request while `busy`,
 * the accessible label and the stable id on the control. `label` is read out; the visible text
 * is `children` when it says the same more briefly.
 */
export function SubmitButton({
  id,
  label,
  busy = false,
  disabled = false,
  onClick,
  children,
  ...look
}: ButtonLook & {
  id: string;
  label: string;
  busy?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children?: ReactNode;
}) {
  return (
    <Button
      className={buttonClass(look)}
      // Only when true: Taro h5 keeps disabled="false", and its [disabled] style greys the text.
      {...(busy ? { loading: true } : {})}
      {...(busy || disabled ? { disabled: true } : {})}
      onClick={onClick}
      {...button(nameWithVisible(label, children), id)}
    >
      {children ?? label}
    </Button>
  );
}
