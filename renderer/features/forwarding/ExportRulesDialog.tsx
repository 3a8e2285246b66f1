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
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Save20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../components/CopyButton';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ProgressNote } from '../../components/ProgressNote';
import { saveTextFile } from '../../lib/save-file';
import { useAppStore } from '../../store/store-context';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(720px, calc(100vw - 32px))' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  json: {
    margin: 0,
    padding: tokens.spacingVerticalS,
    maxHeight: '300px',
    overflow: 'auto',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre',
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
  name: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3 },
});

/** Export is a read: the main process answers the JSON and a file name; saving and copying stay in the window. */
export const ExportRulesDialog = () => {
  const { t } = useTranslation();
  const styles = useStyles();
  const exported = useAppStore((s) => s.exported);
  const close = useAppStore((s) => s.closeDialog);
  const value = exported.status === 'done' ? exported.value : null;
  return (
    <Dialog open onOpenChange={(_, data) => (data.open ? undefined : close())}>
      <DialogSurface className={styles.surface} data-testid="export-dialog">
        <DialogBody>
          <DialogTitle>{t('exportRules.title')}</DialogTitle>
          <DialogContent className={styles.content}>
            <Body1>{t('exportRules.intro')}</Body1>
            {exported.status === 'running' || exported.status === 'idle' ? (
              <ProgressNote label={t('exportRules.loading')} />
            ) : null}
            {exported.status === 'failed' ? <ErrorMessage error={exported.error} title={t('errors.title')} /> : null}
            {value ? (
              <>
                <Caption1 className={styles.name}>{value.fileName}</Caption1>
                <pre className={styles.json} data-testid="export-json" tabIndex={0}>
                  {value.json}
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
              text={() => value?.json ?? ''}
              disabled={value === null}
              data-testid="export-copy"
            />
            <Button
              appearance="primary"
              icon={<Save20Regular />}
              disabled={value === null}
              onClick={() => value && saveTextFile(value.fileName, value.json)}
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
