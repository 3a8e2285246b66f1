/**
 * i18next setup. Resources are bundled (no backend): the CSP allows no fetches beyond 'self' and the
 * text must be there before the first paint, so init is synchronous.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { ko } from './ko';
import { detectLanguage, LANGUAGE_STORAGE_KEY, type Language } from './language';

export const resources = { en: { translation: en }, ko: { translation: ko } } as const;

const readStoredLanguage = (): string | null => {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    // Storage can be unavailable (opaque origins, disabled storage): fall back to detection.
    return null;
  }
};

export const initI18n = (): typeof i18next => {
  const lng = detectLanguage(readStoredLanguage(), navigator.language);
  void i18next.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'en',
    supportedLngs: ['en', 'ko'],
    // React escapes text itself; escaping here would show &lt; in the UI.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  document.documentElement.lang = lng;
  return i18next;
};

export const switchLanguage = async (language: Language): Promise<void> => {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not remembered; the switch still applies for this session.
  }
};
