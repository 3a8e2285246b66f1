import { useEffect, useSyncExternalStore } from 'react';
import { useAppStore } from '../../store/store-context';

const subscribeVisibility = (onChange: () => void) => {
  document.addEventListener('visibilitychange', onChange);
  return () => document.removeEventListener('visibilitychange', onChange);
};

/** False while the window is minimized or hidden to the tray. */
export const usePageVisible = (): boolean =>
  useSyncExternalStore(subscribeVisibility, () => document.visibilityState !== 'hidden');

/**
 * Reads the owners now and then every interval, one read after the other (a slow netstat never stacks
 * reads). Lives in the owners view, so nothing polls while another view shows; also stops while the
 * page is hidden, and while paused (after one read, so the table is never empty).
 */
export const useOwnersPolling = () => {
  const loadOwners = useAppStore((s) => s.loadOwners);
  const interval = useAppStore((s) => s.ownersInterval);
  const paused = useAppStore((s) => s.ownersPaused);
  const hasView = useAppStore((s) => s.ownersView !== null);
  const visible = usePageVisible();

  useEffect(() => {
    if (!visible) return;
    if (paused) {
      if (!hasView) void loadOwners();
      return;
    }
    let stopped = false;
    let timer: number | undefined;
    const tick = async () => {
      await loadOwners();
      if (!stopped) timer = window.setTimeout(() => void tick(), interval);
    };
    void tick();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
    // hasView only matters for the paused case's first read; a read landing must not restart the loop.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [visible, paused, interval, loadOwners]);
};
