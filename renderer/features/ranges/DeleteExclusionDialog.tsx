import { Body1 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ExcludedRange, ProtocolFamily } from '../../../shared/model';
import { ChangeDialog } from '../../components/ChangeDialog';
import { ChangeReportView } from '../../components/ChangeReportView';
import { familyLabel } from '../../lib/families';
import { useAppStore } from '../../store/store-context';

export const DeleteExclusionDialog = ({ family, range }: { family: ProtocolFamily; range: ExcludedRange }) => {
  const { t } = useTranslation();
  const deleteExclusion = useAppStore((s) => s.deleteExclusion);
  return (
    <ChangeDialog
      kind="delete"
      testId="delete-exclusion-dialog"
      title={t('deleteDialog.title')}
      confirmLabel={t('deleteDialog.confirm')}
      runningLabel={t('deleteDialog.running')}
      onConfirm={() => void deleteExclusion({ ...family, start: range.start, end: range.end })}
      renderReport={(report) => <ChangeReportView report={report} />}
    >
      <Body1>{t('deleteDialog.body', { start: range.start, end: range.end, family: familyLabel(family) })}</Body1>
    </ChangeDialog>
  );
};
