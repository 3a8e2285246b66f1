/**
 * Read-only smoke test on a real Windows machine (CI: windows-latest). Changes nothing. It is the
 * first real-Windows evidence the project gets, so it prints what it saw, not just pass/fail:
 * - where the Windows folder came from, and any fallback (GetSystemWindowsDirectoryW, the kernel
 *   link, or the C:\Windows guess), next to the environment's SystemRoot;
 * - whether the native read layer (koffi) opened, and if not why;
 * - the excluded ranges, dynamic ranges and WinNAT through the real runner and parsers;
 * - the native readers against their commands on the same machine: listening endpoints against
 *   `netstat -ano`, processes against `tasklist /svc`, portproxy rules against
 *   `netsh interface portproxy show all`, service states against `sc query`, elevation against
 *   `net session`; every difference is printed.
 * It fails when a table cannot be read or parsed, the native layer does not open, the Windows folder
 * fell back to a guess, or the two sources disagree about listeners, rules, services or elevation.
 */
import { createActivityLog } from '../electron/system/activity-log';
import { readElevation } from '../electron/system/elevation/read-elevation';
import { openNativeWindows } from '../electron/system/native';
import { readOwnerSources } from '../electron/system/owners/reads';
import type { ParsedNetstatEntry } from '../electron/system/parse';
import { readPortProxy } from '../electron/system/portproxy/read';
import { createWindowsRunner } from '../electron/system/run/windows-runner';
import { findWindowsFolder } from '../electron/system/run/windows-dirs';
import { readServiceStatus, readSnapshot } from '../electron/system/state-reader';

const problems: string[] = [];
const section = (title: string) => console.log(`\n== ${title}`);

/** `proto local:port pid`: what must match between the two sources for a listener. */
const listenerKey = (e: ParsedNetstatEntry) =>
  `${e.protocol} ${e.localAddress}:${e.localPort}${e.protocol === 'tcp' ? ` ${e.state ?? ''}` : ''} pid ${e.pid}`;
const listeners = (entries: readonly ParsedNetstatEntry[]) =>
  new Set(entries.filter((e) => e.protocol === 'udp' || e.state === 'LISTENING').map(listenerKey));

const difference = (label: string, a: ReadonlySet<string>, b: ReadonlySet<string>, nameA: string, nameB: string) => {
  const onlyA = [...a].filter((k) => !b.has(k));
  const onlyB = [...b].filter((k) => !a.has(k));
  console.log(`${label}: ${a.size} from ${nameA}, ${b.size} from ${nameB}, ${onlyA.length + onlyB.length} differ`);
  for (const k of onlyA) console.log(`  only ${nameA}: ${k}`);
  for (const k of onlyB) console.log(`  only ${nameB}: ${k}`);
  return onlyA.length + onlyB.length;
};

