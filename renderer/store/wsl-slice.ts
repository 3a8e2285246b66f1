/**
 * WSL and Docker as the window sees them (issue #14): the distros and the networking mode, rules that
 * follow a distro (added through the Add rule dialog, moved by a re-sync here or in the background),
 * and Docker Desktop's containers, which name the owner of a published port.
 *
 * Adding a WSL rule shares the Add rule dialog's operation ('add-rule'): the dialog, its progress and
 * its report are the same; only the target differs.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { Api } from '../../shared/ipc';
import type { WslSyncReport } from '../../shared/model';
import { listenKey } from '../../shared/proxy-rules';
import { deriveProxyType } from '../../shared/proxy-rules';
import { addWslRuleSchema } from '../../shared/validate';
import { currentChecks } from '../lib/rules';
import { callApi } from './call-api';
import { createChangeRunner, IDLE, refuseInvalid, refuseUnelevated, setOperation } from './change-runner';
import type { AppState, WslSlice } from './types';

export const createWslSlice =
  (api: Api): StateCreator<AppState, [], [], WslSlice> =>
  (set, get) => {
    let pendingStatus: Promise<void> | null = null;
    let pendingContainers: Promise<void> | null = null;
    const run = createChangeRunner(set, get);

    /** A sync's rules are a re-read of Windows; without them (nothing to move, or unreadable), read again. */
    const showSync = (report: WslSyncReport): Partial<AppState> => ({
      wslStatus: report.status,
      wslError: null,
      ...(report.rules
        ? { rulesView: report.rules, rulesError: null, checks: currentChecks(get().checks, report.rules.rules) }
        : {}),
    });

    return {
      wslStatus: null,
      wslError: null,
      wslLoading: false,
      wslSync: null,
      wslReplaceKey: null,
      docker: null,
      dockerError: null,

      loadWslStatus() {
        pendingStatus ??= (async () => {
          set({ wslLoading: true });
          const result = await callApi(() => api.getWslStatus());
          set(
            result.ok
              ? { wslStatus: result.value, wslError: null, wslLoading: false }
              : { wslError: result.error, wslLoading: false },
          );
        })().finally(() => {
          pendingStatus = null;
        });
        return pendingStatus;
      },

      loadContainers() {
        pendingContainers ??= (async () => {
          const result = await callApi(() => api.listContainers());
          // Docker being absent is a note inside the view (available: false), not an error.
          set(result.ok ? { docker: result.value, dockerError: null } : { dockerError: result.error });
        })().finally(() => {
          pendingContainers = null;
        });
        return pendingContainers;
      },

      async addWslRule(input) {
        const parsed = addWslRuleSchema.safeParse(input);
        if (!parsed.success) return refuseInvalid(set, 'add-rule', parsed.error);
        if (refuseUnelevated(set, get, 'add-rule')) return;
        const rule = parsed.data;
        // The key the rule will have, from the address the status read (main resolves it again).
        const address = get().wslStatus?.distros.find((d) => d.name === rule.distro)?.address ?? '0.0.0.0';
        const key = listenKey({
          type: deriveProxyType(rule.listenAddress, address),
          listenAddress: rule.listenAddress,
          listenPort: rule.listenPort,
        });
        const result = await run('add-rule', () => api.addWslRule(input), {
          applied: (report) => ({
            rulesView: report.rules,
            rulesError: null,
            checks: currentChecks(get().checks, report.rules.rules),
            wslReplaceKey: null,
          }),
          reread: () => get().loadRules(),
        });
        if (result?.ok) {
          // The new target is in wsl-targets.json now: the table names its distro from the status.
          await get().loadWslStatus();
          const saved = get().rulesView?.rules.find((candidate) => listenKey(candidate) === key);
          if (saved) await get().checkRules([saved]);
        } else if (result?.error.code === 'conflict') {
          // A rule already listens there: ask (the dialog's confirm becomes "Replace it"), never replace silently.
          set({ wslReplaceKey: key });
          setOperation(set, 'add-rule', IDLE);
        } else if (result && !result.ok && result.error.code === 'invalid-input' && result.error.detail === undefined) {
          // Refused by main on what only main knows (the distro is not installed): its sentence names the
          // distro and the installed ones, so the dialog shows it under the translated summary.
          setOperation(set, 'add-rule', { status: 'failed', error: { ...result.error, detail: result.error.message } });
        }
      },

      async resyncWslRules() {
        const result = await run('wsl-resync', () => api.syncWslRules(), {
          // The operation keeps the report: the result bar shows it; a background one is replaced by it.
          applied: (report) => ({ ...showSync(report), wslSync: null }),
          reread: async () => {
            await Promise.all([get().loadRules(), get().loadWslStatus()]);
          },
        });
        if (result?.ok && result.value.rules === null) await get().loadRules();
      },

      receiveWslSync(report) {
        // A background sync that moved nothing and failed at nothing is not news: no bar for it.
        const worthShowing = report.moved.length > 0 || report.outcome !== 'applied';
        set({ ...showSync(report), ...(worthShowing ? { wslSync: report } : {}) });
        if (report.rules === null) void get().loadRules();
      },

      dismissWslSync() {
        set({ wslSync: null, operations: { ...get().operations, 'wsl-resync': IDLE } });
      },

      dismissWslReplace() {
        set({ wslReplaceKey: null });
      },
    };
  };
