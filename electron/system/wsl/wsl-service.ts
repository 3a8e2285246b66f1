/**
 * WSL targets (issue #14): a portproxy rule that points at "WSL distro X" instead of a fixed address.
 * In NAT mode the WSL2 VM gets a new address at every start, so the rule is re-pointed whenever the
 * address moved: at app start, at logon (the logon task starts the app), on the watch schedule and on
 * "Re-sync now". Every move is an ordinary rule edit (single-rule.ts editRule): journaled, judged by
 * re-reading portproxy, and Portwarden's firewall rule for the port kept as it was.
 *
 * Never does anything to a distro: a stopped distro is not started (wsl.exe would start it to read
 * its address), so its rules wait, unchanged, until it runs again.
 */
import type {
  ProxyRule,
  RuleChangeReport,
  StepReport,
  WslDistro,
  WslNetworking,
  WslStatus,
  WslSyncReport,
  WslTarget,
  WslTargetState,
} from '../../../shared/model';
import { listenKey } from '../../../shared/proxy-rules';
import { err, ok, type Result } from '../../../shared/result';
import { deriveProxyType } from '../../../shared/proxy-rules';
import type { AddWslRule } from '../../../shared/validate';
import type { Operation } from '../activity-log';
import { describeRun, step } from '../change-report';
import type { Journal } from '../journal/store';
import { isListed, readRuleState, toRulesView, type RuleState } from '../portproxy/read';
import { unreadable } from '../portproxy/report';
import { addRule, editRule } from '../portproxy/single-rule';
import { listDistros, readDistroAddress } from './commands';
import { parseEth0Address, parseWslConfig, parseWslList } from './parse';
import type { StoredWslTarget, WslTargetStore } from './target-store';
import type { WslConfigSource } from './types';

export interface WslService {
  status(op: Operation): Promise<Result<WslStatus>>;
  addRule(op: Operation, input: AddWslRule): Promise<Result<RuleChangeReport>>;
  sync(op: Operation): Promise<Result<WslSyncReport>>;
  /** Whether any rule follows a distro (the scheduled sync runs no command when none does). */
  hasTargets(): Promise<boolean>;
}

export interface WslServiceDeps {
  readonly store: WslTargetStore;
  readonly config: WslConfigSource;
  readonly journal: Journal;
  readonly now?: () => Date;
}

export const MIRRORED_MESSAGE =
  'WSL uses mirrored networking: a server in WSL is reachable on the host’s own addresses, so no portproxy rule is needed. Allow the port in the Hyper-V firewall (Set-NetFirewallHyperVVMSetting) instead.';

type DistroList = { readonly ok: true; readonly distros: WslDistro[] } | { readonly ok: false; readonly note: string };

/** The first non-blank line of what wsl.exe said: its messages are one sentence plus an error code. */
const firstLine = (text: string): string =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l !== '') ?? '';

const readDistros = async (op: Operation): Promise<DistroList> => {
  const result = await op.run(listDistros());
  if (result.timedOut || result.exitCode !== 0) {
    const said = firstLine(result.stdout) || firstLine(result.stderr) || describeRun(result);
    return { ok: false, note: said };
  }
  const distros = parseWslList(result.stdout);
  return distros === null
    ? { ok: false, note: 'wsl.exe printed a list Portwarden cannot read.' }
    : { ok: true, distros };
};

const readAddress = async (op: Operation, distro: string): Promise<{ address: string | null; detail: string }> => {
  const result = await op.run(readDistroAddress(distro));
  const address = result.exitCode === 0 && !result.timedOut ? parseEth0Address(result.stdout) : null;
  return {
    address,
    detail:
      address !== null
        ? ''
        : `the address of ${distro} could not be read (ip -4 -o addr show eth0: ${firstLine(result.stderr) || firstLine(result.stdout) || describeRun(result)})`,
  };
};

const readNetworking = async (op: Operation, config: WslConfigSource): Promise<WslNetworking> => {
  const read = await config.read(op);
  if (read.error) return { mode: 'unknown', profile: read.profile, error: read.error };
  if (read.text === null) return { mode: 'nat', source: 'default', profile: read.profile };
  const parsed = parseWslConfig(read.text);
  if (!parsed.ok) return { mode: 'unknown', profile: read.profile, error: `.wslconfig: ${parsed.error}` };
  return { mode: parsed.mode, source: parsed.explicit ? 'wslconfig' : 'default', profile: read.profile };
};

