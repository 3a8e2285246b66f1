import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ListenPortPreflight, ProxyRule } from '../../../shared/model';
import { formatRange } from '../../lib/families';
import { connectEndpoint, listenEndpoint } from '../../lib/rules';
import type { ReplaceQuestion } from '../../store/types';

const useStyles = makeStyles({ list: { margin: 0, paddingLeft: tokens.spacingHorizontalL } });

/** What stands in the way of the listen port: warnings, not refusals (the user may free the port later). */
export const PreflightWarnings = ({ rule, result }: { rule: ProxyRule; result: ListenPortPreflight }) => {
  const { t } = useTranslation();
  const styles = useStyles();
  const lines: string[] = [];
  if (result.excluded) {
    const range = formatRange(result.excluded);
    lines.push(
      t(result.excluded.administered ? 'addRule.excludedAdministered' : 'addRule.excluded', {
        port: rule.listenPort,
        range,
      }),
    );
  }
  if (result.owner)
    lines.push(t('addRule.owner', { image: result.owner.image, pid: result.owner.pid, port: rule.listenPort }));
  if (lines.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="preflight-warnings">
      <MessageBarBody>
        <MessageBarTitle>{t('addRule.warningsTitle')}</MessageBarTitle>
        <ul className={styles.list}>
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        {t('addRule.addAnywayHint')}
      </MessageBarBody>
    </MessageBar>
  );
};

/** netsh `add` over an existing listen key replaces it without a word (docs/architecture.md §1): ask first. */
export const ReplaceQuestionBar = ({ question }: { question: ReplaceQuestion }) => {
  const { t } = useTranslation();
  const listen = listenEndpoint(question.rule);
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="replace-question">
      <MessageBarBody>
        <MessageBarTitle>{t('addRule.replaceTitle')}</MessageBarTitle>
        {question.existing
          ? t('addRule.existing', { listen, target: connectEndpoint(question.existing) })
          : t('addRule.existingUnknown', { listen })}
      </MessageBarBody>
    </MessageBar>
  );
};
