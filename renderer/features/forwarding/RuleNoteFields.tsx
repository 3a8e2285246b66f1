import { Field, Input, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleNote } from '../../../shared/model';
import { fieldIssues, RULE_COMMENT_MAX, RULE_GROUP_MAX, RULE_NAME_MAX, ruleNoteSchema } from '../../../shared/validate';
import { useValidationText } from '../../lib/use-validation-text';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 1fr)',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
  },
  field: { minWidth: 0 },
  wide: { minWidth: 0, gridColumn: '1 / -1' },
  input: { width: '100%', minWidth: 0 },
});

export const EMPTY_NOTE: RuleNote = { name: '', group: '', comment: '' };
type NoteField = keyof RuleNote;

/**
 * Name, group and comment as typed, checked with the schema the main process uses (shared/validate.ts
 * ruleNoteSchema): too long or a control character is a field error after the first attempt.
 */
export const useNoteDraft = (initial: RuleNote = EMPTY_NOTE) => {
  const validationText = useValidationText();
  const [draft, setDraft] = useState<RuleNote>(initial);
  const [attempted, setAttempted] = useState(false);
  const check = useMemo(() => {
    const parsed = ruleNoteSchema.safeParse(draft);
    const errors = new Map<string, string>();
    if (!parsed.success)
      for (const issue of fieldIssues(parsed.error)) if (!errors.has(issue.field)) errors.set(issue.field, issue.key);
    return { note: parsed.success ? parsed.data : null, errors };
  }, [draft]);
  const set = (field: NoteField) => (value: string) => setDraft((current) => ({ ...current, [field]: value }));
  const fieldProps = (field: NoteField) => {
    const key = attempted ? check.errors.get(field) : undefined;
    return key ? { validationState: 'error' as const, validationMessage: validationText(key) } : {};
  };
  const empty = draft.name.trim() === '' && draft.group.trim() === '' && draft.comment.trim() === '';
  return { draft, check, set, fieldProps, empty, attempt: () => setAttempted(true) };
};

type NoteForm = ReturnType<typeof useNoteDraft>;

/** The three note fields, as the add dialog and the note dialog lay them out. */
export const RuleNoteFields = ({ form, disabled }: { form: NoteForm; disabled: boolean }) => {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <div className={styles.grid}>
      <Field className={styles.field} label={t('ruleNote.name')} {...form.fieldProps('name')}>
        <Input
          className={styles.input}
          value={form.draft.name}
          placeholder={t('ruleNote.namePlaceholder')}
          onChange={(_, data) => form.set('name')(data.value)}
          disabled={disabled}
          autoComplete="off"
          // A little room over the limit, so an over-long paste shows the error instead of being cut silently.
          maxLength={RULE_NAME_MAX * 2}
          data-testid="note-name"
        />
      </Field>
      <Field className={styles.field} label={t('ruleNote.group')} {...form.fieldProps('group')}>
        <Input
          className={styles.input}
          value={form.draft.group}
          placeholder={t('ruleNote.groupPlaceholder')}
          onChange={(_, data) => form.set('group')(data.value)}
          disabled={disabled}
          autoComplete="off"
          maxLength={RULE_GROUP_MAX * 2}
          data-testid="note-group"
        />
      </Field>
      <Field className={styles.wide} label={t('ruleNote.comment')} {...form.fieldProps('comment')}>
        <Textarea
          value={form.draft.comment}
          onChange={(_, data) => form.set('comment')(data.value)}
          disabled={disabled}
          resize="vertical"
          maxLength={RULE_COMMENT_MAX * 2}
          data-testid="note-comment"
        />
      </Field>
    </div>
  );
};
