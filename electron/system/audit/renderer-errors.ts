/**
 * Renderer errors (window 'error', 'unhandledrejection', the React error boundary) arrive through the
 * validated `errors:report` channel and end in main.log as one escaped line each. The renderer is the
 * untrusted side: a buggy render loop or a hostile page could report thousands of errors a second, so
 * at most `limit` reports per window are written and the rest are counted and summarized in one line.
 */
import type { RendererErrorReport } from '../../../shared/validate';
import type { AppLog } from './app-logs';

export interface RendererErrorLog {
  report(report: RendererErrorReport): void;
  /** Writes the summary of suppressed reports now (the window's end does it by itself). */
  flush(): void;
}

export const createRendererErrorLog = (
  log: AppLog | undefined,
  options: { limit?: number; windowMs?: number; now?: () => number } = {},
): RendererErrorLog => {
  const limit = options.limit ?? 20;
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  let windowStart = -Infinity;
  let written = 0;
  let suppressed = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (suppressed > 0)
      log?.warn(`renderer: ${suppressed} more error report(s) suppressed (limit ${limit} per ${windowMs / 1000} s)`);
    suppressed = 0;
  };

  return {
    report(report) {
      const at = now();
      if (at - windowStart >= windowMs) {
        flush();
        windowStart = at;
        written = 0;
      }
      if (written >= limit) {
        suppressed += 1;
        if (!timer) {
          timer = setTimeout(flush, Math.max(0, windowStart + windowMs - at));
          // Never keeps the app (or a test run) alive just to write the summary.
          timer.unref?.();
        }
        return;
      }
      written += 1;
      // One line: app-logs escapes every line break and control character of the whole text.
      const parts = [`renderer ${report.kind}: ${report.message}`];
      if (report.source) parts.push(`source: ${report.source}`);
      if (report.stack) parts.push(`stack: ${report.stack}`);
      log?.error(parts.join(' | '));
    },
    flush,
  };
};
