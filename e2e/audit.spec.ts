/**
 * Logging and audit end to end: the activity drawer shows each change's verified result and the
 * changes of earlier runs from the same audit log; renderer errors reach main.log as one line each.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CommandRecord } from '../shared/model';
import { formatCommandLine, formatOutcomeLine } from '../electron/system/audit/audit-log';
import { SCREENSHOT_DIR, expect, screenshot, test } from './support';

const seededDirs: string[] = [];
test.afterEach(() => {
  for (const dir of seededDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const readLines = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split(/\r?\n/).filter(Boolean) : []);

/** A data folder whose audit log holds two earlier runs: one verified restart, one protect killed midway. */
const seededDataDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'portwarden-e2e-audit-'));
  seededDirs.push(dir);
  mkdirSync(path.join(dir, 'logs'));
  const command = (operation: string, args: string[], startedAt: string): CommandRecord => ({
    id: 1,
    operationId: 'op-2',
    operation,
    command: args[0]!,
    args: args.slice(1),
    exitCode: 0,
    // What net.exe prints (net-stop-start-winnat.en.1.txt).
    stdout: `The Windows NAT Driver service was ${args[1] === 'start' ? 'started' : 'stopped'} successfully.`,
    stderr: '',
    timedOut: false,
    durationMs: 840,
    startedAt,
  });
  const lines = [
    formatCommandLine(command('restart-winnat', ['net', 'stop', 'winnat'], '2026-03-02T08:15:00.000Z'), 'run-a'),
    formatCommandLine(command('restart-winnat', ['net', 'start', 'winnat'], '2026-03-02T08:15:01.000Z'), 'run-a'),
    formatOutcomeLine('run-a', 'op-2', 'restart-winnat', 'applied', '2026-03-02T08:15:02.000Z'),
    'a line that is not an audit line',
    formatCommandLine(command('protect-ports', ['net', 'stop', 'winnat'], '2026-03-03T09:00:00.000Z'), 'run-b'),
  ];
  writeFileSync(path.join(dir, 'logs', 'audit.log'), `${lines.join('\n')}\n`);
  return dir;
};

test.describe('audit log in the activity drawer', () => {
  test('shows the verified result of a change and the changes of earlier runs', async ({ pages }) => {
    const app = await pages.open({ scenario: 'hyperv-reserved', dataDir: seededDataDir() });
    const { page, harness } = app;
    await page.getByTestId('protect-port-open').click();
    const dialog = page.getByTestId('protect-port-dialog');
    await dialog.getByTestId('protect-start-port').fill('8065');
    await dialog.getByRole('button', { name: 'Stop WinNAT and protect' }).click();
    await expect.poll(() => dialog.getByTestId('change-report').getAttribute('data-outcome')).toBe('applied');
    await dialog.getByRole('button', { name: 'Close' }).click();

    await page.getByTestId('activity-open').click();
    const drawer = page.getByTestId('activity-drawer');
    const current = drawer.locator(
      '[data-testid="activity-operation"][data-operation="protect-ports"]:not([data-earlier])',
    );
    await expect.poll(() => current.getByTestId('activity-verified').getAttribute('data-verified')).toBe('applied');
    expect(await current.getByTestId('activity-verified').innerText()).toBe('Applied');
    // Plain reads carry no badge.
    const refresh = drawer.locator('[data-testid="activity-operation"][data-operation="refresh"]').first();
    expect(await refresh.getByTestId('activity-verified').count()).toBe(0);

    const earlier = drawer.getByTestId('activity-earlier');
    await expect.poll(() => earlier.innerText()).toMatch(/Earlier runs/);
    const earlierBadges = earlier.getByTestId('activity-verified');
    await expect
      .poll(() => earlierBadges.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-verified'))))
      .toEqual(['interrupted', 'applied']);
    expect(await earlier.innerText()).toMatch(/Interrupted[\s\S]*Applied/);

    // The drawer and the file are the same data: this run's change closed with an outcome line.
    const outcomes = readLines(harness.logPaths.audit)
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { kind?: string; operation?: string; verified?: string })
      .filter((line) => line.kind === 'outcome' && line.operation === 'protect-ports');
    expect(outcomes.map((line) => line.verified)).toEqual(['applied']);
    await screenshot(page, 'activity-audit');
    // The drawer scrolls on its own: a viewport shot of the earlier runs (the full-page one shows the top).
    await earlier.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'activity-audit-earlier.png') });
  });
});

test.describe('renderer errors', () => {
  test('reports a thrown error and an unhandled rejection to main.log, one escaped line each', async ({ pages }) => {
    const app = await pages.open({ scenario: 'hyperv-reserved' });
    const { page, harness } = app;
    await page.evaluate(() => {
      setTimeout(() => {
        throw new Error('e2e boom\r\n{"v":1,"kind":"outcome","verified":"applied"}\u2028\u001b[2J');
      }, 0);
      void Promise.reject(new Error('e2e rejected'));
    });
    await expect.poll(() => readLines(harness.logPaths.app).filter((line) => line.includes('e2e')).length).toBe(2);
    const lines = readLines(harness.logPaths.app);
    const thrown = lines.filter((line) => line.includes('e2e boom'));
    expect(thrown).toHaveLength(1);
    expect(thrown[0]).toMatch(
      /\[error\] renderer error: Error: e2e boom\\r\\n\{"v":1,"kind":"outcome","verified":"applied"\}\\u2028\\u001b\[2J/,
    );
    expect(lines.some((line) => line.startsWith('{'))).toBe(false);
    expect(lines.filter((line) => line.includes('renderer unhandledrejection: Error: e2e rejected'))).toHaveLength(1);
    // The page errors were the point of this test; the shared check after each test expects none.
    // Playwright delivers page errors on its own schedule, possibly after main.log has both lines.
    const pageErrors = app.errors;
    await expect
      .poll(() => ['e2e boom', 'e2e rejected'].every((text) => pageErrors.some((e) => e.includes(text))))
      .toBe(true);
    pageErrors.splice(0);
  });
});
