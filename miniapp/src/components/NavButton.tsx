import { Button } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import { button, nameWithVisible } from './a11y';
import { type ButtonLook, buttonClass } from './buttons';
import './buttons.css';

/** How a NavButton leaves the page: a new page, in place of this one, or back. */
export type Navigation = { to: string } | { replace: string } | { back: true };

function go(where: Navigation) {
  if ('back' in where) Taro.navigateBack();
  else if ('replace' in where) Taro.redirectTo({ url: where.replace });
  else Taro.navigateTo({ url: where.to });
}

/** A button that only goes somewhere: the same look and labels as SubmitButton, plain by default. */
export function NavButton({
  id,
  label,
  where,
  children,
  tone = 'plain',
  ...look
}: ButtonLook & { id: string; label: string; where: Navigation; children?: ReactNode }) {
  return (
    <Button
      className={buttonClass({ tone, ...look })}
      onClick={() => go(where)}
      {...button(nameWithVisible(label, children), id)}
    >
      {children ?? label}
    </Button>
  );
}
