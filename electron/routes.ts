/**
 * The route table: one entry per channel of shared/ipc.ts, naming the service call behind it and
 * whether it changes Windows (then it needs elevation and runs through the mutation queue). The
 * gates every message passes first (sender check, zod validation, elevation) live in router.ts;
 * the services are built by app-core.ts. The type checker fails until every channel has a route.
 */
import { ok, type Result } from '../shared/result';
import type { ServiceStatus, SystemInfo } from '../shared/model';
import type { RouteTable } from './router';
import type { createActivityLog } from './system/activity-log';
import type { createRendererErrorLog } from './system/audit/renderer-errors';
import { getAutostart, setAutostart, type AutostartHost } from './system/autostart/autostart';
import { listUnfinishedChanges, resolveUnfinishedChange, type Journal } from './system/journal';
import type { PortsService, WatchService } from './system/owners/types';
import { createOwnersFeed } from './system/owners/owners-feed';
import type { RuleService } from './system/portproxy/types';
import { resetDynamicRanges } from './system/ranges/dynamic-range';
import { addExclusion, deleteExclusion } from './system/ranges/exclusions';
import { restartWinnat } from './system/ranges/winnat';
import { readSnapshot } from './system/state-reader';
import type { WslService } from './system/wsl';
import type { DockerService } from './system/docker';

export interface RouteServices {
  readonly activity: ReturnType<typeof createActivityLog>;
  readonly rules: RuleService;
  readonly ports: PortsService;
  readonly watch: WatchService;
  readonly journal: Journal;
  readonly wsl: WslService;
  readonly docker: DockerService;
  readonly autostartHost: AutostartHost;
  readonly rendererErrors: ReturnType<typeof createRendererErrorLog>;
  readonly systemInfo: () => Promise<SystemInfo>;
  readonly relaunchElevated: () => Promise<Result<null>>;
  /** Passes a fresh WinNAT state on to the tray; returns the value unchanged. */
  readonly announce: <T extends { snapshot?: { winnat: ServiceStatus }; winnat?: ServiceStatus }>(value: T) => T;
}

export const createRouteTable = (services: RouteServices): RouteTable => {
  const { activity, rules, ports, watch, journal, autostartHost, rendererErrors, systemInfo, announce } = services;
  const recovery = { journal, now: () => new Date() };
  const ownersFeed = createOwnersFeed();
  // Every change report carries a fresh read of WinNAT's state: pass it on to the tray.
  const withStatus = async <T extends { snapshot: { winnat: ServiceStatus } }>(result: Promise<Result<T>>) => {
    const settled = await result;
    if (settled.ok) announce(settled.value);
    return settled;
  };
  return {
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
    relaunchElevated: { mutation: false, handle: () => services.relaunchElevated() },
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
    previewBackup: { mutation: false, handle: ([input]) => rules.previewBackup(input.id) },
    // Runs no command, but removes a file from the admin-only data folder: the same gate as changes.
    deleteBackup: {
      mutation: true,
      handle: ([input]) => rules.deleteBackup(activity.begin('delete-backup'), input.id),
    },
    checkRules: { mutation: false, handle: ([input]) => rules.checkRules(activity.begin('check-rules'), input.rules) },
    preflightRule: {
      mutation: false,
      handle: ([input]) => rules.preflightRule(activity.begin('preflight-rule'), input.rule),
    },
    startIpHelper: { mutation: true, handle: () => rules.startIpHelper(activity.begin('start-iphlpsvc')) },
    // Portwarden's rule book (issue #11): a note or an adopt writes the admin-only data folder only; disable,
    // enable and restore change Windows. All of them are changes: elevated, queued, audited.
    setRuleNote: { mutation: true, handle: ([input]) => rules.setRuleNote(activity.begin('set-rule-note'), input) },
    disableRule: { mutation: true, handle: ([input]) => rules.disableRule(activity.begin('disable-rule'), input) },
    enableRule: { mutation: true, handle: ([input]) => rules.enableRule(activity.begin('enable-rule'), input) },
    adoptDrift: { mutation: true, handle: ([input]) => rules.adoptDrift(activity.begin('adopt-drift'), input) },
    restoreDrift: { mutation: true, handle: ([input]) => rules.restoreDrift(activity.begin('restore-drift'), input) },
    listOwners: {
      mutation: false,
      handle: ([input]) => ports.listOwners(activity.begin('list-owners'), input.allStates),
    },
    // The auto-refresh: the same read, answered as changes since the list this window holds (issue #13).
    listOwnerChanges: {
      mutation: false,
      handle: async ([input], { sender }) => {
        const read = await ports.listOwners(activity.begin('list-owners'), input.allStates);
        return read.ok ? ok(ownersFeed.answer(sender.webContentsId, input, read.value)) : read;
      },
    },
    killProcess: {
      mutation: true,
      handle: ([input]) => ports.killProcess(activity.begin('kill-process'), input.pid, input.image),
    },
    closeConnection: {
      mutation: true,
      handle: ([input]) => ports.closeConnection(activity.begin('close-connection'), input),
    },
    // A read: nothing on Windows changes, and the names only decorate the table.
    reverseLookup: { mutation: false, handle: ([input]) => ports.reverseLookup(input.addresses) },
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
    getWslStatus: { mutation: false, handle: () => services.wsl.status(activity.begin('wsl-status')) },
    addWslRule: { mutation: true, handle: ([input]) => services.wsl.addRule(activity.begin('add-wsl-rule'), input) },
    syncWslRules: { mutation: true, handle: () => services.wsl.sync(activity.begin('wsl-resync')) },
    listContainers: { mutation: false, handle: async () => ok(await services.docker.list()) },
  };
};
