/** Derived state shared by several components. */
import type { AppState } from './types';

export type ChangeBlock = 'checking' | 'not-elevated' | 'busy' | null;

/** Why change buttons are disabled right now, or null when they are enabled. */
export const changeBlock = (state: AppState): ChangeBlock => {
  if (state.systemInfo === null) return 'checking';
  if (!state.systemInfo.elevated) return 'not-elevated';
  return Object.values(state.operations).some((op) => op.status === 'running') ? 'busy' : null;
};
