import type { IdNumberFacts } from '@hongjia/shared';
import { Input, Text } from '@tarojs/components';
import { idNumberFacts, idNumberHint } from '../identity/id-hint';
import type { Sex } from '../registration/draft';
import { idNumberIssue } from '../registration/id-check';
import { label as a11y } from './a11y';
import { Field, type TextBasics } from './Field';

/**
 * An 18-character ID number, checked as it is typed with the shared GB 11643 rule the server
 * applies (and, for a parent, the sex the role needs). Under a valid number, what we read from
 * it, so the user sees a typo before sending. The live check's message wins over `error` (the last
 * submit's) while it has something to say.
 */
export function IdNumberField({
  id,
  label,
  why,
  error,
  value,
  today,
  placeholder = '18 位身份证号',
  role,
  facts,
  factsId = `${id}-facts`,
  factsClassName = 'muted',
  onChange,
}: TextBasics & {
  today: string;
  /** A parent's number: the sex the role requires and the role's name for the message. */
  role?: { sex: Sex; who: string };
  /** The line shown under a valid number; none when omitted. */
  facts?: (facts: IdNumberFacts) => string;
  factsId?: string;
  factsClassName?: string;
}) {
  const live = role ? idNumberIssue(value, role.sex, role.who, today) : idNumberHint(value, today);
  const read = live || !facts ? undefined : idNumberFacts(value, today);
  return (
    <Field id={id} label={label} why={why} error={live ?? error}>
      <Input
        className="input"
        type="idcard"
        value={value}
        maxlength={18}
        placeholder={placeholder}
        onInput={(e) => onChange(e.detail.value.trim().toUpperCase())}
        {...a11y(label, id)}
      />
      {read && facts ? (
        <Text className={factsClassName} id={factsId}>
          {facts(read)}
        </Text>
      ) : null}
    </Field>
  );
}
