import {
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Radio,
  RadioGroup,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Save20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RulesExport } from '../../../shared/model';
import { CopyButton } from '../../components/CopyButton';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ProgressNote } from '../../components/ProgressNote';
import { saveTextFile } from '../../lib/save-file';
import { useAppStore } from '../../store/store-context';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(820px, calc(100vw - 32px))' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  formats: { flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM },
  preview: {
    margin: 0,
    padding: tokens.spacingVerticalS,
    maxHeight: '300px',
    overflow: 'auto',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre',
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
  name: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3 },
});

export type ExportFormat = 'json' | 'cmd' | 'ps1';

/** The file of one format: the main process answers all three from one read, so switching is instant. */
const fileOf = (value: RulesExport, format: ExportFormat) =>
  format === 'json' ? { fileName: value.fileName, text: value.json } : value[format];

/** A Blob type per format; Electron's save dialog takes the name and extension from `download`. */
const MIME: Record<ExportFormat, string> = { json: 'application/json', cmd: 'text/plain', ps1: 'text/plain' };

/**
 * Export is a read: the main process answers the JSON and the two scripts (export-scripts.ts) with their
 * file names; choosing, previewing, saving and copying stay in the window.
 */
export const ExportRulesDialog = () => {
  const { t } = useTranslation();
  const styles = useStyles();
  const exported = useAppStore((s) => s.exported);
  const close = useAppStore((s) => s.closeDialog);
  const [format, setFormat] = useState<ExportFormat>('json');
  const value = exported.status === 'done' ? exported.value : null;
  const file = value ? fileOf(value, format) : null;
  return (
    <Dialog open onOpenChange={(_, data) => (data.open ? undefined : close())}>
      <DialogSurface className={styles.surface} data-testid="export-dialog">
        <DialogBody>
          <DialogTitle>{t('exportRules.title')}</DialogTitle>
          <DialogContent className={styles.content}>
            <Body1>{t('exportRules.intro')}</Body1>
            <Field label={t('exportRules.format')}>
              <RadioGroup
                className={styles.formats}
                layout="horizontal"
                value={format}
                onChange={(_, data) => setFormat(data.value as ExportFormat)}
                data-testid="export-format"
              >
                <Radio value="json" label={t('exportRules.json')} />
                <Radio value="cmd" label={t('exportRules.cmd')} />
                <Radio value="ps1" label={t('exportRules.ps1')} />
              </RadioGroup>
            </Field>
            {format === 'json' ? null : <Caption1>{t('exportRules.scriptNote')}</Caption1>}
            {exported.status === 'running' || exported.status === 'idle' ? (
              <ProgressNote label={t('exportRules.loading')} />
            ) : null}
            {exported.status === 'failed' ? <ErrorMessage error={exported.error} title={t('errors.title')} /> : null}
            {file ? (
              <>
                <Caption1 className={styles.name} data-testid="export-file-name">
                  {file.fileName}
                </Caption1>
                <pre
                  className={styles.preview}
                  data-testid="export-preview"
                  data-format={format}
                  tabIndex={0}
                  aria-label={t('exportRules.preview', { name: file.fileName })}
                >
                  {file.text}
                </pre>
              </>
            ) : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={close}>
              {t('common.close')}
            </Button>
            <CopyButton
              label={t('exportRules.copy')}
              text={() => file?.text ?? ''}
              disabled={file === null}
              data-testid="export-copy"
            />
            <Button
              appearance="primary"
              icon={<Save20Regular />}
              disabled={file === null}
              onClick={() => file && saveTextFile(file.fileName, file.text, MIME[format])}
              data-testid="export-save"
            >
              {t('exportRules.save')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
};
