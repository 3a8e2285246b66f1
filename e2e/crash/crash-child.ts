/**
 * One run of the app core for the crash-at-every-step matrix (crash-matrix.spec.ts): the same
 * services, router and data folder layout the harness and the app use, over a simulated Windows
 * whose state lives in a file, so that it survives this process being killed.
 *
 *   node crash-child.cjs <request.json>   (bundled by the matrix test)
 *
 * request: { state, dataDir, scenario, crash?: { when: 'before' | 'after', change: n }, calls: ({ channel, args } | { resolveListed })[] }
 * The machine is loaded from `state` (or made from `scenario` the first time) and written back after
 * every command that changed it, atomically. With `crash`, the process SIGKILLs itself just before
 * the n-th changing command runs, or just after it took effect (before the app sees its result) -
 * no cleanup, no finally blocks, like a power cut or Task Manager's End task. Prints the results of
 * the calls as one JSON line.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { createTestCore, OWN_SENDER } from '../../test/helpers/test-core';
import type { CommandRunner } from '../../electron/system/run/command-runner';
import { CHANNELS } from '../../shared/ipc';
import type { UnfinishedChange } from '../../shared/model';
import type { Result } from '../../shared/result';
import type { Call, ResolveListed } from './crash-runs';
import {
  createScenarioMachine,
  createSimProbe,
  createSimRunner,
  deserializeMachine,
  serializeMachine,
  type ScenarioName,
} from '../../electron/system/simulated-windows';

interface Request {
  readonly state: string;
  readonly dataDir: string;
  readonly scenario: ScenarioName;
  readonly crash?: { readonly when: 'before' | 'after'; readonly change: number };
  readonly calls: readonly (Call | ResolveListed)[];
}

/** Commands that may change Windows (everything else the services run is a read). */
const CHANGING = /^(net (stop|start)|netsh .*\b(add|delete|set|reset)\b)/;

const request = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as Request;

const persist = (text: string) => {
  const temp = `${request.state}.tmp`;
  const fd = openSync(temp, 'w');
  writeSync(fd, text);
  fsyncSync(fd);
  closeSync(fd);
  renameSync(temp, request.state);
};

const die = () => process.kill(process.pid, 'SIGKILL');

const machine = existsSync(request.state)
  ? deserializeMachine(readFileSync(request.state, 'utf8'))
  : createScenarioMachine(request.scenario, { language: 'en', seed: 1 });
if (!existsSync(request.state)) persist(serializeMachine(machine));
const sim = createSimRunner(machine);
let changes = 0;
sim.onChange((change) => {
  persist(serializeMachine(change.after));
  changes += 1;
  if (request.crash?.when === 'after' && request.crash.change === changes) die();
});

let attempts = 0;
const runner: CommandRunner = {
  run(command, args, options) {
    if (CHANGING.test(`${command} ${args.join(' ')}`)) {
      attempts += 1;
      if (request.crash?.when === 'before' && request.crash.change === attempts) die();
    }
    return sim.run(command, args, options);
  },
};

const core = createTestCore({
  runner,
  probe: createSimProbe(sim.machine),
  dataDir: request.dataDir,
  scenario: request.scenario,
});

const main = async () => {
  const results: unknown[] = [];
  for (const call of request.calls) {
    if ('resolveListed' in call) {
      const listed = results.at(-1) as Result<UnfinishedChange[]> | undefined;
      const entry = listed?.ok && listed.value.length === 1 ? listed.value[0] : undefined;
      const action = call.resolveListed;
      results.push(
        entry?.actions.includes(action)
          ? await core.router.dispatch(CHANNELS.resolveUnfinishedChange, OWN_SENDER, [{ id: entry.id, action }])
          : null,
      );
    } else results.push(await core.router.dispatch(call.channel, OWN_SENDER, call.args));
  }
  process.stdout.write(`${JSON.stringify({ results, changes, attempts })}\n`);
};

// Bundled as CommonJS (its dependencies require() node built-ins), so no top-level await.
void main();
