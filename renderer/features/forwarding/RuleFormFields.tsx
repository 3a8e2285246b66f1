import { Caption1, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { RuleField } from '../../lib/rule-draft';
import type { useRuleDraft } from './use-rule-draft';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 1fr)',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
  },
  // The inner <input> has an intrinsic width (size=20): without these a 1fr column overflows the dialog.
  field: { minWidth: 0 },
  input: { width: '100%', minWidth: 0 },
  number: { width: '100%', minWidth: 0, fontVariantNumeric: 'tabular-nums' },
  type: { width: '100%', minWidth: 0, fontFamily: tokens.fontFamilyMonospace },
  // Under the type, across both columns: it explains the type as much as the address.
  note: { color: tokens.colorNeutralForeground3, gridColumn: '1 / -1' },
});

type Form = ReturnType<typeof useRuleDraft>;

/** The four rule fields and the derived type, as the add dialog lays them out. */
export const RuleFormFields = ({ form, disabled }: { form: Form; disabled: boolean }) => {
  const { t } = useTranslation();
  const styles = useStyles();
  const input = (field: RuleField, placeholder?: string) => (
    <Input
      className={field.endsWith('Port') ? styles.number : styles.input}
      inputMode={field.endsWith('Port') ? 'numeric' : 'text'}
      autoComplete="off"
      spellCheck={false}
      placeholder={placeholder}
      value={form.draft[field]}
      onChange={(_, data) => form.set(field)(data.value)}
      disabled={disabled}
      data-testid={`rule-${field}`}
    />
  );
  return (
    <div className={styles.grid}>
      <Field
        className={styles.field}
        label={t('ruleForm.listenAddress')}
        required
        {...form.fieldProps('listenAddress')}
      >
        {input('listenAddress', t('ruleForm.listenAddressPlaceholder'))}
      </Field>
      <Field className={styles.field} label={t('ruleForm.listenPort')} required {...form.fieldProps('listenPort')}>
        {input('listenPort')}
      </Field>
      <Field
        className={styles.field}
        label={t('ruleForm.connectAddress')}
        required
        {...form.fieldProps('connectAddress')}
      >
        {input('connectAddress', t('ruleForm.connectAddressPlaceholder'))}
      </Field>
      <Field className={styles.field} label={t('ruleForm.connectPort')} required {...form.fieldProps('connectPort')}>
        {input('connectPort')}
      </Field>
      <Field
        className={styles.field}
        label={t('ruleForm.type')}
        hint={t('ruleForm.typeHint')}
        {...form.fieldProps('type')}
      >
        <Input className={styles.type} readOnly value={form.check.type} data-testid="rule-type" />
      </Field>
      {form.check.hostname ? (
        <Caption1 className={styles.note} data-testid="hostname-note">
          {t('ruleForm.hostnameNote')}
        </Caption1>
      ) : null}
    </div>
  );
};
