import {
  ArrowRepeatAll20Regular,
  ArrowReset20Regular,
  Delete20Regular,
  DismissCircle20Regular,
  Edit20Regular,
  ShieldAdd20Regular,
} from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangeButton } from '../../components/ChangeButton';
import { criticalServiceOf } from '../../../shared/system-owners';
import type { DoctorFix } from '../../lib/doctor-fixes';
import { useAppStore } from '../../store/store-context';

const ICONS: Record<DoctorFix['kind'], ReactElement> = {
  'restart-winnat': <ArrowRepeatAll20Regular />,
  protect: <ShieldAdd20Regular />,
  'delete-exclusion': <Delete20Regular />,
  kill: <DismissCircle20Regular />,
  'edit-rule': <Edit20Regular />,
  'delete-rule': <Delete20Regular />,
  'reset-dynamic': <ArrowReset20Regular />,
};

/** One fix as a button; every fix changes the system, so each is a ChangeButton (disabled when unelevated). */
export const FixButton = ({ fix, primary }: { fix: DoctorFix; primary: boolean }) => {
  const { t } = useTranslation();
  const applyFix = useAppStore((s) => s.applyFix);
  const winnatAbsent = useAppStore((s) => s.snapshot?.winnat === 'absent');

  const label = (() => {
    switch (fix.kind) {
      case 'restart-winnat':
        return t('doctor.fix.restartWinnat');
      case 'protect':
        return t('doctor.fix.protect');
      case 'delete-exclusion':
        return t('doctor.fix.deleteExclusion');
      case 'kill':
        return t('doctor.fix.kill', { image: fix.endpoint.image ?? `PID ${fix.endpoint.pid ?? '?'}` });
      case 'edit-rule':
        return t('doctor.fix.editRule');
      case 'delete-rule':
        return t('doctor.fix.deleteRule');
      case 'reset-dynamic':
        return t('doctor.fix.resetDynamic');
    }
  })();

  const unavailable =
    fix.kind === 'kill' && fix.refusal !== null
      ? t(`owners.refusal.${fix.refusal}`, {
          image: fix.endpoint.image ?? '',
          service: criticalServiceOf(fix.endpoint.services) ?? '',
        })
      : fix.kind === 'reset-dynamic' && fix.alreadyDefault
        ? t('doctor.alreadyDefault')
        : fix.kind === 'restart-winnat' && winnatAbsent
          ? t('restart.absentReason')
          : null;

  return (
    <ChangeButton
      appearance={primary ? 'primary' : 'secondary'}
      icon={ICONS[fix.kind]}
      unavailableReason={unavailable}
      onClick={() => applyFix(fix)}
      data-testid={`doctor-fix-${fix.kind}`}
    >
      {label}
    </ChangeButton>
  );
};
