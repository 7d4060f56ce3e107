import { useState } from 'react';

/**
 * The text of a NoteField and its message: a reviewer's comment or reason, checked by the page
 * before it sends. Typing clears the message; `clear` empties the box once the decision is made.
 */
export function useNote() {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string>();
  return {
    value,
    setError,
    clear: () => setValue(''),
    field: {
      value,
      error,
      onChange: (next: string) => {
        setValue(next);
        setError(undefined);
      },
    },
  };
}
