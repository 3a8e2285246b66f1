import {
  Body1,
  Button,
  FluentProvider,
  Title3,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { ArrowClockwise20Regular } from '@fluentui/react-icons';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useColorScheme } from '../theme/use-color-scheme';
import { errorReport, type ReportError } from './error-reporting';

const useStyles = makeStyles({
  page: {
    minHeight: '100vh',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    padding: tokens.spacingHorizontalXXL,
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground3,
  },
  card: {
    maxWidth: '560px',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalXXL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow8,
  },
});

/** Shown instead of the app after a render error: says what happened and offers a reload. */
export const CrashFallback = ({ onReload }: { onReload: () => void }) => {
  const { t } = useTranslation();
  const scheme = useColorScheme();
  const styles = useStyles();
  return (
    // Its own provider: the app's FluentProvider is inside the tree that failed.
    <FluentProvider theme={scheme === 'dark' ? webDarkTheme : webLightTheme}>
      <div className={styles.page}>
        <div className={styles.card} role="alert" data-testid="crash-fallback">
          <Title3 as="h1">{t('crash.title')}</Title3>
          <Body1>{t('crash.body')}</Body1>
          <Button appearance="primary" icon={<ArrowClockwise20Regular />} onClick={onReload}>
            {t('crash.reload')}
          </Button>
        </div>
      </div>
    </FluentProvider>
  );
};

interface Props {
  readonly report: ReportError;
  readonly children: ReactNode;
}

/** The App root's error boundary: a render error reports itself to main.log and shows the fallback. */
export class ErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    const report = errorReport('react', error);
    const componentStack = info.componentStack?.trim();
    this.props.report(
      componentStack
        ? { ...report, stack: `${report.stack ?? ''}\nComponent stack:\n${componentStack}`.trim() }
        : report,
    );
  }

  override render(): ReactNode {
    return this.state.failed ? <CrashFallback onReload={() => window.location.reload()} /> : this.props.children;
  }
}
