/**
 * The counting rules behind npm test's last line (scripts/test-summary.mjs): a report can only turn
 * into passes test by test, anything odd in it is a failure, and a skip passes only when listed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  judgeSkips,
  parseAllowList,
  playwrightOutcome,
  vitestOutcome,
  win32Outcome,
} from '../scripts/test-summary.mjs';

const root = path.resolve('/repo');

describe('vitest reports', () => {
  const report = (assertionResults: object[], extra: object = {}) => ({
    testResults: [{ name: '/repo/electron/a.test.ts', status: 'passed', assertionResults, ...extra }],
  });

  it('counts each test by its status and lists skips', () => {
    const outcome = vitestOutcome(
      report([
        { fullName: 'a > one', status: 'passed' },
        { fullName: 'a > two', status: 'failed' },
        { fullName: 'a > three', status: 'skipped' },
        { fullName: 'a > four', status: 'todo' },
      ]),
      { suite: 'unit', root },
    );
    expect(outcome.passed).toBe(1);
    expect(outcome.failed).toEqual(['unit: electron/a.test.ts > a > two: failed']);
    expect(outcome.skips).toEqual([
      { name: 'unit: electron/a.test.ts > a > three', reason: null },
      { name: 'unit: electron/a.test.ts > a > four', reason: 'todo' },
    ]);
  });

  it('fails a file that failed without a failed test, and a report with no test', () => {
    const crashed = vitestOutcome(report([], { status: 'failed', message: 'Cannot find module x\n  at ...' }), {
      suite: 'unit',
      root,
    });
    expect(crashed.failed).toEqual([
      'unit: electron/a.test.ts: the file failed without a failed test (Cannot find module x)',
      'unit: the report lists no test at all',
    ]);
    expect(vitestOutcome({}, { suite: 'unit', root }).failed).toEqual(['unit: the report lists no test at all']);
  });
});

describe('Playwright reports', () => {
  const test = (projectName: string, status: string, annotations: object[] = []) => ({
    projectName,
    status,
    annotations,
  });
  const report = {
    suites: [
      {
        title: 'ranges.spec.ts',
        specs: [{ title: 'top', tests: [test('harness', 'expected')] }],
        suites: [
          {
            title: 'ranges',
            specs: [
              { title: 'ok', tests: [test('harness', 'expected')] },
              { title: 'bad', tests: [test('harness', 'unexpected')] },
              { title: 'wobbly', tests: [test('harness', 'flaky')] },
              { title: 'later', tests: [test('harness', 'skipped', [{ type: 'skip', description: 'no binary' }])] },
            ],
          },
        ],
      },
    ],
    errors: [],
  };

  it('names tests by project, file and titles; a flaky test is a failure', () => {
    const outcome = playwrightOutcome(report, { suite: 'e2e' });
    expect(outcome.passed).toBe(2);
    expect(outcome.failed).toEqual([
      'e2e: [harness] ranges.spec.ts > ranges > bad: failed',
      'e2e: [harness] ranges.spec.ts > ranges > wobbly: flaky (failed, then passed on a retry)',
    ]);
    expect(outcome.skips).toEqual([{ name: 'e2e: [harness] ranges.spec.ts > ranges > later', reason: 'no binary' }]);
  });

  it('fails errors outside the tests (config, global setup) and an empty report', () => {
    const broken = playwrightOutcome(
      { suites: [], errors: [{ message: 'Error: globalSetup threw\nstack' }] },
      { suite: 'e2e' },
    );
    expect(broken.failed).toEqual(['e2e: error outside the tests: Error: globalSetup threw']);
    expect(playwrightOutcome({ suites: [] }, { suite: 'e2e' }).failed).toEqual([
      'e2e: the report lists no test at all',
    ]);
  });
});

describe('Win32 tier reports', () => {
  it('counts its tests, and a failure it could not pin on a test', () => {
    const outcome = win32Outcome(
      {
        failed: 2,
        error: 'node.exe exited with 3',
        tests: [
          { file: 'test/win32/a.win32-test.ts', name: 'one', status: 'passed' },
          { file: 'test/win32/a.win32-test.ts', name: 'two', status: 'failed' },
          { file: 'test/win32/a.win32-test.ts', name: 'three', status: 'skipped' },
        ],
      },
      { suite: 'win32' },
    );
    expect(outcome).toEqual({
      passed: 1,
      failed: ['win32: test/win32/a.win32-test.ts > two: failed', 'win32: node.exe exited with 3'],
      skips: [{ name: 'win32: test/win32/a.win32-test.ts > three', reason: null }],
    });
  });

  it('reports an opted-out tier as skipped, in either shape', () => {
    expect(win32Outcome({ skipped: true, reason: 'PORTWARDEN_SKIP_WIN32=1' }, { suite: 'win32' })).toEqual({
      tierSkipped: 'PORTWARDEN_SKIP_WIN32=1',
    });
    expect(
      win32Outcome({ status: 'skipped', skipped: 1, reason: 'PORTWARDEN_SKIP_WIN32=1' }, { suite: 'win32' }),
    ).toEqual({ tierSkipped: 'PORTWARDEN_SKIP_WIN32=1' });
  });
});

describe('the skip allow-list', () => {
  const allowList = parseAllowList(readFileSync(path.join(__dirname, 'skip-allow-list.json'), 'utf8'));
  const electronSkip = {
    name: 'e2e: [electron] electron.spec.ts > real Electron > starts, shows the excluded ranges',
    reason: 'no Electron binary (offline install)',
  };
  const posixSkip = {
    name: 'unit: electron/system/portproxy/backup-store.test.ts > createFileBackupStore > creates the folder 0700 and the files 0600 (on Windows the installer sets the ACL)',
    reason: null,
  };

  it('allows the listed skips with their reason, where they are expected', () => {
    const { allowed, unlisted } = judgeSkips([electronSkip, posixSkip], allowList, 'win32');
    expect(unlisted).toEqual([]);
    expect(allowed.map((s) => s.allowedBecause)).toEqual([
      expect.stringMatching(/No Electron binary/),
      expect.stringMatching(/POSIX file modes/),
    ]);
  });

  it('refuses a skip nobody listed, a listed one for another reason, and one on the wrong platform', () => {
    const stray = { name: 'unit: electron/a.test.ts > a > skipped by hand', reason: null };
    const notBuilt = { ...electronSkip, reason: 'app not built: run `npm run build` first' };
    const { unlisted } = judgeSkips([stray, notBuilt, posixSkip], allowList, 'linux');
    expect(unlisted).toEqual([stray, notBuilt, posixSkip]);
  });

  it('rejects a malformed list', () => {
    expect(() => parseAllowList('{"skips":[{"pattern":"x"}]}')).toThrow(/reason/);
    expect(() => parseAllowList('[]')).toThrow(/skips/);
  });
});
