import {
  Button,
  Caption1,
  Card,
  Field,
  Input,
  Radio,
  RadioGroup,
  Subtitle1,
  makeStyles,
  tokens,
  useId,
} from '@fluentui/react-components';
import { Stethoscope20Regular } from '@fluentui/react-icons';
import { useEffect, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Protocol } from '../../../shared/model';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormError } from '../../components/FormError';
import { ProgressNote } from '../../components/ProgressNote';
import { useValidationText } from '../../lib/use-validation-text';
import { useAppStore } from '../../store/store-context';
import { WatchedPortsCard } from '../watch/WatchedPortsCard';
import { DoctorAnswer } from './DoctorAnswer';

const useStyles = makeStyles({
  // The answer gets the room; the watched ports sit beside it on wide windows, under it on narrow ones.
  layout: {
    display: 'grid',
    gap: tokens.spacingHorizontalL,
    gridTemplateColumns: 'minmax(0, 1fr) minmax(280px, 360px)',
    alignItems: 'start',
    '@media (max-width: 899px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  intro: { color: tokens.colorNeutralForeground2 },
  form: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  port: { width: '180px' },
  // The Input's own minimum width was wider than the field and ran under the TCP radio (issue #11).
  input: { fontVariantNumeric: 'tabular-nums', width: '100%', minWidth: 0 },
  hint: { color: tokens.colorNeutralForeground3 },
  title: { margin: 0 },
});

/** The Port doctor tab: every cause that keeps a port from being used, with a fix for each. */
export const DoctorView = ({ searchRef }: { searchRef: RefObject<HTMLInputElement | null> }) => {
  const { t } = useTranslation();
  const styles = useStyles();
  const validationText = useValidationText();
  const port = useAppStore((s) => s.doctorPort);
  const protocol = useAppStore((s) => s.doctorProtocol);
  const report = useAppStore((s) => s.doctorReport);
  const error = useAppStore((s) => s.doctorError);
  const loading = useAppStore((s) => s.doctorLoading);
  const focusRequest = useAppStore((s) => s.doctorFocusRequest);
  const setPort = useAppStore((s) => s.setDoctorPort);
  const setProtocol = useAppStore((s) => s.setDoctorProtocol);
  const diagnose = useAppStore((s) => s.diagnosePort);
  const errorId = useId('doctor-port-error');

  useEffect(() => {
    // The tray's "Check a port…": the box is where the user starts typing.
    if (focusRequest > 0) {
      searchRef.current?.focus();
      searchRef.current?.select();
    }
  }, [focusRequest, searchRef]);

  const invalid = error?.code === 'invalid-input' ? error : null;

  return (
    <div className={styles.layout} data-testid="doctor-view">
      <Card className={styles.card}>
        <Subtitle1 as="h2" className={styles.title}>
          {t('doctor.title')}
        </Subtitle1>
        <Caption1 className={styles.intro}>{t('doctor.intro')}</Caption1>
        <form
          className={styles.form}
          onSubmit={(event) => {
            event.preventDefault();
            void diagnose();
          }}
        >
          <Field className={styles.port} label={t('doctor.port')} validationState={invalid ? 'error' : 'none'}>
            <Input
              ref={searchRef}
              className={styles.input}
              aria-describedby={invalid?.detail ? errorId : undefined}
              inputMode="numeric"
              autoComplete="off"
              spellCheck={false}
              placeholder={t('doctor.portPlaceholder')}
              value={port}
              onChange={(_, data) => setPort(data.value)}
              data-testid="doctor-port"
            />
          </Field>
          <Field label={t('doctor.protocol')}>
            <RadioGroup
              layout="horizontal"
              value={protocol}
              onChange={(_, data) => setProtocol(data.value as Protocol)}
              data-testid="doctor-protocol"
            >
              <Radio value="tcp" label="TCP" />
              <Radio value="udp" label="UDP" />
            </RadioGroup>
          </Field>
          <Button
            type="submit"
            appearance="primary"
            icon={<Stethoscope20Regular />}
            disabled={loading}
            data-testid="doctor-check"
          >
            {t('doctor.check')}
          </Button>
        </form>
        {/* Under the row, not inside the 180px field: there it pushed TCP/UDP and Check down (issue #11). */}
        {invalid?.detail ? <FormError id={errorId}>{validationText(invalid.detail)}</FormError> : null}
        <div data-testid="doctor-answer" role="status" aria-live="polite" aria-busy={loading}>
          {loading ? <ProgressNote label={t('doctor.checking')} /> : null}
          {!loading && error !== null && invalid === null ? (
            <ErrorMessage error={error} title={t('errors.title')} />
          ) : null}
          {report !== null ? <DoctorAnswer report={report} /> : null}
          {!loading && report === null && error === null ? (
            <Caption1 className={styles.hint}>{t('doctor.hint')}</Caption1>
          ) : null}
        </div>
      </Card>
      <WatchedPortsCard />
    </div>
  );
};
