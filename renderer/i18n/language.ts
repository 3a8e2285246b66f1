/** Which UI language to start in: the remembered choice, else the OS/browser language (ko* -> ko, else en). */
export const LANGUAGES = ['en', 'ko'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_STORAGE_KEY = 'portwarden.language';

export const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

export const detectLanguage = (stored: string | null | undefined, navigatorLanguage: string | undefined): Language => {
  if (isLanguage(stored)) return stored;
  return navigatorLanguage?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
};

/** Each language's own name, so a user who cannot read the current language still finds theirs. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ko: '한국어' };
