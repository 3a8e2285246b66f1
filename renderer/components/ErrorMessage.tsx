import {
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Button,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../shared/result';
import { useErrorText } from '../lib/use-labels';

const useStyles = makeStyles({
  detail: {
    display: 'block',
    marginTop: tokens.spacingVerticalXXS,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
});

/** One AppError as an error bar: the translated sentence first, the untranslated specifics under it. */
export const ErrorMessage = ({
  error,
  onDismiss,
  title,
}: {
  error: AppError;
  onDismiss?: () => void;
  title?: string;
}) => {
  const { t } = useTranslation();
  const styles = useStyles();
  const text = useErrorText()(error);
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        {title ? <MessageBarTitle>{title}</MessageBarTitle> : null}
        {text.summary}
        {text.detail ? <span className={styles.detail}>{text.detail}</span> : null}
      </MessageBarBody>
      {onDismiss ? (
        <MessageBarActions
          containerAction={
            <Button
              appearance="transparent"
              icon={<Dismiss20Regular />}
              aria-label={t('common.dismiss')}
              onClick={onDismiss}
            />
          }
        />
      ) : null}
    </MessageBar>
  );
};
