import { Body1 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { RuleDrift } from '../../../shared/model';
import { ChangeDialog } from '../../components/ChangeDialog';
import { connectEndpoint, listenEndpoint } from '../../lib/rules';
import { useAppStore } from '../../store/store-context';
import { RuleReportView } from './RuleReportView';

/** Restore: Portwarden's version of one listen key goes back into Windows (or, unknown to it, out). */
export const RestoreDriftDialog = ({ drift }: { drift: RuleDrift }) => {
  const { t } = useTranslation();
  const restoreDrift = useAppStore((s) => s.restoreDrift);
  const rule = drift.portwarden ?? drift.windows;
  if (rule === null) return null;
  const values = { listen: listenEndpoint(rule), connect: connectEndpoint(rule) };
  return (
    <ChangeDialog
      kind="restore-drift"
      testId="restore-drift-dialog"
      title={t('restoreDrift.title')}
      confirmLabel={t('restoreDrift.confirm')}
      runningLabel={t('restoreDrift.running')}
      onConfirm={() => void restoreDrift(drift)}
      renderReport={(report) => <RuleReportView report={report} />}
    >
      <Body1>{drift.portwarden ? t('restoreDrift.put', values) : t('restoreDrift.remove', values)}</Body1>
    </ChangeDialog>
  );
};
