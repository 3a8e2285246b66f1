// Typed keys: t('ranges.titel') is a compile error, and so is a dynamic key outside the resources.
import 'i18next';
import type { en } from './en';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
