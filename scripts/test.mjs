#!/usr/bin/env node
// `npm test`: lint, typecheck, unit tests, browser e2e; ends with one line "N passed, M failed"
// summing every suite (lint and typecheck count as one check each).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = path.join(root, 'out/test-results');
mkdirSync(resultsDir, { recursive: true });
// Run each tool's JS entry with this Node: no shell and no .cmd shims, so it works the same on Windows.
const ENTRY = { eslint: 'eslint/bin/eslint.js', tsc: 'typescript/bin/tsc', vitest: 'vitest/vitest.mjs' };
const bin = (name) => path.join(root, 'node_modules', ENTRY[name]);

const run = (label, script, args) => {
  console.log(`\n=== ${label}: ${[path.basename(script), ...args].join(' ')}`);
  const result = spawnSync(process.execPath, [script, ...args], { cwd: root, stdio: 'inherit', env: process.env });
  return result.status === 0;
};

const vitestCounts = (label, config, file) => {
  const outputFile = path.join(resultsDir, file);
  const args = ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${outputFile}`];
  if (config) args.push('--config', config);
  const ok = run(label, bin('vitest'), args);
  if (!existsSync(outputFile)) return { passed: 0, failed: 1, ok: false };
  const report = JSON.parse(readFileSync(outputFile, 'utf8'));
  // A suite that crashed before running tests still counts as a failure.
  const failed = report.numFailedTests + (report.numFailedTestSuites > 0 && report.numFailedTests === 0 ? 1 : 0);
  return { passed: report.numPassedTests, failed, ok };
};

const totals = { passed: 0, failed: 0 };
const check = (ok) => (ok ? (totals.passed += 1) : (totals.failed += 1));
const add = ({ passed, failed, ok }) => {
  totals.passed += passed;
  totals.failed += failed > 0 || ok ? failed : 1;
};

check(run('lint', bin('eslint'), ['.', '--max-warnings=0']));
check(run('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']));
add(vitestCounts('unit', null, 'unit.json'));
if (process.env.PORTWARDEN_SKIP_E2E !== '1') add(vitestCounts('e2e', 'vitest.e2e.config.ts', 'e2e.json'));

console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 ? 0 : 1);