const main = async () => {
  if (process.platform !== 'win32') {
    console.log('windows-smoke: not Windows, nothing to do.');
    return;
  }
  section('Native layer and Windows folder');
  let nativeProblem: string | null = null;
  const native = openNativeWindows({ onUnavailable: (reason) => (nativeProblem = reason) });
  console.log(native ? 'native layer: open' : `native layer: UNAVAILABLE (${nativeProblem ?? '?'})`);
  if (!native) problems.push(`the native layer did not open: ${nativeProblem ?? '?'}`);
  const folder = findWindowsFolder({ native });
  console.log(
    `Windows folder: ${folder.path} from ${folder.source} (environment: ${process.env.SystemRoot ?? 'unset'})`,
  );
  if (folder.fallbackReason) {
    console.log(`  fallback: ${folder.fallbackReason}`);
    if (folder.source === 'default') problems.push(`the Windows folder is a guess: ${folder.fallbackReason}`);
  }
  if (folder.path.toLowerCase() !== (process.env.SystemRoot ?? '').toLowerCase())
    problems.push(`the Windows folder ${folder.path} differs from the environment's ${process.env.SystemRoot ?? ''}`);

  const runner = createWindowsRunner({ env: { SystemRoot: folder.path } });
  const commands = createActivityLog(runner);
  const nativeLog = createActivityLog(runner, { native });

  section('Ranges and WinNAT (commands)');
  const snapshot = await readSnapshot(commands.begin('smoke'));
  for (const table of snapshot.excluded) {
    const what = table.error ? `ERROR ${table.error}` : `${table.ranges.length} excluded ranges`;
    console.log(`${table.protocol}/${table.ipVersion}: ${what}`);
    if (table.error) problems.push(`excluded ranges ${table.protocol}/${table.ipVersion}: ${table.error}`);
  }
  for (const range of snapshot.dynamic)
    console.log(`dynamic ${range.protocol}/${range.ipVersion}: ${range.start} + ${range.count}`);
  if (snapshot.dynamic.length !== 4) problems.push(`${snapshot.dynamic.length} of 4 dynamic ranges read`);
  console.log(`WinNAT: ${snapshot.winnat}`);

  if (native) {
    section('Native readers against their commands');
    // Listeners are stable; connections come and go between two reads, so only listeners must agree.
    // One retry absorbs a listener opened or closed between the two reads.
    let differ = 0;
    for (let attempt = 1; attempt <= 2; attempt++) {
      const [viaCommands, viaNative] = await Promise.all([
        readOwnerSources(commands.begin('smoke-owners'), { rules: false }),
        readOwnerSources(nativeLog.begin('smoke-owners'), { rules: false }),
      ]);
      if (!('value' in viaCommands.netstat) || !('value' in viaNative.netstat)) {
        problems.push('netstat or the native endpoint tables could not be read');
        break;
      }
      differ = difference(
        `listening endpoints (attempt ${attempt})`,
        listeners(viaNative.netstat.value.toArray()),
        listeners(viaCommands.netstat.value.toArray()),
        'native',
        'netstat -ano',
      );
      if ('value' in viaCommands.processes && 'value' in viaNative.processes) {
        const key = (p: { pid: number; image: string; services: readonly string[] }) =>
          `${p.pid} ${p.image.toLowerCase()} [${[...p.services].sort().join(',')}]`;
        const withPath = viaNative.processes.value.filter((p) => 'path' in p && p.path).length;
        console.log(`processes: ${viaNative.processes.value.length} native (${withPath} with a path)`);
        // Processes start and end between the reads: report, do not fail, on the ones both saw.
        const commandPids = new Set(viaCommands.processes.value.map((p) => p.pid));
        const nativePids = new Set(viaNative.processes.value.map((p) => p.pid));
        difference(
          'processes seen by both (pid, image, services)',
          new Set(viaNative.processes.value.filter((p) => commandPids.has(p.pid)).map(key)),
          new Set(viaCommands.processes.value.filter((p) => nativePids.has(p.pid)).map(key)),
          'native',
          'tasklist /svc',
        );
      } else problems.push('tasklist or the native process snapshot could not be read');
      if (differ === 0) break;
    }
    if (differ > 0) problems.push(`${differ} listening endpoints differ between the native tables and netstat`);

    const [rulesCommand, rulesNative] = await Promise.all([
      readPortProxy(commands.begin('smoke-rules')),
      readPortProxy(nativeLog.begin('smoke-rules')),
    ]);
    const ruleKeys = (rules: readonly { type: string; listenAddress: string; listenPort: number }[] | null) =>
      new Set((rules ?? []).map((r) => JSON.stringify(r)));
    if (
      difference('portproxy rules', ruleKeys(rulesNative.rules), ruleKeys(rulesCommand.rules), 'registry', 'netsh') > 0
    )
      problems.push('the portproxy registry and netsh disagree');

    for (const name of ['winnat', 'iphlpsvc'] as const) {
      const [viaSc, viaApi] = await Promise.all([
        readServiceStatus(commands.begin('smoke-sc'), name),
        readServiceStatus(nativeLog.begin('smoke-sc'), name),
      ]);
      console.log(`${name}: ${viaApi} (QueryServiceStatusEx), ${viaSc} (sc query)`);
      if (viaSc !== viaApi) problems.push(`${name}: the service API says ${viaApi}, sc query says ${viaSc}`);
    }
    const [tokenSays, netSessionSays] = await Promise.all([
      readElevation(nativeLog.begin('smoke-elevation')),
      readElevation(commands.begin('smoke-elevation')),
    ]);
    console.log(`elevated: ${tokenSays} (token), ${netSessionSays} (net session)`);
    if (tokenSays !== netSessionSays)
      console.log('  (net session also says no while the Server service is stopped; the token is authoritative)');
    const fallbacks = nativeLog.list().filter((r) => r.command === 'portwarden');
    for (const note of fallbacks) console.log(`native fallback: ${note.stdout}`);
    if (fallbacks.length > 0) problems.push(`${fallbacks.length} native reads fell back to their command`);
  }

  section('Result');
  for (const problem of problems) console.log(`PROBLEM: ${problem}`);
  if (problems.length > 0) {
    for (const record of commands.list())
      console.log(
        `--- ${record.command} ${record.args.join(' ')} (exit ${record.exitCode})\n${record.stdout}${record.stderr}`,
      );
    process.exit(1);
  }
  console.log('windows-smoke: every read agrees.');
};

void main();
