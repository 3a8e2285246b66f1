import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppStore } from './create-app-store';
import type { AppState } from './types';

const StoreContext = createContext<AppStore | null>(null);

export const AppStoreProvider = ({ store, children }: { store: AppStore; children: ReactNode }) => (
  <StoreContext.Provider value={store}>{children}</StoreContext.Provider>
);

export const useAppStore = <T,>(selector: (state: AppState) => T): T => {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore outside AppStoreProvider');
  return useStore(store, selector);
};
