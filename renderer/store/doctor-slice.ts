import type { StateCreator } from 'zustand/vanilla';
import type { Api } from '../../shared/ipc';
import type { RuleView } from '../../shared/model';
import { listenKey } from '../../shared/proxy-rules';
import { diagnoseSchema } from '../../shared/validate';
import type { DoctorFix } from '../lib/doctor-fixes';
import { callApi } from './call-api';
import { invalidInput } from './change-runner';
import type { AppState, Dialog, DoctorSlice } from './types';

/** The existing dialog for a fix; null for the one fix that is not a dialog (editing a rule inline). */
export const fixDialog = (fix: DoctorFix, rules: readonly RuleView[]): Dialog | null => {
  switch (fix.kind) {
    case 'restart-winnat':
      return { kind: 'restart' };
    case 'protect':
      return {
        kind: 'protect',
        family: { protocol: fix.range.protocol, ipVersion: fix.range.ipVersion },
        port: fix.port,
      };
    case 'delete-exclusion': {
      const { protocol, ipVersion, start, end, administered } = fix.range;
      return { kind: 'delete', family: { protocol, ipVersion }, range: { start, end, administered } };
    }
    case 'kill':
      return { kind: 'kill', endpoint: fix.endpoint };
    case 'delete-rule': {
      // The dialog lists rules as the table does; the firewall column is only known from the listed rule.
      const listed = rules.find((rule) => listenKey(rule) === listenKey(fix.rule));
      return { kind: 'delete-rules', rules: [listed ?? { ...fix.rule, firewallRule: null, firewallRules: null }] };
    }
    case 'reset-dynamic':
      return { kind: 'reset' };
    case 'edit-rule':
      return null;
  }
};

export const createDoctorSlice =
  (api: Api): StateCreator<AppState, [], [], DoctorSlice> =>
  (set, get) => {
    // Only the newest question's answer is shown: checking 8065 then 3000 quickly must not end on 8065.
    let asked = 0;

    return {
      doctorPort: '',
      doctorProtocol: 'tcp',
      doctorReport: null,
      doctorError: null,
      doctorLoading: false,
      doctorFocusRequest: 0,

      setDoctorPort(text) {
        set({ doctorPort: text });
      },

      setDoctorProtocol(protocol) {
        set({ doctorProtocol: protocol });
      },

      async diagnosePort(target) {
        const input = target ?? { port: get().doctorPort.trim(), protocol: get().doctorProtocol };
        const parsed = diagnoseSchema.safeParse(input);
        if (!parsed.success) {
          set({ doctorError: invalidInput(parsed.error), doctorReport: null });
          return;
        }
        const id = ++asked;
        set({ doctorLoading: true, doctorError: null });
        const result = await callApi(() => api.diagnosePort(parsed.data));
        if (id !== asked) return;
        if (result.ok) set({ doctorReport: result.value, doctorError: null, doctorLoading: false });
        else set({ doctorError: result.error, doctorReport: null, doctorLoading: false });
      },

      openDoctor(port, protocol) {
        get().showView('doctor');
        if (port === undefined) {
          set((state) => ({ doctorFocusRequest: state.doctorFocusRequest + 1 }));
          return;
        }
        const chosen = protocol ?? get().doctorProtocol;
        set({ doctorPort: String(port), doctorProtocol: chosen });
        void get().diagnosePort({ port, protocol: chosen });
      },

      applyFix(fix) {
        if (fix.kind === 'edit-rule') {
          get().showView('forwarding');
          get().startEditing(fix.rule);
          return;
        }
        const dialog = fixDialog(fix, get().rulesView?.rules ?? []);
        // A restart is for the port on screen: its outcome says where that port stands now (issue #11).
        const report = get().doctorReport;
        if (dialog?.kind === 'restart' && report)
          get().openDialog({ ...dialog, port: report.port, protocol: report.protocol });
        else if (dialog) get().openDialog(dialog);
      },

      async recheckDoctor() {
        const report = get().doctorReport;
        if (report) await get().diagnosePort({ port: report.port, protocol: report.protocol });
      },
    };
  };
