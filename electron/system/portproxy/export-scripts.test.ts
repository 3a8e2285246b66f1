import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proxyRuleSchema } from '../../../shared/validate';
import { listenKey } from '../../../shared/proxy-rules';
import {
  effectOf,
  parseCmdScript,
  parsePowerShellArray,
  parsePowerShellScript,
  tokenizeCmdLine,
} from '../../../test/helpers/parse-export-scripts';
import { FORWARDING_RULES, NEW_8090, SSH_2222, WEB_8080 } from '../../../test/helpers/sample-rules';
import { fingerprints, firewallNames, machineRules, ruleFixture } from '../../../test/helpers/portproxy-fixture';
import { backupRulesOf } from './backups';
import { addFirewallRule, firewallRuleName } from './commands';
import {
  cmdScript,
  firewallPortsOf,
  powerShellScript,
  quoteCmdArg,
  quotePowerShellString,
  type ExportedRule,
} from './export-scripts';
import { readRuleState } from './read';

const port = fc.integer({ min: 1, max: 65_535 });
const hostName = fc.oneof(fc.constantFrom('wsl.local', 'devbox', 'build-01.corp.example'), fc.domain());
const v4 = fc.oneof(fc.ipV4(), hostName);
const v6 = fc.ipV6();

/** Valid rules of all four types (IPv6 literals, host names, `*`), as proxyRuleSchema accepts them. */
const validRule: fc.Arbitrary<ExportedRule> = fc
  .constantFrom('v4tov4' as const, 'v4tov6' as const, 'v6tov4' as const, 'v6tov6' as const)
  .chain((type) =>
    fc.record({
      type: fc.constant(type),
      listenAddress: type.startsWith('v4') ? fc.oneof(v4, fc.constant('*')) : v6,
      listenPort: port,
      connectAddress: type.endsWith('v4') ? v4 : v6,
      connectPort: port,
    }),
  )
  .filter((rule) => proxyRuleSchema.safeParse(rule).success)
  .map((rule) => ({ ...rule, firewall: false }));

/**
 * Rule sets as Windows lists them: one rule per listen key, and a firewall flag that is a fact about the
 * listen port (one Portwarden rule per port), so rules sharing a port share the flag.
 */
const listedRules = fc
  .tuple(fc.uniqueArray(validRule, { maxLength: 12, selector: (rule) => listenKey(rule) }), fc.func(fc.boolean()))
  .map(([rules, opened]) => rules.map((rule) => ({ ...rule, firewall: opened(rule.listenPort) })));

const withoutFlag = ({ firewall: _firewall, ...rule }: ExportedRule) => rule;
const expectedFirewall = (rules: readonly ExportedRule[]) => firewallPortsOf(rules).map(firewallRuleName).sort();

