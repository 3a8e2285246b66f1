/**
 * Window errors go to main.log through the validated errors:report channel (never a console the
 * user cannot see): uncaught exceptions, unhandled promise rejections and the React error boundary.
 */
import type { RendererErrorInput } from '../../shared/validate';

export type ReportError = (report: RendererErrorInput) => void;

const describe = (value: unknown): { message: string; stack?: string } => {
  if (value instanceof Error)
    return { message: `${value.name}: ${value.message}`, ...(value.stack ? { stack: value.stack } : {}) };
  try {
    return { message: typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value)) };
  } catch {
    return { message: String(value) };
  }
};

/** The pieces of an error or rejection the log needs, in the channel's shape. */
export const errorReport = (kind: RendererErrorInput['kind'], value: unknown, source?: string): RendererErrorInput => ({
  kind,
  ...describe(value),
  ...(source ? { source } : {}),
});

/** Installs the window listeners; returns the uninstaller. */
export const installErrorReporting = (target: Window, report: ReportError): (() => void) => {
  const onError = (event: ErrorEvent) => {
    const source = event.filename ? `${event.filename}:${event.lineno}:${event.colno}` : undefined;
    report(errorReport('error', event.error ?? event.message, source));
  };
  const onRejection = (event: PromiseRejectionEvent) => report(errorReport('unhandledrejection', event.reason));
  target.addEventListener('error', onError);
  target.addEventListener('unhandledrejection', onRejection);
  return () => {
    target.removeEventListener('error', onError);
    target.removeEventListener('unhandledrejection', onRejection);
  };
};
