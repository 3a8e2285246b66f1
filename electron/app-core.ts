/**
 * The app's core, free of electron imports so the browser harness hosts exactly the same thing:
 * the activity log over the runner, the mutation queue, the elevation probe and the route table.
 */
import { ok, type Result } from '../shared/result';
import type { ServiceStatus, SystemInfo, WatchState } from '../shared/model';
import type { AppCore } from './app-core-types';
import type { EventSink } from './router-types';
import { createRouter, type RouteLogEntry, type RouteTable } from './routes';
import type { SenderPolicy } from './sender';
import { createActivityLog } from './system/activity-log';
import type { AppLog } from './system/audit/app-logs';
import type { AuditLog } from './system/audit/audit-log';
import { createRendererErrorLog } from './system/audit/renderer-errors';
import type { CommandRunner } from './system/run/command-runner';
import { getAutostart, setAutostart, type AutostartHost } from './system/autostart/autostart';
import { resetDynamicRanges } from './system/ranges/dynamic-range';
import { readElevation } from './system/elevation/read-elevation';
import { addExclusion, deleteExclusion } from './system/ranges/exclusions';
import { listUnfinishedChanges, resolveUnfinishedChange, type Journal } from './system/journal';
import { createMutationQueue } from './system/mutation-queue';
import { readServiceStatus, readSnapshot } from './system/state-reader';
import { restartWinnat } from './system/ranges/winnat';
import type { RuleService } from './system/portproxy/types';
import type { PortsService, WatchService } from './system/owners/types';

export interface AppCoreOptions {
  readonly runner: CommandRunner;
  readonly simulated: boolean;
  readonly scenario: string | null;
  readonly appVersion: string;
  readonly platform?: string;
  readonly policy: SenderPolicy;
  readonly relaunchElevated: () => Promise<Result<null>>;
  readonly logRoute?: (entry: RouteLogEntry) => void;
  /** portproxy rules; built by the host because backups and the TCP probe are host-specific. */
  readonly rules: RuleService;
  /** Port owners, kill, the port doctor. */
  readonly ports: PortsService;
  /** The write-ahead journal of multi-step changes (the rule service holds the same one). */
  readonly journal: Journal;
  /** Watched ports; the host schedules checks (it knows whether the window is visible). */
  readonly watch: WatchService;
  /** The app's own executable, for Start with Windows; absent counts as a dev run (enabling refused). */
  readonly autostartHost?: AutostartHost;
  /** Audit of every change's commands and verified result (logs\audit.log); absent: not audited. */
  readonly audit?: AuditLog;
  /** main.log: start and renderer errors; absent: not written. */
  readonly appLog?: AppLog;
}

export interface AppCoreInternals extends AppCore {
  /** For tests and the harness: the activity log and whether changes are allowed. */
  readonly activity: ReturnType<typeof createActivityLog>;
  isElevated(): Promise<boolean>;
  /** One watched-ports check now (the host's scheduler calls this). */
  checkWatchedPorts(): Promise<readonly WatchState[]>;
  /** All states after every check, and the ones that changed. */
  onWatchStates(listener: (states: readonly WatchState[], changed: readonly WatchState[]) => void): () => void;
}

