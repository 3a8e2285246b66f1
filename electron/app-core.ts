/**
 * The app's core, free of electron imports so the browser harness hosts exactly the same thing:
 * the activity log over the runner, the mutation queue, the elevation probe and the route table.
 */
import type { Result } from '../shared/result';
import type { ServiceStatus, SystemInfo, WatchState, WslSyncReport } from '../shared/model';
import type { AppCore } from './app-core-types';
import type { EventSink } from './router-types';
import { createRouter, type RouteLogEntry } from './router';
import { createRouteTable } from './routes';
import type { SenderPolicy } from './sender';
import { createActivityLog } from './system/activity-log';
import type { AppLog } from './system/audit/app-logs';
import type { AuditLog } from './system/audit/audit-log';
import { createRendererErrorLog } from './system/audit/renderer-errors';
import type { CommandRunner } from './system/run/command-runner';
import type { NativeWindows } from './system/native';
import type { AutostartHost } from './system/autostart/autostart';
import { readElevation } from './system/elevation/read-elevation';
import type { Journal } from './system/journal';
import { createMutationQueue } from './system/mutation-queue';
import { readServiceStatus } from './system/state-reader';
import type { RuleService } from './system/portproxy/types';
import type { PortsService, WatchService } from './system/owners/types';
import type { WslService } from './system/wsl';
import type { DockerService } from './system/docker';

export interface AppCoreOptions {
  readonly runner: CommandRunner;
  /** The Win32 read layer where it is open (Windows); absent or null: every read runs its command. */
  readonly native?: NativeWindows | null;
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
  /** Rules that follow a WSL distro; re-synced with every watched-ports check (start, logon, schedule). */
  readonly wsl: WslService;
  /** Docker Desktop's containers (read-only). */
  readonly docker: DockerService;
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
  const activity = createActivityLog(options.runner, { audit: options.audit, native: options.native ?? null });
  const rendererErrors = createRendererErrorLog(options.appLog);
  const { rules, ports, watch, journal } = options;
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
    // A token's elevation cannot change while the process lives, so a yes is kept. A no is asked
    // again next time: without the native layer the `net session` probe also says no when the Server
    // service is stopped, and an installed app (always elevated) must not refuse every change for it.
    elevation ??= readElevation(activity.begin('check-elevation')).then((elevated) => {
      if (!elevated) elevation = null;
      return elevated;
    });
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

  const routes = createRouteTable({
    activity,
    rules,
    ports,
    watch,
    journal,
    wsl: options.wsl,
    docker: options.docker,
    autostartHost,
    rendererErrors,
    systemInfo,
    relaunchElevated: options.relaunchElevated,
    announce,
  });

  /**
   * WSL rules follow their distro on the watch schedule, which also runs once at start (and so at
   * logon, through the logon task). A change like any other: elevated only, through the mutation
   * queue, audited; nothing runs at all while no rule follows a distro.
   */
  const resyncWsl = async () => {
    try {
      if (!(await options.wsl.hasTargets()) || !(await isElevated())) return;
      const result = await queue.enqueue(() =>
        activity.change(() => options.wsl.sync(activity.begin('wsl-resync')) as Promise<Result<unknown>>),
      );
      if (result.ok) sink?.emit('onWslSync', result.value as WslSyncReport);
    } catch {
      // A failed background sync is in the activity log; the next tick tries again.
    }
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
    async checkWatchedPorts() {
      const states = await watch.checkNow(activity.begin('watch-check'));
      await resyncWsl();
      return states;
    },
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
