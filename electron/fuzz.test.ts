/**
 * IPC fuzzing, part 1 of 3 (the parts are in test/helpers/ipc-fuzz.ts): the argv allow-list against the
 * builders, and every change route unelevated, which must answer not-elevated or invalid-input and run no
 * change. Parts 2 and 3: fuzz-elevated.test.ts, fuzz-simulated.test.ts.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../shared/ipc';
import { argumentSchemas } from '../shared/validate';
import * as baseCommands from './system/commands';
import { taskkillPid } from './system/owners';
import * as proxyCommands from './system/portproxy/commands';
import {
  argvViolations,
  argumentLists,
  checkDispatch,
  countsFor,
  countsTable,
  fuzzCore,
  isMutatingArgv,
  METHODS,
  MUTATION_METHODS,
  OWN_SENDER,
  RULE,
  takesArguments,
  UNELEVATED_RUNS,
  VALID_ARGS,
  type Counts,
} from '../test/helpers/ipc-fuzz';

const unelevatedCounts = new Map<string, Counts>();

describe('fuzz: the allow-list matches what the builders emit', () => {
  it('every builder output with valid data passes, and smuggled tokens do not', () => {
    const family = { protocol: 'tcp', ipVersion: 'ipv6' } as const;
    const rule = { ...RULE, type: 'v4tov6', connectAddress: 'fe80::1' } as const;
    const lines = [
      baseCommands.showExcludedRanges(family),
      baseCommands.addExcludedRange(family, 8065, 10),
      baseCommands.deleteExcludedRange(family, 8065, 10),
      baseCommands.showDynamicRange(family),
      baseCommands.setDynamicRange(family, 49152, 16384),
      baseCommands.stopService('winnat'),
      baseCommands.startService('iphlpsvc'),
      baseCommands.queryService('winnat'),
      baseCommands.elevationProbe(),
      baseCommands.oemCodePageQuery(),
      baseCommands.createAutostartTask('C:\\ProgramData\\Portwarden\\autostart-task.xml'),
      baseCommands.deleteAutostartTask(),
      baseCommands.queryAutostartTask(),
      proxyCommands.showPortProxy(),
      proxyCommands.addPortProxy(rule),
      proxyCommands.setPortProxy({ ...rule, listenAddress: '*' }),
      proxyCommands.deletePortProxy(rule),
      proxyCommands.resetPortProxy(),
      proxyCommands.showInboundFirewallRules(),
      proxyCommands.addFirewallRule(65535),
      proxyCommands.deleteFirewallRule(1),
      proxyCommands.netstatWithPids(),
      proxyCommands.tasklistWithServices(),
      taskkillPid(4294967295),
    ];
    for (const line of lines) expect(argvViolations(line.command, line.args), line.args.join(' ')).toEqual([]);
    const smuggled: [string, string[]][] = [
      ['netsh', ['interface', 'portproxy', 'add', 'v4tov4', 'listenport=80 connectport=22']],
      ['netsh', ['interface', 'portproxy', 'add', 'v4tov4', 'connectaddress=a"b']],
      ['netsh', ['interface', 'portproxy', 'add', 'v4tov4', 'connectaddress=a=b']],
      ['netsh', ['interface', 'portproxy', 'add', 'v4tov4', 'connectaddress=host/path']],
      ['netsh', ['listenport=80']],
      ['netsh', ['advfirewall', 'firewall', 'delete', 'rule', 'name=WSL SSH 2222']],
      ['taskkill', ['/F', '/PID', '4 /T']],
      ['taskkill', ['/F', '/IM', 'csrss.exe']],
      ['cmd', ['/c', 'calc']],
      ['schtasks', ['/Create', '/TN', 'Portwarden', '/XML', '\\\\server\\share\\autostart-task.xml', '/F']],
      ['schtasks', ['/Create', '/TN', 'Portwarden', '/XML', 'C:\\a"b\\autostart-task.xml', '/F']],
      ['schtasks', ['/Create', '/TN', 'Portwarden', '/XML', 'C:\\x\\other.xml', '/F']],
    ];
    for (const [command, args] of smuggled) expect(argvViolations(command, args), args.join(' ')).not.toEqual([]);
  });

  it('every valid example is accepted by its schema, and every route with arguments has one', () => {
    for (const method of METHODS) {
      if (takesArguments(method)) expect(VALID_ARGS[method], `${method} needs a VALID_ARGS example`).toBeDefined();
      expect(argumentSchemas[method].safeParse(VALID_ARGS[method] ?? []).success, method).toBe(true);
    }
  });
});

describe(`fuzz: ${UNELEVATED_RUNS} argument lists per change route, unelevated`, () => {
  for (const method of METHODS.filter((m) => MUTATION_METHODS.has(m))) {
    const channel = CHANNELS[method];
    it(`${channel} answers not-elevated or invalid-input and changes nothing`, async () => {
      const core = fuzzCore(false);
      const counts = countsFor(unelevatedCounts, channel);
      await fc.assert(
        fc.asyncProperty(argumentLists(method), async (args) => {
          const result = await checkDispatch(core, channel, args, counts);
          expect(result.ok).toBe(false);
          if (!result.ok) expect(['not-elevated', 'invalid-input']).toContain(result.error.code);
          expect(core.calls.filter((c) => isMutatingArgv(c.command, c.args))).toEqual([]);
        }),
        { numRuns: UNELEVATED_RUNS },
      );
    }, 60_000);
  }

  it('the change list agrees with the route table (a new change route must be listed)', async () => {
    // Derived from behaviour, not names: an unelevated core refuses exactly the mutation routes.
    const core = fuzzCore(false);
    for (const method of METHODS) {
      const result = await core.app.router.dispatch(CHANNELS[method], OWN_SENDER, [...(VALID_ARGS[method] ?? [])]);
      const refused = !result.ok && result.error.code === 'not-elevated';
      expect(refused, method).toBe(MUTATION_METHODS.has(method));
    }
  });
});

afterAll(() => {
  console.log([countsTable('IPC fuzz, unelevated', unelevatedCounts)].join('\n\n'));
});
