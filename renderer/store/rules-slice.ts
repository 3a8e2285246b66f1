import type { StateCreator } from 'zustand/vanilla';
import type { z } from 'zod';
import type { Api } from '../../shared/ipc';
import type { ListenPortPreflight, ProxyRule, RuleChangeReport, RuleDrift, RulesView } from '../../shared/model';
import { listenKey, sameRule } from '../../shared/proxy-rules';
import type { Result } from '../../shared/result';
import {
  addRuleSchema,
  backupIdSchema,
  driftSchema,
  editRuleSchema,
  preflightSchema,
  rulesSchema,
  setRuleNoteSchema,
  toggleRuleSchema,
} from '../../shared/validate';
import { validateImportRows } from '../lib/rule-import';
import { currentChecks, toProxyRule } from '../lib/rules';
import { callApi, notElevatedError } from './call-api';
import { createChangeRunner, IDLE, invalidInput, refuseInvalid, refuseUnelevated, setOperation } from './change-runner';
import type { AppState, RuleChangeKind, RulesSlice } from './types';

/** Both sides of a drift row exactly as shown: the main process refuses when either moved since. */
const driftInput = (drift: RuleDrift) => ({
  windows: drift.windows ? toProxyRule(drift.windows) : null,
  portwarden: drift.portwarden ? toProxyRule(drift.portwarden) : null,
});

/** Anything the add dialog should warn about before netsh runs. */
export const hasFindings = (result: ListenPortPreflight): boolean =>
  result.excluded !== null || result.owner !== null || result.existingRule !== null;

