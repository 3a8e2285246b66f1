import { Button, makeStyles, tokens } from '@fluentui/react-components';
import {
  Add20Regular,
  ArrowDownload20Regular,
  ArrowUpload20Regular,
  Delete20Regular,
  DeleteDismiss20Regular,
  History20Regular,
  PlugConnected20Regular,
} from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { RuleView } from '../../../shared/model';
import { ActionToolbar } from '../../components/ActionToolbar';
import { ChangeButton } from '../../components/ChangeButton';
import { changeBlock } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';

const useStyles = makeStyles({
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  spacer: { flexGrow: 1 },
  danger: { color: tokens.colorPaletteRedForeground1 },
});

/** Actions on the rule set. Reads (check, export, backups) work without administrator rights; changes do not. */
export const RulesToolbar = ({ rules, selected }: { rules: readonly RuleView[]; selected: readonly RuleView[] }) => {
  const { t } = useTranslation();
  const styles = useStyles();
  const openDialog = useAppStore((s) => s.openDialog);
  const checkRules = useAppStore((s) => s.checkRules);
  const exportRules = useAppStore((s) => s.exportRules);
  const openBackups = useAppStore((s) => s.openBackups);
  const checking = useAppStore((s) => s.checking.length > 0);
  // The red "danger" icon only while the button works; a disabled button shows all grey.
  const blocked = useAppStore((s) => changeBlock(s) !== null);

  return (
    <ActionToolbar className={styles.bar} aria-label={t('rules.actions')} data-testid="rules-toolbar">
      <ChangeButton
        appearance="primary"
        icon={<Add20Regular />}
        onClick={() => openDialog({ kind: 'add-rule' })}
        data-testid="add-rule-open"
      >
        {t('rules.add')}
      </ChangeButton>
      <ChangeButton
        icon={<Delete20Regular />}
        onClick={() => openDialog({ kind: 'delete-rules', rules: selected })}
        unavailableReason={selected.length === 0 ? t('rules.nothingSelected') : null}
        hint={t('rules.deleteSelectedHint')}
        aria-keyshortcuts="Delete"
        data-testid="delete-rules-open"
      >
        {selected.length > 0 ? `${t('rules.deleteSelected')} (${selected.length})` : t('rules.deleteSelected')}
      </ChangeButton>
      <Button
        icon={<PlugConnected20Regular />}
        onClick={() => void checkRules(rules)}
        disabled={rules.length === 0 || checking}
        data-testid="check-all"
      >
        {t('rules.checkAll')}
      </Button>
      <span className={styles.spacer} />
      <ChangeButton
        icon={<ArrowUpload20Regular />}
        onClick={() => openDialog({ kind: 'import-rules' })}
        data-testid="import-open"
      >
        {t('rules.import')}
      </ChangeButton>
      <Button
        icon={<ArrowDownload20Regular />}
        onClick={() => {
          openDialog({ kind: 'export-rules' });
          void exportRules();
        }}
        data-testid="export-open"
      >
        {t('rules.export')}
      </Button>
      <Button icon={<History20Regular />} onClick={openBackups} data-testid="backups-open">
        {t('rules.backups')}
      </Button>
      <ChangeButton
        icon={<DeleteDismiss20Regular className={blocked ? undefined : styles.danger} />}
        onClick={() => openDialog({ kind: 'reset-rules' })}
        unavailableReason={rules.length === 0 ? t('rules.resetNothing') : null}
        hint={t('rules.resetAllHint')}
        data-testid="reset-rules-open"
      >
        {t('rules.resetAll')}
      </ChangeButton>
    </ActionToolbar>
  );
};
