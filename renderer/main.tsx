import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ErrorBoundary } from './errors/ErrorBoundary';
import { installErrorReporting, type ReportError } from './errors/error-reporting';
import { initI18n } from './i18n/i18n';
import { createAppStore } from './store/create-app-store';
import { AppStoreProvider } from './store/store-context';

initI18n();
const store = createAppStore(window.api);
const reportError: ReportError = (report) => store.getState().reportRendererError(report);
installErrorReporting(window, reportError);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
// The first reads (and the event subscriptions, so no event of them is missed) go out before React
// mounts, not from an effect after it: the main process reads Windows while the page builds its
// first frame, instead of after it (about a third of a second sooner on a two-core machine). They last
// as long as the page, which is the window's life.
store.getState().start();

createRoot(root).render(
  <StrictMode>
    <AppStoreProvider store={store}>
      <ErrorBoundary report={reportError}>
        <App />
      </ErrorBoundary>
    </AppStoreProvider>
  </StrictMode>,
);