export const createRulesSlice =
  (api: Api): StateCreator<AppState, [], [], RulesSlice> =>
  (set, get) => {
    let pendingLoad: Promise<void> | null = null;
    const run = createChangeRunner(set, get);

    /** After every change the table shows report.rules, the main process's re-read. */
    const runRuleChange = (
      kind: RuleChangeKind,
      call: () => Promise<Result<RuleChangeReport>>,
      extra: Partial<AppState> = {},
    ) =>
      run(kind, call, {
        applied: (report) => ({
          rulesView: report.rules,
          ...bookOf(report.rules),
          rulesError: null,
          checks: currentChecks(get().checks, report.rules.rules),
          ...extra,
        }),
        reread: () => get().loadRules(),
      });

    /** A view with Portwarden's rule book replaces the kept one; one without (a WSL report) keeps it. */
    const bookOf = (view: RulesView) => (view.book ? { ruleBook: view.book } : {});

    /** The rule book's changes all answer a RuleChangeReport with the re-read view (and the book). */
    const bookChange = async (
      kind: 'set-rule-note' | 'disable-rule' | 'enable-rule' | 'adopt-drift' | 'restore-drift',
      input: unknown,
      schema: z.ZodType,
      call: () => Promise<Result<RuleChangeReport>>,
    ) => {
      const parsed = schema.safeParse(input);
      if (!parsed.success) return refuseInvalid(set, kind, parsed.error);
      await runRuleChange(kind, call);
    };

    /** "Does it work?" right after a save, for the saved rule only (as read back, not as typed). */
    const checkSaved = async (rule: ProxyRule) => {
      const saved = get().rulesView?.rules.find((candidate) => listenKey(candidate) === listenKey(rule));
      if (saved) await get().checkRules([saved]);
    };

    const existingFor = (rule: ProxyRule): ProxyRule | null => {
      const existing = get().rulesView?.rules.find((candidate) => listenKey(candidate) === listenKey(rule));
      return existing ? toProxyRule(existing) : null;
    };

    return {
      rulesView: null,
      ruleBook: null,
      enabledRule: null,
      rulesError: null,
      rulesLoading: false,
      checks: {},
      checking: [],
      editingKey: null,
      editConflict: false,
      preflight: IDLE,
      replaceQuestion: null,
      importIssues: [],
      exported: IDLE,
      backups: IDLE,
      backupsOpen: false,
      backupPreview: IDLE,
      backupDeletion: IDLE,

      loadRules() {
        // F5 held down, or the tab shown while a read runs: one read in flight is enough.
        pendingLoad ??= (async () => {
          set({ rulesLoading: true });
          const result = await callApi(() => api.listRules());
          if (result.ok) {
            set({
              rulesView: result.value,
              ...bookOf(result.value),
              rulesError: null,
              rulesLoading: false,
              checks: currentChecks(get().checks, result.value.rules),
            });
            get().dismissNotice('rules');
          } else {
            set({ rulesError: result.error, rulesLoading: false });
            get().showNotice('rules', result.error);
          }
        })().finally(() => {
          pendingLoad = null;
        });
        return pendingLoad;
      },

      async addRule(input) {
        const parsed = addRuleSchema.safeParse(input);
        if (!parsed.success) return refuseInvalid(set, 'add-rule', parsed.error);
        // Before the preflight too: unelevated, nothing at all is sent.
        if (refuseUnelevated(set, get, 'add-rule')) return;
        const { rule } = parsed.data;
        const answered = get().preflight;
        const alreadyWarned = answered.status === 'done' && sameRule(answered.value.rule, rule);
        if (!parsed.data.replaceExisting && !alreadyWarned) {
          await get().preflightRule(input.rule);
          const now = get().preflight;
          // Warn, do not block: the dialog shows the findings and the next confirm goes ahead.
          // A failed preflight is only advice lost; the main process still refuses a silent replace.
          if (now.status === 'done' && hasFindings(now.value.result)) return;
        }
        const result = await runRuleChange('add-rule', () => api.addRule(input), {
          preflight: IDLE,
          replaceQuestion: null,
        });
        if (result?.ok) {
          await checkSaved(rule);
        } else if (result?.error.code === 'conflict') {
          // The listen key exists (maybe added outside the app since the preflight): ask, do not fail.
          set({ replaceQuestion: { rule, existing: existingFor(rule) } });
          setOperation(set, 'add-rule', IDLE);
        }
      },

      async editRule(input) {
        const parsed = editRuleSchema.safeParse(input);
        if (!parsed.success) return refuseInvalid(set, 'edit-rule', parsed.error);
        const result = await runRuleChange('edit-rule', () => api.editRule(input), { editingKey: null });
        if (result?.ok) {
          await checkSaved(parsed.data.updated);
        } else if (result?.error.code === 'conflict') {
          set({ editConflict: true });
          setOperation(set, 'edit-rule', IDLE);
        }
      },

      async setRuleNote(rule, note) {
        const input = {
          rule: { type: rule.type, listenAddress: rule.listenAddress, listenPort: rule.listenPort },
          note,
        };
        await bookChange('set-rule-note', input, setRuleNoteSchema, () => api.setRuleNote(input));
      },

      async disableRule(rule) {
        const input = { rule: toProxyRule(rule) };
        await bookChange('disable-rule', input, toggleRuleSchema, () => api.disableRule(input));
      },

      async enableRule(rule) {
        const input = { rule: toProxyRule(rule) };
        set({ enabledRule: input.rule });
        await bookChange('enable-rule', input, toggleRuleSchema, () => api.enableRule(input));
      },

      async adoptDrift(drift) {
        const input = driftInput(drift);
        await bookChange('adopt-drift', input, driftSchema, () => api.adoptDrift(input));
      },

      async restoreDrift(drift) {
        const input = driftInput(drift);
        await bookChange('restore-drift', input, driftSchema, () => api.restoreDrift(input));
      },

      async deleteRules(rules) {
        const input = { rules: rules.map(toProxyRule) };
        const parsed = rulesSchema.safeParse(input);
        if (!parsed.success) return refuseInvalid(set, 'delete-rules', parsed.error);
        await runRuleChange('delete-rules', () => api.deleteRules(input));
      },

      async resetRules() {
        await runRuleChange('reset-rules', () => api.resetRules());
      },

      async exportRules() {
        set({ exported: { status: 'running' } });
        const result = await callApi(() => api.exportRules());
        set({
          exported: result.ok ? { status: 'done', value: result.value } : { status: 'failed', error: result.error },
        });
      },

      async importRules({ rows, mode, firewall = false }) {
        const validated = validateImportRows(rows);
        if (!validated.ok) {
          set({ importIssues: validated.issues });
          setOperation(set, 'import-rules', {
            status: 'failed',
            error: {
              code: 'invalid-input',
              message: `${new Set(validated.issues.map((i) => i.row)).size} rows are invalid; nothing was imported.`,
            },
          });
          return;
        }
        set({ importIssues: [] });
        // The file's firewall flags reach the main process only when the user ticked the confirmation.
        const firewallPorts = firewall ? [...validated.firewallPorts] : [];
        await runRuleChange('import-rules', () =>
          api.importRules({ rules: [...validated.rules], mode, firewallPorts }),
        );
      },

      async loadBackups() {
        set({ backups: { status: 'running' } });
        const result = await callApi(() => api.listBackups());
        // Newest first: the backup a user wants is almost always the one just written.
        set({
          backups: result.ok
            ? { status: 'done', value: [...result.value].sort((a, b) => b.createdAt.localeCompare(a.createdAt)) }
            : { status: 'failed', error: result.error },
        });
      },

      async restoreBackup(backup) {
        const input = { id: backup.id };
        const parsed = backupIdSchema.safeParse(input);
        if (!parsed.success) return refuseInvalid(set, 'restore-backup', parsed.error);
        const result = await runRuleChange('restore-backup', () => api.restoreBackup(input));
        // A restore writes a backup of its own: the list is out of date.
        if (result?.ok && get().backupsOpen) await get().loadBackups();
      },

      async previewBackup(backup) {
        set({ backupPreview: { status: 'running' } });
        const result = await callApi(() => api.previewBackup({ id: backup.id }));
        set({
          backupPreview: result.ok
            ? { status: 'done', value: result.value }
            : { status: 'failed', error: result.error },
        });
      },

      closeBackupPreview() {
        set({ backupPreview: IDLE });
      },

      async deleteBackup(backup) {
        const input = { id: backup.id };
        const parsed = backupIdSchema.safeParse(input);
        if (!parsed.success) {
          set({ backupDeletion: { status: 'failed', error: invalidInput(parsed.error) } });
          return false;
        }
        // The main process refuses it too (router.ts); asking would only add a round trip.
        if (get().systemInfo?.elevated !== true) {
          set({ backupDeletion: { status: 'failed', error: notElevatedError } });
          return false;
        }
        set({ backupDeletion: { status: 'running' } });
        const result = await callApi(() => api.deleteBackup(input));
        if (!result.ok) {
          set({ backupDeletion: { status: 'failed', error: result.error } });
          // Gone already (deleted elsewhere): show what is really there.
          if (result.error.code === 'not-found') await get().loadBackups();
          return false;
        }
        // The main process answers the list as re-read after the delete.
        set({ backupDeletion: IDLE, backups: { status: 'done', value: result.value } });
        return true;
      },

      dismissBackupDeletion() {
        set({ backupDeletion: IDLE });
      },

      async checkRules(rules) {
        const input = { rules: rules.map(toProxyRule) };
        if (!rulesSchema.safeParse(input).success) return;
        const keys = input.rules.map(listenKey);
        set((state) => ({ checking: [...new Set([...state.checking, ...keys])] }));
        const result = await callApi(() => api.checkRules(input));
        set((state) => ({
          checking: state.checking.filter((key) => !keys.includes(key)),
          ...(result.ok
            ? {
                checks: {
                  ...state.checks,
                  ...Object.fromEntries(result.value.map((check) => [listenKey(check.rule), check])),
                },
              }
            : {}),
        }));
        if (result.ok) get().dismissNotice('rules-check');
        else get().showNotice('rules-check', result.error);
      },

      async preflightRule(rule) {
        const parsed = preflightSchema.safeParse({ rule });
        if (!parsed.success) {
          set({ preflight: { status: 'failed', error: invalidInput(parsed.error) } });
          return;
        }
        const checked = parsed.data.rule;
        set({ preflight: { status: 'running' }, replaceQuestion: null });
        const result = await callApi(() => api.preflightRule({ rule }));
        if (!result.ok) {
          set({ preflight: { status: 'failed', error: result.error } });
          return;
        }
        const existing = result.value.existingRule;
        set({
          preflight: { status: 'done', value: { rule: checked, result: result.value } },
          replaceQuestion: existing ? { rule: checked, existing } : null,
        });
      },

      async startIpHelper() {
        // Every check taken while the service was down says "IP Helper is stopped": ask them again.
        const checked = (get().rulesView?.rules ?? []).filter((rule) => get().checks[listenKey(rule)] !== undefined);
        const result = await runRuleChange('start-iphlpsvc', () => api.startIpHelper());
        if (result?.ok && checked.length > 0) {
          set({ checks: {} });
          await get().checkRules(checked);
        }
      },

      startEditing(rule) {
        const operation = get().operations['edit-rule'];
        set({
          editingKey: listenKey(rule),
          ...(operation.status === 'running' ? {} : { operations: { ...get().operations, 'edit-rule': IDLE } }),
        });
      },

      stopEditing() {
        if (get().operations['edit-rule'].status === 'running') return;
        set({ editingKey: null, operations: { ...get().operations, 'edit-rule': IDLE } });
      },

      async reloadAfterConflict() {
        set({ editConflict: false, editingKey: null });
        await get().loadRules();
      },

      dismissConflict() {
        set({ editConflict: false });
      },

      dismissReplaceQuestion() {
        set({ replaceQuestion: null });
      },

      openBackups() {
        set({ backupsOpen: true });
        void get().loadBackups();
      },

      closeBackups() {
        set({ backupsOpen: false });
      },
    };
  };