describe('export scripts parse back to the exported rules', () => {
  it('recreates every valid rule set and its firewall rules exactly, in .cmd and .ps1', () => {
    fc.assert(
      fc.property(listedRules, (rules) => {
        for (const effect of [parseCmdScript(cmdScript(rules)), parsePowerShellScript(powerShellScript(rules))]) {
          expect(effect.rules).toEqual(rules.map(withoutFlag));
          expect(effect.firewall).toEqual(expectedFirewall(rules));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('runs both scripts twice over and still leaves one firewall rule per port', () => {
    const rules = [
      { ...SSH_2222, firewall: true },
      { ...WEB_8080, firewall: true },
    ];
    for (const parse of [
      () => parseCmdScript(cmdScript(rules)),
      () => parsePowerShellScript(powerShellScript(rules)),
    ]) {
      const once = parse();
      // Running the same script again: the deletes by exact name come before each add.
      const twice = effectOf([...once.commands, ...once.commands]);
      expect(twice.firewall).toEqual([firewallRuleName(2222), firewallRuleName(8080)]);
      expect(twice.rules).toEqual(rules.map(withoutFlag));
    }
  });
});

describe('script quoting', () => {
  /** Printable text with every character either language treats specially (no `"`: it is refused). */
  const token = fc.string({
    unit: fc.oneof(
      fc.constantFrom('&', '|', '<', '>', '^', '%', '%%', '!', ' ', '\\', "'", '\u2018', '\u2019', '(', ')', '=', ';'),
      fc.constantFrom('a', 'Z', '0', '.', ':', '-', '한', '*'),
    ),
    maxLength: 24,
  });

  it('cmd: any token survives cmd.exe and the argv parser unchanged', () => {
    fc.assert(
      fc.property(fc.array(token, { minLength: 1, maxLength: 5 }), (argv) => {
        const line = argv.map(quoteCmdArg).join(' ');
        expect(tokenizeCmdLine(`${line} || goto :failed`)).toEqual({ argv, rest: '|| goto :failed' });
      }),
      { numRuns: 500 },
    );
  });

  it('PowerShell: any token survives a single-quoted string unchanged', () => {
    fc.assert(
      fc.property(fc.array(token, { maxLength: 5 }), (argv) => {
        expect(parsePowerShellArray(`@(${argv.map(quotePowerShellString).join(', ')})`)).toEqual(argv);
      }),
      { numRuns: 500 },
    );
  });

  it('escapes what each language would otherwise act on', () => {
    expect(quoteCmdArg('a&b|c<d>e^f%g')).toBe('a^&b^|c^<d^>e^^f%%g');
    expect(quoteCmdArg('name=Rule & 100%')).toBe('name="Rule & 100%%"');
    expect(quoteCmdArg('name=C:\\dir with space\\')).toBe('name="C:\\dir with space\\\\"');
    expect(quotePowerShellString("it's")).toBe("'it''s'");
    // PowerShell also ends a single-quoted string at the typographic quotes.
    expect(quotePowerShellString('it\u2019s')).toBe("'it\u2019\u2019s'");
  });

  it('refuses a token it cannot write safely instead of writing it wrongly', () => {
    for (const bad of ['a"b', 'line\r\nbreak', 'nul\u0000']) {
      expect(() => quoteCmdArg(bad)).toThrow(/Cannot write/);
      expect(() => quotePowerShellString(bad)).toThrow(/Cannot write/);
    }
  });
});

describe('script text', () => {
  const rules: ExportedRule[] = [
    { ...WEB_8080, firewall: true },
    { ...NEW_8090, firewall: false },
  ];

  it('.cmd: header with the count, admin check, errorlevel handling, the app firewall rule name', () => {
    const script = cmdScript(rules);
    const lines = script.split('\r\n');
    expect(lines[0]).toBe('@echo off');
    expect(lines[1]).toBe('rem Recreates 2 portproxy rules and 1 Portwarden inbound firewall rule.');
    expect(script).toMatch(/^rem .*must run as administrator/m);
    expect(lines).toContain('set "ERRORLEVEL="');
    const admin = lines.indexOf('net session >nul 2>&1');
    expect(lines[admin + 1]).toBe('if %errorlevel% neq 0 (echo This script must be run as administrator. & exit /b 1)');
    const stopsAfter = (line: string) => {
      expect(lines).toContain(line);
      expect(lines[lines.indexOf(line) + 1]).toBe('if %errorlevel% neq 0 goto :failed');
    };
    stopsAfter(
      'netsh interface portproxy add v4tov4 listenaddress=0.0.0.0 listenport=8080 connectaddress=172.28.241.140 connectport=80',
    );
    // `*` is sent as "no listenaddress", exactly as the app does.
    stopsAfter('netsh interface portproxy add v4tov4 listenport=8090 connectaddress=172.28.241.140 connectport=8090');
    stopsAfter(
      'netsh advfirewall firewall add rule name="Portwarden portproxy TCP 8080" dir=in action=allow protocol=TCP localport=8080',
    );
    expect(lines).toContain(':failed');
    expect(lines.at(-2)).toBe('exit /b 1');
  });

  it('.ps1: #Requires, Stop, netsh through & with argument arrays', () => {
    const script = powerShellScript(rules);
    const lines = script.split('\r\n');
    expect(lines[0]).toBe('#Requires -RunAsAdministrator');
    expect(lines[1]).toBe('# Recreates 2 portproxy rules and 1 Portwarden inbound firewall rule.');
    expect(lines).toContain("$ErrorActionPreference = 'Stop'");
    expect(lines).toContain('  & netsh.exe @Arguments');
    expect(lines).toContain(
      "Invoke-Netsh -Arguments @('advfirewall', 'firewall', 'add', 'rule', 'name=Portwarden portproxy TCP 8080', 'dir=in', 'action=allow', 'protocol=TCP', 'localport=8080')",
    );
  });

  it('says so when the firewall could not be read at export', () => {
    expect(cmdScript(rules, { firewallRead: false })).toMatch(/^rem .*could not be read.*adds no firewall rule/m);
    expect(powerShellScript(rules, { firewallRead: false })).toMatch(/^# .*could not be read/m);
  });
});

describe('the .cmd script on the simulated Windows', () => {
  it("runs every netsh line through the simulator's grammar and leaves exactly the exported rules", async () => {
    const source = ruleFixture('forwarding');
    // Portwarden's firewall rules on two ports; the user's own `WSL SSH 2222` is not ours and is not exported.
    for (const listenPort of [8080, 8081]) await source.sim.run('netsh', addFirewallRule(listenPort).args);
    const exported = await readRuleState(source.op, () => new Date());
    if (exported.rules === null) throw new Error('the forwarding machine could not be read');
    const rules = backupRulesOf(exported.rules, exported.firewall);
    expect(rules.filter((rule) => rule.firewall).map((rule) => rule.listenPort)).toEqual([8080, 8081]);

    const target = ruleFixture('clean');
    const effect = parseCmdScript(cmdScript(rules));
    // Twice: the second run finds every rule already there, as a user re-running the script would.
    for (const run of [1, 2]) {
      for (const [command, ...args] of effect.commands) {
        const result = await target.sim.run(command as 'netsh', args);
        const shown = `run ${run}: ${command} ${args.join(' ')}\n${result.stdout}`;
        // Never a usage error: the simulator's grammar accepted every token.
        expect(result.stdout, shown).not.toMatch(/Usage:/);
        // The script ignores only the delete's exit code (on the first run no rule of that name exists).
        if (args[2] !== 'delete') expect(result.exitCode, shown).toBe(0);
        else expect(result.exitCode, shown).toBe(run === 1 ? 1 : 0);
      }
    }
    expect(fingerprints(machineRules(target.sim))).toEqual(fingerprints(exported.rules));
    expect(fingerprints(exported.rules)).toEqual(fingerprints(FORWARDING_RULES));
    expect(firewallNames(target.sim)).toEqual([firewallRuleName(8080), firewallRuleName(8081)]);
    // And the app's own read of that machine agrees.
    const read = await readRuleState(target.op, () => new Date());
    expect([...(read.firewall ?? [])].sort((a, b) => a - b)).toEqual([8080, 8081]);
  });
});

describe('exportRules answers the scripts next to the JSON', () => {
  it('the .cmd and .ps1 recreate exactly what the JSON lists, under matching file names', async () => {
    const { service, op, sim } = ruleFixture('forwarding', { now: () => new Date('2026-03-04T05:06:07.089Z') });
    await sim.run('netsh', addFirewallRule(9000).args);
    const result = await service.exportRules(op);
    if (!result.ok) throw new Error(result.error.message);
    const { json, cmd, ps1 } = result.value;
    expect(cmd.fileName).toBe('portwarden-rules-2026-03-04.cmd');
    expect(ps1.fileName).toBe('portwarden-rules-2026-03-04.ps1');
    const document = JSON.parse(json) as { rules: ExportedRule[] };
    expect(document.rules).toContainEqual({ ...FORWARDING_RULES[4], firewall: true });
    for (const effect of [parseCmdScript(cmd.text), parsePowerShellScript(ps1.text)]) {
      expect(effect.rules).toEqual(document.rules.map(withoutFlag));
      expect(effect.firewall).toEqual([firewallRuleName(9000)]);
    }
  });
});
