/** Wording shared by every place that shows an AppError, a change step, an activity operation or a service state. */
import { useTranslation } from 'react-i18next';
import type { ServiceStatus } from '../../shared/model';
import type { AppError } from '../../shared/result';
import type { ValidationKey } from '../../shared/validation-text';
import { en } from '../i18n/en';
import { familyLabel } from './families';

const isValidationKey = (key: string | undefined): key is ValidationKey => key !== undefined && key in en.validation;

/** Codes whose English message carries specifics worth showing (which command, which table). */
const SHOW_MESSAGE: ReadonlySet<AppError['code']> = new Set([
  'command-failed',
  'internal',
  'storage-failed',
  'refused',
  'not-found',
  'conflict',
]);

export interface ErrorText {
  readonly summary: string;
  /** Untranslated specifics (a command's output, a field), or null. */
  readonly detail: string | null;
}

export const useErrorText = () => {
  const { t } = useTranslation();
  return (error: AppError): ErrorText => {
    if (error.code === 'invalid-input' && isValidationKey(error.detail)) {
      return {
        summary: t(`validation.${error.detail}`),
        detail: error.field ? t('errors.field', { field: error.field }) : null,
      };
    }
    const detail = error.detail ?? (SHOW_MESSAGE.has(error.code) ? error.message : null);
    return { summary: t(`errors.${error.code}`), detail };
  };
};

const DYNAMIC_STEP = /^set-dynamic-(tcp|udp)-(ipv4|ipv6)$/;
const KNOWN_STEPS = [
  'stop-winnat',
  'start-winnat',
  'add-exclusion',
  'delete-exclusion',
  'add-rule',
  'set-rule',
  'delete-rule',
  'reset-rules',
  'start-iphlpsvc',
  'backup',
  'rollback',
  'firewall-add',
  'firewall-remove',
  'check-process',
  'taskkill',
  'check-connection',
  'set-tcp-entry',
  'verify',
  'wsl-forget',
  'wsl-address',
  'wsl-move',
  'save-note',
  'adopt',
] as const;
/** The rule service names the way back after the step it undoes: `rollback-delete-rule`. */
const ROLLBACK_PREFIX = 'rollback-';

export const useStepLabel = () => {
  const { t } = useTranslation();
  const label = (step: string): string => {
    if (step.startsWith(ROLLBACK_PREFIX))
      return t('steps.rollbackOf', { step: label(step.slice(ROLLBACK_PREFIX.length)) });
    const dynamic = DYNAMIC_STEP.exec(step);
    if (dynamic) {
      return t('steps.setDynamic', {
        family: familyLabel({ protocol: dynamic[1] as 'tcp' | 'udp', ipVersion: dynamic[2] as 'ipv4' | 'ipv6' }),
      });
    }
    const known = KNOWN_STEPS.find((name) => name === step);
    // A step added in the main process later still shows, untranslated, rather than vanishing.
    return known ? t(`steps.${known}`) : step;
  };
  return label;
};

export const useStatusLabel = () => {
  const { t } = useTranslation();
  return (status: ServiceStatus): string => t(`winnat.${status}`);
};

const KNOWN_OPERATIONS = Object.keys(en.operations) as (keyof typeof en.operations)[];

export const useOperationLabel = () => {
  const { t } = useTranslation();
  return (operation: string): string => {
    const known = KNOWN_OPERATIONS.find((name) => name === operation);
    return known ? t(`operations.${known}`) : operation;
  };
};
