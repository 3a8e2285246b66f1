import { useMemo, useState } from 'react';
import { checkDraft, type RuleDraft, type RuleField } from '../../lib/rule-draft';
import { useValidationText } from '../../lib/use-validation-text';

/**
 * Form state shared by the add dialog and the inline edit. Errors appear after the first attempt and
 * then follow the typing (no red field before the user is done), as in the other forms.
 * With `connectFollowsListen`, the connect port copies the listen port until the user types one.
 */
export const useRuleDraft = (initial: RuleDraft, { connectFollowsListen = false } = {}) => {
  const validationText = useValidationText();
  const [draft, setDraft] = useState(initial);
  const [connectPortTouched, setConnectPortTouched] = useState(!connectFollowsListen);
  const [attempted, setAttempted] = useState(false);
  const check = useMemo(() => checkDraft(draft), [draft]);

  const set = (field: RuleField) => (value: string) => {
    if (field === 'connectPort') setConnectPortTouched(true);
    setDraft((current) => ({
      ...current,
      [field]: value,
      ...(field === 'listenPort' && !connectPortTouched ? { connectPort: value } : {}),
    }));
  };

  /** Props for a Fluent Field: the translated error once the user tried to save. */
  const fieldProps = (field: RuleField | 'type') => {
    const key = attempted ? check.errors.get(field) : undefined;
    return key ? { validationState: 'error' as const, validationMessage: validationText(key) } : {};
  };

  return { draft, check, set, fieldProps, attempt: () => setAttempted(true) };
};
