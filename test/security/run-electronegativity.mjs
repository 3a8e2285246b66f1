// Runs Electronegativity's API (dist/runner.js) in a child process, fully offline: `got` (used only for the
// i18n refresh and the Electron release list) is replaced by a stub that rejects, so nothing leaves the machine.
// argv: <input dir> <output .sarif> <electron version> <comma-separated excluded checks>
import { createRequire } from 'node:module';
import path from 'node:path';

// A CommonJS require: the tool is CommonJS, and its `got` must be swapped in require.cache before it loads.
const req = createRequire(import.meta.url);
const gotPath = req.resolve('got', { paths: [path.dirname(req.resolve('@doyensec/electronegativity'))] });
const offline = () => Promise.reject(new Error('offline: network disabled for Electronegativity'));
offline.head = offline;
req.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline };
const origLog = console.log;
console.log = () => {}; // the i18n fallback prints "Could not retrieve updated translations"
const run = req('@doyensec/electronegativity');
const [input, output, electronVersionOverride, exclude] = process.argv.slice(2);
run({
  input,
  output,
  isSarif: true,
  isRelative: true,
  isVerbose: true,
  customScan: [],
  excludeFromScan: exclude ? exclude.split(',') : [],
  electronVersionOverride,
  parserPlugins: [],
})
  .then((r) => {
    origLog(JSON.stringify({ globalChecks: r.globalChecks, atomicChecks: r.atomicChecks, errors: r.errors }));
  })
  .catch((e) => {
    console.error(e && e.stack ? e.stack : String(e));
    process.exit(1);
  });
