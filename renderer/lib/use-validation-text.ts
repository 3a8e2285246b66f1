import { useTranslation } from 'react-i18next';
import type { ValidationKey } from '../../shared/validation-text';
import { en } from '../i18n/en';

/** A zod issue key from shared/validate.ts in the user's language; an unknown key shows as the generic "required". */
export const useValidationText = () => {
  const { t } = useTranslation();
  return (key: string): string => t(`validation.${(key in en.validation ? key : 'required') as ValidationKey}`);
};
