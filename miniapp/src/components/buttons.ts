/** The look of a form's buttons: one class list, so every page keeps the elderly-mode sizes of ui.css. */
export type ButtonTone = 'primary' | 'plain' | 'danger';

export interface ButtonLook {
  tone?: ButtonTone;
  /** Compact, for rows and cards (still ≥ 60×60 CSS px in elderly mode). */
  small?: boolean;
  /** Takes the free width of a row (上一步 / 下一步). */
  grow?: boolean;
  /** A page's own modifier on top (e.g. an alert colour). */
  className?: string;
}

export function buttonClass({ tone = 'primary', small, grow, className }: ButtonLook): string {
  return ['btn', `btn--${tone}`, small && 'btn--small', grow && 'grow', className].filter(Boolean).join(' ');
}