export const createAppCore = (options: AppCoreOptions): AppCoreInternals => {
  const activity = createActivityLog(options.runner, { audit: options.audit });
  const rendererErrors = createRendererErrorLog(options.appLog);
  const { rules, ports, watch, journal } = options;
  const recovery = { journal, now: () => new Date() };
  const autostartHost: AutostartHost = options.autostartHost ?? {
    execPath: '',
    isPackaged: false,
    taskDefinitionDir: '',
  };
  const queue = createMutationQueue();
  const statusListeners = new Set<(status: ServiceStatus) => void>();
  let sink: EventSink | null = null;
  let elevation: Promise<boolean> | null = null;

  activity.onRecord((record) => sink?.emit('onActivity', record));
  watch.onStates((states) => sink?.emit('onWatchStates', states));

  const isElevated = () => {
    // Elevation cannot change while the process lives; probe once.
    elevation ??= readElevation(activity.begin('check-elevation'));
    return elevation;
  };

  const announce = <T extends { snapshot?: { winnat: ServiceStatus }; winnat?: ServiceStatus }>(value: T): T => {
    const status = value.snapshot?.winnat ?? value.winnat;
    if (status) for (const listener of statusListeners) listener(status);
    return value;
  };

  const systemInfo = async (): Promise<SystemInfo> => ({
    elevated: await isElevated(),
    simulated: options.simulated,
    scenario: options.scenario,
    platform: options.platform ?? process.platform,
    appVersion: options.appVersion,
  });

  // Every change report carries a fresh read of WinNAT's state: pass it on to the tray.
  const withStatus = async <T extends { snapshot: { winnat: ServiceStatus } }>(result: Promise<Result<T>>) => {
    const settled = await result;
    if (settled.ok) announce(settled.value);
    return settled;
  };

  const routes: RouteTable = {
    getSystemInfo: { mutation: false, handle: async () => ok(await systemInfo()) },
    getSnapshot: {
      mutation: false,
      handle: async () => ok(announce(await readSnapshot(activity.begin('refresh')))),
    },
    addExclusion: {
      mutation: true,
      handle: ([input]) => withStatus(addExclusion(activity.begin('protect-ports'), input, journal)),
    },
    deleteExclusion: {
      mutation: true,
      handle: ([input]) => withStatus(deleteExclusion(activity.begin('delete-exclusion'), input)),
    },
    resetDynamicRange: {
      mutation: true,
      handle: ([input]) =>
        withStatus(resetDynamicRanges(activity.begin('reset-dynamic-range'), input.families, journal)),
    },
    restartWinnat: {
      mutation: true,
      handle: () => withStatus(restartWinnat(activity.begin('restart-winnat'), journal)),
    },
    listActivity: { mutation: false, handle: async () => ok(activity.list()) },
    relaunchElevated: { mutation: false, handle: () => options.relaunchElevated() },
    listRules: { mutation: false, handle: () => rules.listRules(activity.begin('list-rules')) },
    addRule: { mutation: true, handle: ([input]) => rules.addRule(activity.begin('add-rule'), input) },
    editRule: { mutation: true, handle: ([input]) => rules.editRule(activity.begin('edit-rule'), input) },
    deleteRules: {
      mutation: true,
      handle: ([input]) => rules.deleteRules(activity.begin('delete-rules'), input.rules),
    },
    resetRules: { mutation: true, handle: () => rules.resetRules(activity.begin('reset-rules')) },
    exportRules: { mutation: false, handle: () => rules.exportRules(activity.begin('export-rules')) },
    importRules: { mutation: true, handle: ([input]) => rules.importRules(activity.begin('import-rules'), input) },
    listBackups: { mutation: false, handle: () => rules.listBackups() },
    restoreBackup: {
      mutation: true,
      handle: ([input]) => rules.restoreBackup(activity.begin('restore-backup'), input.id),
    },
    checkRules: { mutation: false, handle: ([input]) => rules.checkRules(activity.begin('check-rules'), input.rules) },
    preflightRule: {
      mutation: false,
      handle: ([input]) => rules.preflightRule(activity.begin('preflight-rule'), input.rule),
    },
    startIpHelper: { mutation: true, handle: () => rules.startIpHelper(activity.begin('start-iphlpsvc')) },
    listOwners: {
      mutation: false,
      handle: ([input]) => ports.listOwners(activity.begin('list-owners'), input.allStates),
    },
    killProcess: {
      mutation: true,
      handle: ([input]) => ports.killProcess(activity.begin('kill-process'), input.pid, input.image),
    },
    diagnosePort: {
      mutation: false,
      handle: ([input]) => ports.diagnosePort(activity.begin('diagnose-port'), input.port, input.protocol),
    },
    getWatchedPorts: { mutation: false, handle: async () => ok(await watch.states(activity.begin('watch-check'))) },
    // Not a Windows change, but it writes the admin-only config: same gate as changes.
    setWatchedPorts: { mutation: true, handle: ([input]) => watch.setPorts(activity.begin('watch-set'), input.ports) },
    getAutostart: { mutation: false, handle: () => getAutostart(activity.begin('autostart-read'), autostartHost) },
    setAutostart: {
      mutation: true,
      handle: ([input]) =>
        setAutostart(
          activity.begin(input.enabled ? 'autostart-enable' : 'autostart-disable'),
          autostartHost,
          input.enabled,
        ),
    },
    listUnfinishedChanges: {
      mutation: false,
      handle: () => listUnfinishedChanges(activity.begin('journal-check'), recovery),
    },
    resolveUnfinishedChange: {
      mutation: true,
      handle: ([input]) =>
        resolveUnfinishedChange(
          activity.begin(input.action === 'finish' ? 'finish-change' : 'roll-back-change'),
          recovery,
          input.id,
          input.action,
        ),
    },
    reportRendererError: { mutation: false, handle: async ([input]) => (rendererErrors.report(input), ok(null)) },
  };

  const router = createRouter({
    routes,
    policy: options.policy,
    queue,
    isElevated,
    log: options.logRoute,
    aroundChange: (handle) => activity.change(handle),
  });

  return {
    router,
    activity,
    isElevated,
    checkWatchedPorts: () => watch.checkNow(activity.begin('watch-check')),
    onWatchStates: (listener) => watch.onStates(listener),
    setEventSink(next) {
      sink = next;
    },
    async refreshWinnatStatus() {
      const status = await readServiceStatus(activity.begin('winnat-status'), 'winnat');
      return announce({ winnat: status }).winnat;
    },
    onWinnatStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
  };
};
