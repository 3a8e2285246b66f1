/**
 * What to do when the window's renderer dies, hangs, or never starts. Pure: main.ts feeds it the
 * Electron events and carries out the decision (recreate = destroy + a fresh window, which reloads its
 * state from the core; nothing the old page asked for is ever re-issued).
 *
 * The one rule that is not about recovery: a renderer that cannot start inside the sandbox gets an
 * explanation, never a retry with `--no-sandbox` (docs/architecture.md §5: the app is elevated; the sandbox is the
 * wall between a renderer bug and an admin process).
 */

/** A renderer that keeps dying is not recreated forever (each load would kill it again). */
export const RECREATE_LIMIT = 3;
export const RECREATE_WINDOW_MS = 60_000;
/**
 * How long a window may stay 'unresponsive' before it is replaced. Long enough for a slow machine
 * rendering a big table; short enough that the user is not left with a frozen window. (A renderer
 * paused in DevTools is never replaced: main.ts skips the hang while DevTools are open, dev only.)
 */
export const UNRESPONSIVE_GRACE_MS = 10_000;

/**
 * render-process-gone reasons that mean "the process could not run at all" rather than "it crashed
 * while running": launch-failed (CreateProcess / sandbox setup failed) and integrity-failure (Windows
 * code integrity refused a module, typically one injected by security software).
 */
const START_FAILURES: ReadonlySet<string> = new Set(['launch-failed', 'integrity-failure']);
/**
 * child-process-gone types that are a renderer. Electron documents that this event excludes renderers
 * (they have render-process-gone), but Chromium names the renderer type 'Tab': should one ever arrive,
 * it is treated like render-process-gone rather than ignored.
 */
const RENDERER_TYPES: ReadonlySet<string> = new Set(['Tab', 'renderer']);

export const SANDBOX_FAILURE_MESSAGE = [
  "Portwarden's window could not start: its renderer process failed to launch inside the Chromium sandbox.",
  '',
  'Portwarden runs as administrator and never turns the sandbox off (no --no-sandbox), so it does not retry without it.',
  '',
  'What to try:',
  '• Install pending Windows updates, then update Portwarden (each release ships a newer Electron/Chromium).',
  '• Check security or endpoint-protection software: some block sandboxed processes or inject code into them. Allow Portwarden.exe there, or ask your administrator.',
  '• Restart Windows, then open the window again from the Portwarden tray icon (Portwarden keeps running there).',
].join('\n');

export interface RecoveryState {
  /** A page finished loading at least once in this run: later failures are crashes, not a sandbox that cannot start. */
  readonly everLoaded: boolean;
  /** The sandbox message was shown once; later start failures are only logged (no dialog loop). */
  readonly sandboxReported: boolean;
  /** When windows were recreated, newest last; only the last RECREATE_WINDOW_MS count. */
  readonly recreations: readonly number[];
}

export const initialRecoveryState: RecoveryState = { everLoaded: false, sandboxReported: false, recreations: [] };

export type RecoveryEvent =
  | { readonly type: 'loaded' }
  /** webContents 'render-process-gone'. */
  | { readonly type: 'renderer-gone'; readonly reason: string }
  /** The window stayed 'unresponsive' for UNRESPONSIVE_GRACE_MS without a 'responsive'. */
  | { readonly type: 'hung' }
  /** app 'child-process-gone' (GPU, utility, ...). */
  | { readonly type: 'child-gone'; readonly processType: string; readonly reason: string; readonly name?: string };

export type RecoveryDecision =
  | { readonly action: 'none' }
  /** Nothing to do for the window; write the line to the log. */
  | { readonly action: 'log'; readonly log: string }
  /** Destroy the window and open a fresh one (shown again if it was visible). */
  | { readonly action: 'recreate'; readonly log: string }
  /** Destroy the window and stop; the tray can still open a new one on demand. */
  | { readonly action: 'give-up'; readonly log: string }
  /** Destroy the window, stop, and show SANDBOX_FAILURE_MESSAGE when `notify`. */
  | { readonly action: 'sandbox-failure'; readonly log: string; readonly notify: boolean };

export interface RecoveryStep {
  readonly state: RecoveryState;
  readonly decision: RecoveryDecision;
}

const withinWindow = (recreations: readonly number[], now: number): number[] =>
  recreations.filter((at) => now - at <= RECREATE_WINDOW_MS);

/** Replace the window unless it was already replaced RECREATE_LIMIT times in the last minute. */
const recreateOrGiveUp = (state: RecoveryState, what: string, now: number): RecoveryStep => {
  const recent = withinWindow(state.recreations, now);
  if (recent.length >= RECREATE_LIMIT) {
    return {
      state: { ...state, recreations: recent },
      decision: {
        action: 'give-up',
        log: `Portwarden: ${what} ${RECREATE_LIMIT + 1} times in a minute; not recreating the window (the tray can open it again)`,
      },
    };
  }
  return {
    state: { ...state, recreations: [...recent, now] },
    decision: { action: 'recreate', log: `Portwarden: ${what}; recreating the window` },
  };
};

const sandboxFailure = (state: RecoveryState, what: string): RecoveryStep => ({
  state: { ...state, sandboxReported: true },
  decision: {
    action: 'sandbox-failure',
    log: `Portwarden: ${what} before the first page load; the renderer cannot start in its sandbox (never retried without it)`,
    notify: !state.sandboxReported,
  },
});

export const decideRecovery = (state: RecoveryState, event: RecoveryEvent, now: number): RecoveryStep => {
  switch (event.type) {
    case 'loaded':
      return { state: state.everLoaded ? state : { ...state, everLoaded: true }, decision: { action: 'none' } };
    case 'hung':
      return recreateOrGiveUp(state, `renderer unresponsive for ${UNRESPONSIVE_GRACE_MS / 1000} s`, now);
    case 'renderer-gone': {
      const what = `renderer gone (${event.reason})`;
      // Failing to start, or crashing before anything ever loaded, is the same failure on every
      // retry (a sandbox this machine will not let run); retrying would only flash windows. Once a
      // page has loaded, the sandbox works here and a crash is an ordinary crash.
      const cannotStart = START_FAILURES.has(event.reason) || event.reason === 'crashed';
      if (cannotStart && !state.everLoaded) return sandboxFailure(state, what);
      return recreateOrGiveUp(state, what, now);
    }
    case 'child-gone': {
      const what = `${event.processType}${event.name ? ` (${event.name})` : ''} process gone (${event.reason})`;
      if (RENDERER_TYPES.has(event.processType) && START_FAILURES.has(event.reason) && !state.everLoaded) {
        return sandboxFailure(state, what);
      }
      // GPU: Chromium relaunches it (and falls back to software rendering after repeated crashes);
      // utility and other helpers are restarted on demand. Nothing of ours to recreate.
      return { state, decision: { action: 'log', log: `Portwarden: ${what}` } };
    }
  }
};
