import { Caption1, Field, Input, Select, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WslDistro } from '../../../shared/model';
import { addWslRuleSchema, fieldIssues } from '../../../shared/validate';
import { useValidationText } from '../../lib/use-validation-text';
import { distroRefusal, preferredDistro } from './wsl-view';

/** The WSL target form as typed: ports stay text until the shared schema accepts them (docs/architecture.md §5). */
export interface WslDraft {
  readonly distro: string;
  readonly listenAddress: string;
  readonly listenPort: string;
  readonly connectPort: string;
}
type WslField = keyof WslDraft;

/**
 * Form state for "A WSL distro": checked with addWslRuleSchema, the schema the main process uses, and
 * like the address form, errors show after the first attempt; the connect port copies the listen port
 * until the user types one.
 */
export const useWslDraft = (distros: readonly WslDistro[]) => {
  const validationText = useValidationText();
  const [draft, setDraft] = useState<WslDraft>({
    distro: '',
    listenAddress: '0.0.0.0',
    listenPort: '',
    connectPort: '',
  });
  const [connectTouched, setConnectTouched] = useState(false);
  const [attempted, setAttempted] = useState(false);

  // The status may arrive after the dialog opened: preselect a distro that can take a rule.
  useEffect(() => {
    if (draft.distro === '' && distros.length > 0) setDraft((d) => ({ ...d, distro: preferredDistro(distros) }));
  }, [distros, draft.distro]);

  const check = useMemo(() => {
    const parsed = addWslRuleSchema.safeParse({ ...draft, firewall: false, replaceExisting: false });
    const errors = new Map<string, string>();
    if (!parsed.success)
      for (const issue of fieldIssues(parsed.error)) if (!errors.has(issue.field)) errors.set(issue.field, issue.key);
    return { input: parsed.success ? parsed.data : null, errors };
  }, [draft]);

  const set = (field: WslField) => (value: string) => {
    if (field === 'connectPort') setConnectTouched(true);
    setDraft((current) => ({
      ...current,
      [field]: value,
      ...(field === 'listenPort' && !connectTouched ? { connectPort: value } : {}),
    }));
  };

  const fieldProps = (field: WslField) => {
    const key = attempted ? check.errors.get(field) : undefined;
    return key ? { validationState: 'error' as const, validationMessage: validationText(key) } : {};
  };

  return { draft, check, set, fieldProps, attempt: () => setAttempted(true) };
};

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 1fr)',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
  },
  field: { minWidth: 0 },
  input: { width: '100%', minWidth: 0 },
  number: { width: '100%', minWidth: 0, fontVariantNumeric: 'tabular-nums' },
  note: { gridColumn: '1 / -1', wordBreak: 'keep-all', overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
  problem: { color: tokens.colorPaletteRedForeground1 },
  address: { fontVariantNumeric: 'tabular-nums' },
});

type Form = ReturnType<typeof useWslDraft>;

/** Listen address and port, the distro (with its state and current address) and the connect port. */
export const WslRuleFields = ({
  form,
  distros,
  disabled,
}: {
  form: Form;
  distros: readonly WslDistro[];
  disabled: boolean;
}) => {
  const { t } = useTranslation();
  const styles = useStyles();
  const chosen = distros.find((d) => d.name === form.draft.distro);
  const refusal = chosen ? distroRefusal(chosen) : null;
  const stateLabel = (d: WslDistro) =>
    d.state === 'running' ? t('wsl.running') : d.state === 'stopped' ? t('wsl.stopped') : d.stateText;
  const text = (field: 'listenAddress' | 'listenPort' | 'connectPort', placeholder?: string) => (
    <Input
      className={field.endsWith('Port') ? styles.number : styles.input}
      inputMode={field.endsWith('Port') ? 'numeric' : 'text'}
      autoComplete="off"
      spellCheck={false}
      placeholder={placeholder}
      value={form.draft[field]}
      onChange={(_, data) => form.set(field)(data.value)}
      disabled={disabled}
      data-testid={`wsl-${field}`}
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
        {text('listenAddress', t('ruleForm.listenAddressPlaceholder'))}
      </Field>
      <Field className={styles.field} label={t('ruleForm.listenPort')} required {...form.fieldProps('listenPort')}>
        {text('listenPort')}
      </Field>
      <Field className={styles.field} label={t('wsl.distro')} required {...form.fieldProps('distro')}>
        <Select
          value={form.draft.distro}
          onChange={(_, data) => form.set('distro')(data.value)}
          disabled={disabled}
          data-testid="wsl-distro"
        >
          {form.draft.distro === '' ? <option value="">{t('wsl.choose')}</option> : null}
          {distros.map((d) => (
            <option key={d.name} value={d.name}>
              {t('wsl.distroOption', { name: d.name, state: stateLabel(d) })}
            </option>
          ))}
        </Select>
      </Field>
      <Field className={styles.field} label={t('ruleForm.connectPort')} required {...form.fieldProps('connectPort')}>
        {text('connectPort')}
      </Field>
      {chosen ? (
        <Caption1
          className={styles.note}
          data-testid="wsl-distro-note"
          data-refused={refusal ? 'true' : 'false'}
          aria-live="polite"
        >
          {refusal ? (
            <span className={styles.problem}>{t(refusal.key, refusal.values)}</span>
          ) : chosen.address ? (
            <span className={styles.address} data-testid="wsl-distro-address">
              {t('wsl.address', { address: chosen.address })}
            </span>
          ) : (
            <span className={styles.muted}>{t('wsl.addressUnread')}</span>
          )}
        </Caption1>
      ) : null}
      {chosen && !refusal ? (
        <Caption1 className={mergeClasses(styles.note, styles.muted)}>
          {t('wsl.follows', { name: chosen.name })}
        </Caption1>
      ) : null}
    </div>
  );
};
