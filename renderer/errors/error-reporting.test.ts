import { describe, expect, it } from 'vitest';
import type { RendererErrorInput } from '../../shared/validate';
import { errorReport, installErrorReporting } from './error-reporting';

describe('window error reporting', () => {
  it('reports uncaught errors and unhandled rejections, and uninstalls', () => {
    const target = new EventTarget();
    const reports: RendererErrorInput[] = [];
    const uninstall = installErrorReporting(target as unknown as Window, (r) => reports.push(r));
    const error = Object.assign(new Event('error'), {
      error: new TypeError('x is undefined'),
      filename: 'app://portwarden/a.js',
      lineno: 3,
      colno: 7,
    });
    target.dispatchEvent(error);
    target.dispatchEvent(Object.assign(new Event('unhandledrejection'), { reason: { code: 42 } }));
    expect(reports[0]).toMatchObject({
      kind: 'error',
      message: 'TypeError: x is undefined',
      source: 'app://portwarden/a.js:3:7',
    });
    expect(reports[1]).toEqual({ kind: 'unhandledrejection', message: '{"code":42}' });
    uninstall();
    target.dispatchEvent(error);
    expect(reports).toHaveLength(2);
  });

  it('describes values that are not errors', () => {
    expect(errorReport('react', 'plain')).toEqual({ kind: 'react', message: 'plain' });
    expect(errorReport('react', undefined).message).toBe('undefined');
  });
});
