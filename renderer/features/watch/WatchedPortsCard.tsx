import {
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  Field,
  Input,
  Select,
  Subtitle1,
  Tooltip,
  makeStyles,
  mergeClasses,
  useId,
  tokens,
} from '@fluentui/react-components';
import { Add20Regular, Delete20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Protocol, WatchState, WatchStatus } from '../../../shared/model';
import { fieldIssues, watchedPortsSchema } from '../../../shared/validate';
import { ChangeButton } from '../../components/ChangeButton';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormError } from '../../components/FormError';
import { useValidationText } from '../../lib/use-validation-text';
import { useAppStore } from '../../store/store-context';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  intro: { color: tokens.colorNeutralForeground2 },
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  item: {
    display: 'grid',
    gridTemplateColumns: 'auto minmax(0, 1fr) auto',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  blocked: { backgroundColor: tokens.colorPaletteDarkOrangeBackground1 },
  port: { minWidth: 0, justifyContent: 'flex-start', fontVariantNumeric: 'tabular-nums' },
  reason: { gridColumn: '1 / -1', color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  form: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  portInput: { width: '110px' },
  protocol: { width: '90px' },
  empty: { color: tokens.colorNeutralForeground3 },
  title: { margin: 0 },
  fill: { width: '100%', minWidth: 0 },
});

const COLOR: Record<WatchStatus, 'success' | 'danger' | 'warning' | 'informative'> = {
  free: 'success',
  reserved: 'warning',
  taken: 'danger',
  unknown: 'informative',
};

const WatchRow = ({ state, onRemove }: { state: WatchState; onRemove: () => void }) => {
  const { t } = useTranslation();
  const styles = useStyles();
  const openDoctor = useAppStore((s) => s.openDoctor);
  const protocol = state.protocol.toUpperCase();
  return (
    <li
      className={mergeClasses(styles.item, state.status !== 'free' && styles.blocked)}
      data-testid="watched-port"
      data-port={state.port}
      data-status={state.status}
    >
      <Badge appearance="filled" color={COLOR[state.status]}>
        {t(`watch.status.${state.status}`)}
      </Badge>
      <Tooltip content={t('watch.check', { port: state.port })} relationship="description">
        <Button appearance="transparent" className={styles.port} onClick={() => openDoctor(state.port, state.protocol)}>
          {state.port} {protocol}
        </Button>
      </Tooltip>
      <ChangeButton
        size="small"
        appearance="subtle"
        icon={<Delete20Regular />}
        aria-label={t('watch.remove', { port: state.port, protocol })}
        hint={t('watch.remove', { port: state.port, protocol })}
        onClick={onRemove}
        data-testid="watched-port-remove"
      />
      {state.reason ? <Caption1 className={styles.reason}>{state.reason}</Caption1> : null}
    </li>
  );
};

/** Ports checked in the background; a port that is not free stands out. */
export const WatchedPortsCard = () => {
  const { t } = useTranslation();
  const styles = useStyles();
  const validationText = useValidationText();
  const states = useAppStore((s) => s.watchStates);
  const error = useAppStore((s) => s.watchError);
  const saving = useAppStore((s) => s.watchSaving);
  const setWatchedPorts = useAppStore((s) => s.setWatchedPorts);
  const [port, setPort] = useState('');
  const [protocol, setProtocol] = useState<Protocol>('tcp');
  const [attempted, setAttempted] = useState(false);
  const errorId = useId('watch-port-error');

  const current = (states ?? []).map(({ port: p, protocol: pr }) => ({ port: p, protocol: pr }));
  const next = { ports: [...current, { port: port.trim(), protocol }] };
  const parsed = watchedPortsSchema.safeParse(next);
  const issue = parsed.success ? null : (fieldIssues(parsed.error)[0]?.key ?? 'required');

  return (
    <Card className={styles.card} data-testid="watched-ports" role="region" aria-labelledby="watch-title">
      <Subtitle1 as="h2" id="watch-title" className={styles.title}>
        {t('watch.title')}
      </Subtitle1>
      <Caption1 className={styles.intro}>{t('watch.intro')}</Caption1>
      {states === null && error === null ? <Body1>{t('watch.loading')}</Body1> : null}
      {states !== null && states.length === 0 ? <Body1 className={styles.empty}>{t('watch.empty')}</Body1> : null}
      {states !== null && states.length > 0 ? (
        <ul className={styles.list} aria-label={t('watch.title')}>
          {states.map((state) => (
            <WatchRow
              key={`${state.protocol}-${state.port}`}
              state={state}
              onRemove={() =>
                void setWatchedPorts(current.filter((p) => p.port !== state.port || p.protocol !== state.protocol))
              }
            />
          ))}
        </ul>
      ) : null}
      <form
        className={styles.form}
        onSubmit={(event) => {
          event.preventDefault();
          setAttempted(true);
          if (!parsed.success) return;
          void setWatchedPorts(parsed.data.ports).then((saved) => {
            if (!saved) return;
            setPort('');
            setAttempted(false);
          });
        }}
      >
        <Field
          className={styles.portInput}
          label={t('watch.port')}
          validationState={attempted && issue ? 'error' : 'none'}
        >
          <Input
            className={styles.fill}
            aria-describedby={attempted && issue ? errorId : undefined}
            inputMode="numeric"
            autoComplete="off"
            value={port}
            onChange={(_, data) => setPort(data.value)}
            data-testid="watch-port"
          />
        </Field>
        <Field className={styles.protocol} label={t('watch.protocol')}>
          <Select
            className={styles.fill}
            value={protocol}
            onChange={(_, data) => setProtocol(data.value as Protocol)}
            data-testid="watch-protocol"
          >
            <option value="tcp">TCP</option>
            <option value="udp">UDP</option>
          </Select>
        </Field>
        <ChangeButton
          type="submit"
          icon={<Add20Regular />}
          disabled={saving || states === null}
          data-testid="watch-add"
        >
          {saving ? t('watch.saving') : t('watch.add')}
        </ChangeButton>
      </form>
      {attempted && issue ? <FormError id={errorId}>{validationText(issue)}</FormError> : null}
      {error !== null ? <ErrorMessage error={error} /> : null}
    </Card>
  );
};
