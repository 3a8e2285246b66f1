/**
 * Benchmark page: the product's OwnersTable with 20,000 synthetic endpoints and a filter box, for the
 * keystroke-to-filtered-paint measurement. `?virtualized=0` renders every row (the baseline).
 */
import { FluentProvider, Input, webLightTheme } from '@fluentui/react-components';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { OwnersTable } from '../../renderer/features/owners/OwnersTable';
import { initI18n } from '../../renderer/i18n/i18n';
import { createAppStore } from '../../renderer/store/create-app-store';
import { createFakeApi } from '../../test/helpers/fake-api';
import { AppStoreProvider } from '../../renderer/store/store-context';
import { syntheticEndpoints } from './synthetic-endpoints';

declare global {
  interface Window {
    __benchReady?: boolean;
  }
}

const params = new URLSearchParams(location.search);
const count = Number(params.get('rows') ?? '20000') || 20000;
const virtualized = params.get('virtualized') !== '0';
const endpoints = syntheticEndpoints(count);

initI18n();
// Elevated, so every Kill button is the plain enabled one (as for an administrator).
const store = createAppStore(createFakeApi());
void store.getState().loadSystemInfo();

const Bench = () => {
  const [filter, setFilter] = useState('');
  useEffect(() => {
    window.__benchReady = true;
  }, []);
  return (
    <div>
      <Input
        value={filter}
        onChange={(_, data) => setFilter(data.value)}
        placeholder="Port, process or PID"
        data-testid="owners-filter"
      />
      <OwnersTable endpoints={endpoints} filter={filter} virtualized={virtualized} />
    </div>
  );
};

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <FluentProvider theme={webLightTheme}>
      <AppStoreProvider store={store}>
        <Bench />
      </AppStoreProvider>
    </FluentProvider>
  </StrictMode>,
);
