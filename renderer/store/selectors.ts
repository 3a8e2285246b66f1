/** Derived state shared by several components. */
import type { AppState } from './types';
import { assertNever } from '../../shared/assert-never';

export type ChangeBlock = 'checking' | 'not-elevated' | 'busy' | null;

/** Why change buttons are disabled right now, or null when they are enabled. */
export const changeBlock = (state: AppState): ChangeBlock => {
  if (state.systemInfo === null) return 'checking';
  if (!state.systemInfo.elevated) return 'not-elevated';
  // Finishing or rolling back an interrupted change is a change too: other change buttons wait for it.
  const running =
    Object.values(state.operations).some((op) => op.status === 'running') ||
    Object.values(state.recoveries).some((recovery) => recovery.status === 'running');
  return running ? 'busy' : null;
};

/** The header's Refresh button is disabled while the view's own read runs (not for the owners' timer reads: it would blink). */
export const viewRefreshing = (state: AppState): boolean => {
  switch (state.view) {
    case 'forwarding':
      return state.rulesLoading;
    case 'owners':
      return false;
    case 'doctor':
      return state.doctorLoading || state.refreshing;
    case 'ranges':
    case 'map':
      return state.refreshing;
    default:
      return assertNever(state.view);
  }
};

/** The time stamp next to the title: when what the view shows was read. */
export const viewReadAt = (state: AppState): string | undefined => {
  switch (state.view) {
    case 'forwarding':
      return state.rulesView?.readAt;
    case 'owners':
      return state.ownersView?.readAt;
    case 'doctor':
      return state.doctorReport?.checkedAt ?? state.snapshot?.readAt;
    case 'ranges':
    case 'map':
      return state.snapshot?.readAt;
    default:
      return assertNever(state.view);
  }
};
