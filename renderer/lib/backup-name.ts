import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../shared/model';

/**
 * A backup's name as people say it: what happened and when ("Before reset · 5 Dec 14:02"), instead of the
 * file name `20261205T140200000Z-reset` the panel used to show (issue #11). The year appears only when it
 * is not this year's.
 */
export const backupWhen = (createdAt: string, language: string | undefined, now: Date = new Date()): string => {
  const date = new Date(createdAt);
  const sameYear = date.getFullYear() === now.getFullYear();
  const day = new Intl.DateTimeFormat(language, {
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(date);
  const time = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
  return `${day} ${time}`;
};

/** "Before reset · 5 Dec 14:02" in the UI language. */
export const useBackupName = () => {
  const { t, i18n } = useTranslation();
  return (backup: BackupInfo): string =>
    t('backups.name', {
      reason: t(`backups.reasons.${backup.reason}`),
      when: backupWhen(backup.createdAt, i18n.resolvedLanguage),
    });
};
