#!/usr/bin/env node
// `npm test`: every check, in order, then ONE line "N passed, M failed, K skipped" that cannot lie.
//
//   prettier --check .   one check
//   eslint               one check
//   tsc                  one check
//   vitest (unit)        one per test    out/test-results/unit.json
//   Playwright (e2e)     one per test    out/test-results/e2e-npm-test.json
//   Win32 tier           one per test    out/test-results/win32.json (scripts/win32/run-tier.mjs)
//
// Rules (the counting itself is scripts/test-summary.mjs, unit tested in test/test-summary.test.ts):
// - out/test-results/ is emptied before anything runs, so a suite that crashes is never counted from
//   an earlier run's report; a missing or unreadable report counts as one failed test, said in a line;
// - a suite that exits non-zero with no failure in its report counts one failed test;
// - every skipped test is listed with its reason; a skip not on test/skip-allow-list.json fails;
// - Playwright writes npm test's report and artifacts apart from a direct `playwright test` (which
//   uses out/test-results/e2e.json and out/e2e-artifacts), and the report must carry this run's id
//   (playwright.config.ts metadata): numbers from any other run are not this run's;
// - PORTWARDEN_SKIP_E2E=1 and PORTWARDEN_SKIP_WIN32=1 are explicit opt-outs: printed, one skipped each.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { judgeSkips, parseAllowList, playwrightOutcome, vitestOutcome, win32Outcome } from './test-summary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = path.join(root, 'out/test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

// Run each tool's JS entry with this Node: no shell and no .cmd shims, so it works the same on Windows.
const ENTRY = {
  prettier: 'prettier/bin/prettier.cjs',
  eslint: 'eslint/bin/eslint.js',
  tsc: 'typescript/bin/tsc',
  vitest: 'vitest/vitest.mjs',
  playwright: '@playwright/test/cli.js',
};
const bin = (name) => path.join(root, 'node_modules', ENTRY[name]);
const WIN32_TIER = path.join(root, 'scripts/win32/run-tier.mjs');
const RUN_ID = randomUUID();

const totals = { passed: 0, failed: 0, skipped: 0 };
/** Every failure and every skip, printed together above the final line. */
const failures = [];
const skips = [];
const timings = [];

const run = (label, script, args, env = {}) => {
  console.log(`\n=== ${label}: ${[path.relative(root, script), ...args].join(' ')}`);
  const started = Date.now();
  const result = spawnSync(process.execPath, [script, ...args], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env, PORTWARDEN_TEST_RUN: RUN_ID },
  });
  timings.push(`${label} ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (result.error) console.log(`${label}: could not start: ${result.error.message}`);
  return result.status ?? 1;
};

const check = (label, script, args) => {
  if (run(label, script, args) === 0) totals.passed += 1;
  else fail(`${label}: failed`);
};

const fail = (message) => {
  totals.failed += 1;
  failures.push(message);
};

/** Reads a report this run wrote; null (after saying why, counted as one failed test) if it cannot. */
const readReport = (label, file) => {
  const shown = path.relative(root, file);
  if (!existsSync(file)) {
    fail(`${label}: no report (${shown} missing): the suite crashed or never ran`);
    return null;
  }
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    fail(`${label}: unreadable report ${shown} (${error.message})`);
    return null;
  }
};

/** Folds one suite's outcome in; a non-zero exit with no failure in the report still fails. */
const fold = (label, status, outcome) => {
  totals.passed += outcome.passed;
  for (const message of outcome.failed) fail(message);
  skips.push(...outcome.skips);
  if (status !== 0 && outcome.failed.length === 0)
    fail(`${label}: exited with ${status} but its report shows no failure`);
};

const vitestSuite = (label, args) => {
  const report = path.join(resultsDir, `${label}.json`);
  const status = run(label, bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...args,
  ]);
  const data = readReport(label, report);
  if (data) fold(label, status, vitestOutcome(data, { suite: label, root }));
};

const e2eSuite = () => {
  if (process.env.PORTWARDEN_SKIP_E2E === '1') {
    console.log('\ne2e: SKIPPED by PORTWARDEN_SKIP_E2E=1');
    totals.skipped += 1;
    return;
  }
  // playwright.config.ts's JSON reporter writes the report named here, next to the list output.
  const report = path.join(resultsDir, 'e2e-npm-test.json');
  const status = run('e2e', bin('playwright'), ['test', '--project', 'harness', '--project', 'electron'], {
    PORTWARDEN_E2E_REPORT: report,
    PORTWARDEN_E2E_ARTIFACTS: path.join(root, 'out/e2e-artifacts-npm-test'),
  });
  const data = readReport('e2e', report);
  if (data && data.config?.metadata?.portwardenTestRun !== RUN_ID)
    fail(`e2e: ${path.relative(root, report)} was written by another run`);
  else if (data) fold('e2e', status, playwrightOutcome(data, { suite: 'e2e' }));
};

// The Win32 tier runs its tests under Windows Node.js (Wine on Linux, natively on Windows); it fails
// by itself when Wine is missing, and its report is counted like any other suite's.
const win32Tier = () => {
  const status = run('win32', WIN32_TIER, []);
  const data = readReport('win32', path.join(resultsDir, 'win32.json'));
  if (!data) return;
  const outcome = win32Outcome(data, { suite: 'win32' });
  if ('tierSkipped' in outcome) {
    console.log(`\nwin32: SKIPPED by ${outcome.tierSkipped}`);
    totals.skipped += 1;
    if (status !== 0) fail(`win32: exited with ${status} while reporting the tier skipped`);
    return;
  }
  fold('win32', status, outcome);
};

check('prettier', bin('prettier'), ['--check', '.']);
check('eslint', bin('eslint'), ['.', '--max-warnings=0']);
check('tsc', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
vitestSuite('unit', []);
e2eSuite();
win32Tier();

// Skipped tests: each listed with its reason; one nobody put on the allow-list fails the run.
let allowList = [];
try {
  allowList = parseAllowList(readFileSync(path.join(root, 'test/skip-allow-list.json'), 'utf8'));
} catch (error) {
  fail(`test/skip-allow-list.json: ${error.message}`);
}
const { allowed, unlisted } = judgeSkips(skips, allowList);
totals.skipped += allowed.length;
for (const skip of unlisted)
  fail(`skip not on test/skip-allow-list.json: ${skip.name}${skip.reason ? ` (${skip.reason})` : ''}`);

console.log(`\n=== summary (${timings.join(', ')})`);
if (allowed.length > 0) {
  console.log(`skipped (${allowed.length}, all on test/skip-allow-list.json):`);
  for (const skip of allowed) console.log(`  - ${skip.name}\n      ${skip.reason ?? skip.allowedBecause}`);
}
if (failures.length > 0) {
  console.log(`failed (${failures.length}):`);
  for (const message of failures) console.log(`  - ${message}`);
}
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed === 0 ? 0 : 1);
