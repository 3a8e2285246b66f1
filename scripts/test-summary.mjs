// What `npm test` (scripts/test.mjs) counts, as pure functions over the suites' reports, so the rules
// that keep the final line honest are unit tested (test/test-summary.test.ts):
// - every test is counted from its runner's own report, one per test;
// - a report that crashed, lists a failed file with no failed test, or holds no test at all counts as
//   a failure, never as a pass;
// - every skipped test is listed with its reason and must match an entry of test/skip-allow-list.json;
//   a skip nobody listed is a failure that names it.
import path from 'node:path';

/**
 * @typedef {{ name: string, reason: string | null }} Skip
 * @typedef {{ passed: number, failed: string[], skips: Skip[] }} Outcome
 *   `failed` holds one message per failed test (or per problem that counts as one failed test).
 */

const rel = (root, file) => (file ? path.relative(root, file).split(path.sep).join('/') : '?');

/**
 * Vitest's JSON reporter (Jest-compatible): one entry per file, one assertion result per test.
 * @returns {Outcome}
 */
export const vitestOutcome = (report, { suite, root }) => {
  const outcome = { passed: 0, failed: [], skips: [] };
  let tests = 0;
  for (const file of report.testResults ?? []) {
    const fileName = rel(root, file.name);
    let failedHere = 0;
    for (const test of file.assertionResults ?? []) {
      tests += 1;
      const name = `${suite}: ${fileName} > ${test.fullName ?? test.title}`;
      if (test.status === 'passed') outcome.passed += 1;
      else if (test.status === 'failed') {
        failedHere += 1;
        outcome.failed.push(`${name}: failed`);
      } else outcome.skips.push({ name, reason: test.status === 'todo' ? 'todo' : null });
    }
    // A file that failed to load (syntax error, throwing import, failing hook) has no failed test.
    if (file.status === 'failed' && failedHere === 0) {
      const why = String(file.message ?? '').split('\n')[0] || 'no message';
      outcome.failed.push(`${suite}: ${fileName}: the file failed without a failed test (${why})`);
    }
  }
  if (tests === 0) outcome.failed.push(`${suite}: the report lists no test at all`);
  return outcome;
};

const annotationReason = (test) => {
  const note = (test.annotations ?? []).find((a) => a.type === 'skip' || a.type === 'fixme');
  return note?.description || null;
};

/**
 * Playwright Test's JSON reporter: suites (files, then describes) of specs, one test per project.
 * A flaky test (failed, then passed on a retry) counts as failed: retries are off, and a pass that
 * needed a second try is not a pass.
 * @returns {Outcome}
 */
export const playwrightOutcome = (report, { suite }) => {
  const outcome = { passed: 0, failed: [], skips: [] };
  let tests = 0;
  const walk = (node, titles) => {
    for (const spec of node.specs ?? []) {
      for (const test of spec.tests ?? []) {
        tests += 1;
        const name = `${suite}: [${test.projectName}] ${[...titles, spec.title].join(' > ')}`;
        if (test.status === 'expected') outcome.passed += 1;
        else if (test.status === 'skipped') outcome.skips.push({ name, reason: annotationReason(test) });
        else if (test.status === 'flaky') outcome.failed.push(`${name}: flaky (failed, then passed on a retry)`);
        else outcome.failed.push(`${name}: failed`);
      }
    }
    for (const child of node.suites ?? []) walk(child, [...titles, child.title]);
  };
  for (const file of report.suites ?? []) walk(file, [file.title]);
  // Errors outside any test: the config, global setup, a spec file that does not load.
  for (const error of report.errors ?? []) {
    const message = String(error.message ?? error.value ?? 'unknown error').split('\n')[0];
    outcome.failed.push(`${suite}: error outside the tests: ${message}`);
  }
  if (tests === 0 && (report.errors ?? []).length === 0)
    outcome.failed.push(`${suite}: the report lists no test at all`);
  return outcome;
};

/**
 * scripts/win32/run-tier.mjs's out/test-results/win32.json. Its own problems (no Wine, a crash, zero
 * tests) are already one failed test in `failed`; `error` says why.
 * @returns {Outcome | { tierSkipped: string }}
 */
export const win32Outcome = (report, { suite }) => {
  if (report.skipped === true || report.status === 'skipped')
    return { tierSkipped: report.reason ?? 'no reason given' };
  const outcome = { passed: 0, failed: [], skips: [] };
  const tests = report.tests ?? [];
  for (const test of tests) {
    const name = `${suite}: ${test.file ?? '?'} > ${test.name}`;
    if (test.status === 'passed') outcome.passed += 1;
    else if (test.status === 'failed') outcome.failed.push(`${name}: failed`);
    else outcome.skips.push({ name, reason: test.status === 'todo' ? 'todo' : null });
  }
  const listedFailures = outcome.failed.length;
  const reportedFailures = Number(report.failed ?? 0);
  // A failure the tier counted without a test to name: the tier itself could not run.
  for (let i = listedFailures; i < reportedFailures; i += 1)
    outcome.failed.push(`${suite}: ${report.error ?? 'the tier failed without a failed test'}`);
  if (tests.length === 0 && outcome.failed.length === 0)
    outcome.failed.push(`${suite}: the report lists no test at all`);
  return outcome;
};

/**
 * test/skip-allow-list.json: `{ skips: [{ pattern, reason, when?, platforms? }] }`.
 * `pattern` is a regular expression over the name npm test prints (suite prefix included); `when`,
 * if given, must match the runner's own skip reason; `platforms`, if given, lists the
 * process.platform values on which the skip is expected.
 */
export const parseAllowList = (text) => {
  const data = JSON.parse(text);
  if (!Array.isArray(data?.skips)) throw new Error('expected { "skips": [...] }');
  return data.skips.map((entry, index) => {
    if (typeof entry?.pattern !== 'string' || typeof entry?.reason !== 'string' || !entry.reason.trim())
      throw new Error(`entry ${index}: needs a "pattern" and a non-empty "reason"`);
    return {
      pattern: new RegExp(entry.pattern),
      reason: entry.reason,
      when: typeof entry.when === 'string' ? new RegExp(entry.when) : null,
      platforms: Array.isArray(entry.platforms) ? entry.platforms : null,
    };
  });
};

/** Splits skips into allowed ones (with the allow-list's reason) and unlisted ones. */
export const judgeSkips = (skips, allowList, platform = process.platform) => {
  const allowed = [];
  const unlisted = [];
  for (const skip of skips) {
    const entry = allowList.find(
      (e) =>
        e.pattern.test(skip.name) &&
        (e.when === null || (skip.reason !== null && e.when.test(skip.reason))) &&
        (e.platforms === null || e.platforms.includes(platform)),
    );
    if (entry) allowed.push({ ...skip, allowedBecause: entry.reason });
    else unlisted.push(skip);
  }
  return { allowed, unlisted };
};