const findDistro = (distros: readonly WslDistro[], name: string) =>
  distros.find((d) => d.name.toLowerCase() === name.toLowerCase());

const toTarget = (stored: StoredWslTarget, state: WslTargetState, detail?: string): WslTarget => ({
  ...stored,
  state,
  ...(detail ? { detail } : {}),
});

/** A target's state from the list alone (no address read): what the table shows between syncs. */
const stateOf = (
  stored: StoredWslTarget,
  list: DistroList,
  networking: WslNetworking,
): { state: WslTargetState; detail?: string } => {
  if (networking.mode === 'mirrored') return { state: 'mirrored' };
  if (!list.ok) return { state: 'unreadable', detail: list.note };
  const distro = findDistro(list.distros, stored.distro);
  if (!distro) return { state: 'unreadable', detail: `${stored.distro} is not installed` };
  return distro.state === 'running' ? { state: 'following' } : { state: 'waiting' };
};

export const createWslService = (deps: WslServiceDeps): WslService => {
  const now = deps.now ?? (() => new Date());
  const { store, config, journal } = deps;

  const status = async (
    op: Operation,
    overrides: ReadonlyMap<string, { state: WslTargetState; detail?: string }> = new Map(),
    known?: { list: DistroList; networking: WslNetworking },
  ): Promise<WslStatus> => {
    const [list, networking, targets] = known
      ? [known.list, known.networking, await store.read()]
      : await Promise.all([readDistros(op), readNetworking(op, config), store.read()]);
    // The add dialog shows where a new rule would point; only running WSL 2 distros in NAT mode have
    // an address of their own, and reading a stopped one would start it.
    const distros = list.ok
      ? await Promise.all(
          list.distros.map(async (d) =>
            networking.mode === 'nat' && d.state === 'running' && d.version === 2
              ? { ...d, address: (await readAddress(op, d.name)).address }
              : d,
          ),
        )
      : [];
    return {
      available: list.ok,
      ...(list.ok ? {} : { note: list.note }),
      distros,
      networking,
      targets: targets.map((t) => {
        const s = overrides.get(t.listenKey) ?? stateOf(t, list, networking);
        return toTarget(t, s.state, s.detail);
      }),
      readAt: now().toISOString(),
    };
  };

  const upsert = async (target: StoredWslTarget) => {
    const targets = (await store.read()).filter((t) => t.listenKey !== target.listenKey);
    await store.write([...targets, target]);
  };

  return {
    hasTargets: async () => (await store.read()).length > 0,

    status: async (op) => ok(await status(op)),

    async addRule(op, input) {
      const [list, networking] = await Promise.all([readDistros(op), readNetworking(op, config)]);
      if (!list.ok) return err('command-failed', `WSL could not list its distributions: ${list.note}`);
      const distro = findDistro(list.distros, input.distro);
      if (!distro) {
        const installed = list.distros.map((d) => d.name).join(', ') || 'none';
        return err(
          'invalid-input',
          `distro "${input.distro}" is not an installed WSL distribution (installed: ${installed}).`,
          {
            field: 'distro',
          },
        );
      }
      if (networking.mode === 'mirrored') return err('refused', MIRRORED_MESSAGE, { field: 'distro' });
      if (networking.mode === 'unknown') {
        return err('refused', `The WSL networking mode cannot be told, so nothing was changed: ${networking.error}`, {
          field: 'distro',
        });
      }
      if (distro.version !== 2) {
        return err(
          'refused',
          `${distro.name} is a WSL 1 distribution: it shares the host’s addresses, so forward to 127.0.0.1 instead.`,
          {
            field: 'distro',
          },
        );
      }
      if (distro.state !== 'running') {
        return err(
          'refused',
          `${distro.name} is not running, so its address cannot be read (Portwarden does not start distributions). Start it, then add the rule.`,
          { field: 'distro' },
        );
      }
      const { address, detail } = await readAddress(op, distro.name);
      if (address === null) return err('command-failed', `Nothing was changed: ${detail}.`, { field: 'distro' });
      const rule: ProxyRule = {
        type: deriveProxyType(input.listenAddress, address),
        listenAddress: input.listenAddress,
        listenPort: input.listenPort,
        connectAddress: address,
        connectPort: input.connectPort,
      };
      const result = await addRule(op, now, journal, {
        rule,
        firewall: input.firewall,
        replaceExisting: input.replaceExisting,
      });
      if (!result.ok || result.value.outcome !== 'applied') return result;
      try {
        await upsert({
          listenKey: listenKey(rule),
          type: rule.type as StoredWslTarget['type'],
          listenAddress: rule.listenAddress,
          listenPort: rule.listenPort,
          connectPort: rule.connectPort,
          distro: distro.name,
          lastAddress: address,
          movedAt: null,
          addedAt: now().toISOString(),
        });
      } catch (error) {
        return ok({
          ...result.value,
          message: `The rule was added, but Portwarden could not record that it follows ${distro.name} (${String(error)}); it will not move with the distribution.`,
        });
      }
      return result;
    },

    async sync(op) {
      const stored = await store.read();
      const [list, networking] = await Promise.all([readDistros(op), readNetworking(op, config)]);
      const steps: StepReport[] = [];
      const moved: WslSyncReport['moved'][number][] = [];
      const overrides = new Map<string, { state: WslTargetState; detail?: string }>();
      const finish = async (outcome: WslSyncReport['outcome'], state: RuleState | null, message?: string) =>
        ok<WslSyncReport>({
          outcome,
          steps,
          moved,
          rules: state && isListed(state) ? toRulesView(state) : null,
          status: await status(op, overrides, { list, networking }),
          ...(message ? { message } : {}),
        });

      if (stored.length === 0) return finish('applied', null);
      if (networking.mode === 'mirrored') return finish('applied', null, MIRRORED_MESSAGE);
      if (!list.ok) return finish('not-applied', null, `WSL could not list its distributions: ${list.note}`);
      let state = await readRuleState(op, now);
      if (!isListed(state)) return unreadable(state);

      let outcome: WslSyncReport['outcome'] = 'applied';
      const keep: StoredWslTarget[] = [];
      for (const target of stored) {
        const rule = state.rules?.find((r) => listenKey(r) === target.listenKey);
        if (!rule || rule.connectAddress !== target.lastAddress || rule.connectPort !== target.connectPort) {
          // Deleted or re-pointed by hand (in the app or with netsh): the user's rule wins, never overwritten.
          steps.push(
            step(
              'wsl-forget',
              true,
              `${target.listenAddress}:${target.listenPort} no longer follows ${target.distro}: ${rule ? 'its target was changed by hand' : 'the rule was deleted'}`,
            ),
          );
          continue;
        }
        keep.push(target);
        const distro = findDistro(list.distros, target.distro);
        if (!distro || distro.state !== 'running') continue;
        const { address, detail } = await readAddress(op, distro.name);
        if (address === null) {
          overrides.set(target.listenKey, { state: 'unreadable', detail });
          steps.push(step('wsl-address', false, detail));
          continue;
        }
        if (address === target.lastAddress) continue;
        if (state.firewall === null) {
          // Editing without knowing whether our firewall rule exists could drop it: wait for a readable firewall.
          overrides.set(target.listenKey, { state: 'unreadable', detail: 'the firewall rules could not be read' });
          outcome = 'not-applied';
          continue;
        }
        const edited = await editRule(op, now, journal, {
          original: rule,
          updated: { ...rule, connectAddress: address },
          firewall: state.firewall.has(rule.listenPort),
        });
        if (!edited.ok) {
          steps.push(
            step(
              'wsl-move',
              false,
              `${target.listenAddress}:${target.listenPort} → ${distro.name}: ${edited.error.message}`,
            ),
          );
          outcome = 'not-applied';
          continue;
        }
        steps.push(...edited.value.steps);
        if (edited.value.outcome === 'applied') {
          keep[keep.length - 1] = { ...target, lastAddress: address, movedAt: now().toISOString() };
          moved.push({ listenKey: target.listenKey, distro: distro.name, from: target.lastAddress, to: address });
        } else if (outcome === 'applied') {
          outcome = edited.value.outcome;
        }
        state = await readRuleState(op, now);
      }
      const changed = keep.length !== stored.length || moved.length > 0;
      if (changed) {
        try {
          await store.write(keep);
        } catch (error) {
          return finish(
            outcome === 'applied' ? 'unknown' : outcome,
            state,
            `The rules moved, but wsl-targets.json could not be written: ${String(error)}`,
          );
        }
      }
      return finish(outcome, state);
    },
  };
};
