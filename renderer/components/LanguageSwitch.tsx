import { Select, makeStyles } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { switchLanguage } from '../i18n/i18n';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES } from '../i18n/language';

const useStyles = makeStyles({ select: { minWidth: '120px' } });

export const LanguageSwitch = () => {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  return (
    <Select
      className={styles.select}
      aria-label={t('header.language')}
      value={i18n.resolvedLanguage ?? 'en'}
      onChange={(_, data) => {
        if (isLanguage(data.value)) void switchLanguage(data.value);
      }}
      data-testid="language-switch"
    >
      {LANGUAGES.map((language) => (
        <option key={language} value={language} lang={language}>
          {LANGUAGE_NAMES[language]}
        </option>
      ))}
    </Select>
  );
};
