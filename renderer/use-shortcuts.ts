import { useEffect, type RefObject } from 'react';
import { useAppStore } from './store/store-context';

/**
 * F5 reads again what the current view shows (instead of reloading the page, which would drop dialogs
 * and progress), Ctrl+F jumps to the view's search box: the port box or the rule filter (instead of
 * the browser's find bar, which Electron does not have).
 */
export const useShortcuts = (searchInput: RefObject<HTMLInputElement | null>) => {
  const refresh = useAppStore((s) => s.refreshView);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'F5' && !event.ctrlKey && !event.altKey && !event.metaKey) {
        event.preventDefault();
        void refresh();
      } else if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        searchInput.current?.focus();
        searchInput.current?.select();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [refresh, searchInput]);
};
