import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../shared/ipc';
import { createTestCore, OWN_SENDER as OWN } from '../../../test/helpers/test-core';
import { createSimulatedWindows } from '../run/choose-windows';
import { createAppLogs, type AppLog } from './app-logs';
import { createRendererErrorLog } from './renderer-errors';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'portwarden-renderer-errors-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  vi.useRealTimers();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const FORGED =
  'boom\r\n{"v":1,"kind":"outcome","time":"2026-01-01T00:00:00.000Z","run":"x","op":"op-1","operation":"restart-winnat","verified":"applied"}';
const mainLogLines = (dataDir: string) =>
  readFileSync(path.join(dataDir, 'logs', 'main.log'), 'utf8')
    .split(/\r?\n/)
    .filter(Boolean);

const recording = () => {
  const lines: string[] = [];
  const log: AppLog = {
    info: (t) => lines.push(`info ${t}`),
    warn: (t) => lines.push(`warn ${t}`),
    error: (t) => lines.push(`error ${t}`),
  };
  return { log, lines };
};

describe('renderer error log', () => {
  it('writes a hostile report to main.log as exactly one escaped line', () => {
    const dataDir = tempDir();
    const { app } = createAppLogs(dataDir);
    const errors = createRendererErrorLog(app);
    errors.report({
      kind: 'error',
      message: `${FORGED}\u2028\u001b[2J\u0000`,
      stack: 'Error: x\n    at a (app.js:1:2)\r\n    at b',
      source: 'app://portwarden/x.js:1:2',
    });
    const lines = mainLogLines(dataDir);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z \[error\] renderer error: boom\\r\\n\{"v":1,"kind":"outcome"/);
    expect(lines[0]).toContain('\\u2028\\u001b[2J\\u0000');
    expect(lines[0]).toContain('stack: Error: x\\n    at a (app.js:1:2)\\r\\n    at b');
    // eslint-disable-next-line no-control-regex -- the point: no control character in the line
    expect(lines[0]).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u2028\u2029]/);
  });

  it('keeps %-placeholders literal (electron-log formats with util.format)', () => {
    const dataDir = tempDir();
    const { app } = createAppLogs(dataDir);
    app.warn('100%% %s %d %c %o done');
    expect(mainLogLines(dataDir)[0]).toMatch(/\[warn\] 100%% %s %d %c %o done$/);
  });

  it('writes at most 20 a minute and summarizes the rest in one line', () => {
    vi.useFakeTimers();
    let now = 1_000_000;
    const { log, lines } = recording();
    const errors = createRendererErrorLog(log, { now: () => now });
    for (let i = 0; i < 500; i++) errors.report({ kind: 'unhandledrejection', message: `n${i}` });
    expect(lines).toHaveLength(20);
    now += 60_000;
    vi.advanceTimersByTime(60_000);
    expect(lines).toHaveLength(21);
    expect(lines[20]).toBe('warn renderer: 480 more error report(s) suppressed (limit 20 per 60 s)');
    // A new window writes again.
    errors.report({ kind: 'react', message: 'again' });
    expect(lines.at(-1)).toBe('error renderer react: again');
  });

  it('summarizes on the next report when the timer has not run', () => {
    let now = 0;
    const { log, lines } = recording();
    const errors = createRendererErrorLog(log, { now: () => now, limit: 2, windowMs: 1000 });
    for (let i = 0; i < 5; i++) errors.report({ kind: 'error', message: 'x' });
    now = 1500;
    errors.report({ kind: 'error', message: 'later' });
    errors.flush();
    expect(lines).toEqual([
      'error renderer error: x',
      'error renderer error: x',
      'warn renderer: 3 more error report(s) suppressed (limit 2 per 1 s)',
      'error renderer error: later',
    ]);
  });
});

describe('errors:report channel', () => {
  const core = (dataDir: string, scenario = 'hyperv-reserved') => {
    const windows = createSimulatedWindows({ scenario, locale: 'en' });
    return createTestCore({ runner: windows.runner, probe: windows.probe, dataDir, scenario });
  };

  it.each([
    ['no argument', []],
    ['a string', ['boom']],
    ['two arguments', [{ kind: 'error', message: 'x' }, {}]],
    ['an unknown kind', [{ kind: 'warning', message: 'x' }]],
    ['a missing message', [{ kind: 'error' }]],
    ['a message over 2000 characters', [{ kind: 'error', message: 'x'.repeat(2001) }]],
    ['a stack over 8000 characters', [{ kind: 'error', message: 'x', stack: 's'.repeat(8001) }]],
    ['a source over 500 characters', [{ kind: 'error', message: 'x', source: 's'.repeat(501) }]],
    ['an extra field', [{ kind: 'error', message: 'x', level: 'info' }]],
    ['a 1 MB message', [{ kind: 'error', message: '\n'.repeat(1024 * 1024) }]],
  ])('refuses %s as invalid-input and writes nothing', async (_name, args) => {
    const dataDir = tempDir();
    const result = await core(dataDir).router.dispatch(CHANNELS.reportRendererError, OWN, args);
    expect(result.ok ? 'ok' : result.error.code).toBe('invalid-input');
    expect(() => mainLogLines(dataDir)).toThrow();
  });

  it('refuses a foreign sender', async () => {
    const dataDir = tempDir();
    const result = await core(dataDir).router.dispatch(
      CHANNELS.reportRendererError,
      { ...OWN, frameUrl: 'https://evil.example/' },
      [{ kind: 'error', message: 'x' }],
    );
    expect(result.ok ? 'ok' : result.error.code).toBe('forbidden-sender');
  });

  it('is not a change: accepted without elevation, writes one line, audits nothing', async () => {
    const dataDir = tempDir();
    const result = await core(dataDir, 'not-elevated').router.dispatch(CHANNELS.reportRendererError, OWN, [
      { kind: 'react', message: FORGED },
    ]);
    expect(result).toEqual({ ok: true, value: null });
    expect(mainLogLines(dataDir)).toHaveLength(1);
    expect(() => readFileSync(path.join(dataDir, 'logs', 'audit.log'))).toThrow();
  });
});
