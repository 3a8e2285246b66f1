/** A scriptable Api for store tests: records calls, answers with queued Results, exposes the event listeners. */
import type { Api, InvokeApi, TrayCommand } from '../../shared/ipc';
import type {
  BackupInfo,
  ChangeReport,
  CommandRecord,
  DoctorCause,
  DoctorReport,
  Endpoint,
  KillReport,
  CloseConnectionReport,
  OwnersView,
  Protocol,
  WatchedPort,
  WatchState,
  WslStatus,
  WslSyncReport,
  ListenPortPreflight,
  ProxyRule,
  RuleChangeReport,
  RuleCheck,
  RulesView,
  RuleView,
  Snapshot,
  SystemInfo,
  UnfinishedChange,
} from '../../shared/model';
import { ok, type Result } from '../../shared/result';

export const sampleSnapshot = (overrides: Partial<Snapshot> = {}): Snapshot => ({
  excluded: [
    {
      protocol: 'tcp',
      ipVersion: 'ipv4',
      ranges: [
        { start: 8031, end: 8130, administered: false },
        { start: 50000, end: 50059, administered: true },
      ],
    },
    { protocol: 'udp', ipVersion: 'ipv4', ranges: [] },
    { protocol: 'tcp', ipVersion: 'ipv6', ranges: [{ start: 8031, end: 8130, administered: false }] },
    { protocol: 'udp', ipVersion: 'ipv6', ranges: [] },
  ],
  dynamic: [
    { protocol: 'tcp', ipVersion: 'ipv4', start: 1024, count: 64511 },
    { protocol: 'udp', ipVersion: 'ipv4', start: 49152, count: 16384 },
    { protocol: 'tcp', ipVersion: 'ipv6', start: 1024, count: 64511 },
    { protocol: 'udp', ipVersion: 'ipv6', start: 49152, count: 16384 },
  ],
  winnat: 'running',
  readAt: '2025-01-01T00:00:00.000Z',
  ...overrides,
});

/** A protect-ports change interrupted after WinNAT was stopped (the journal's most common leftover). */
export const sampleUnfinishedChange = (overrides: Partial<UnfinishedChange> = {}): UnfinishedChange => ({
  id: '20250102T030405000Z-0a1b2c3d',
  operation: 'protect-ports',
  startedAt: '2025-01-02T03:04:05.000Z',
  intent: {
    kind: 'exclusion',
    family: { protocol: 'tcp', ipVersion: 'ipv4' },
    start: 8065,
    end: 8065,
    winnatWasRunning: true,
  },
  current: { kind: 'exclusion', present: false, winnat: 'stopped' },
  progress: 'partly-done',
  recommended: 'finish',
  actions: ['finish', 'roll-back'],
  ...overrides,
});

export const sampleInfo = (elevated: boolean): SystemInfo => ({
  elevated,
  simulated: true,
  scenario: 'test',
  platform: 'win32',
  appVersion: '0.0.0',
});

export const sampleRecord = (id: number, operationId = 'op-1'): CommandRecord => ({
  id,
  operationId,
  operation: 'refresh',
  command: 'netsh',
  args: ['interface', 'ipv4', 'show', 'excludedportrange', 'protocol=tcp'],
  exitCode: 0,
  stdout: 'ok',
  stderr: '',
  timedOut: false,
  durationMs: 12,
  startedAt: '2025-01-01T00:00:00.000Z',
});

export const sampleReport = (snapshot: Snapshot): ChangeReport => ({
  outcome: 'applied',
  steps: [
    { step: 'stop-winnat', ok: true },
    { step: 'add-exclusion', ok: true },
    { step: 'start-winnat', ok: true },
  ],
  snapshot,
  diff: { freed: [], appeared: [] },
  winnatAfter: 'running',
});

export const sampleRule = (overrides: Partial<RuleView> = {}): RuleView => ({
  type: 'v4tov4',
  listenAddress: '0.0.0.0',
  listenPort: 8080,
  connectAddress: '172.28.241.140',
  connectPort: 8080,
  firewallRule: 'Portwarden 0.0.0.0:8080',
  firewallRules: ['Portwarden 0.0.0.0:8080'],
  ...overrides,
});

export const sampleRulesView = (
  rules: readonly RuleView[] = [sampleRule(), sampleRule({ listenPort: 9000, connectPort: 9000, firewallRule: null })],
): RulesView => ({
  rules,
  iphlpsvc: 'running',
  readAt: '2025-01-01T00:00:00.000Z',
});

export const sampleRuleReport = (
  rules: RulesView = sampleRulesView(),
  extra: Partial<RuleChangeReport> = {},
): RuleChangeReport => ({
  outcome: 'applied',
  steps: [{ step: 'add-rule', ok: true }],
  rules,
  ...extra,
});

export const sampleBackup = (overrides: Partial<BackupInfo> = {}): BackupInfo => ({
  id: '20250101T000000000Z-reset',
  createdAt: '2025-01-01T00:00:00.000Z',
  reason: 'reset',
  ruleCount: 2,
  ...overrides,
});

export const sampleCheck = (rule: ProxyRule, overrides: Partial<RuleCheck> = {}): RuleCheck => ({
  rule,
  iphlpsvc: { state: 'ok', status: 'running' },
  listening: { state: 'ok', owner: 'svchost.exe (PID 2124)' },
  target: { state: 'ok', ms: 3 },
  excluded: { state: 'ok' },
  checkedAt: '2025-01-01T00:00:00.000Z',
  ...overrides,
});

export const cleanPreflight: ListenPortPreflight = { excluded: null, owner: null, existingRule: null };

export const sampleEndpoint = (overrides: Partial<Endpoint> = {}): Endpoint => ({
  protocol: 'tcp',
  ipVersion: 'ipv4',
  localAddress: '0.0.0.0',
  localPort: 3000,
  remoteAddress: null,
  remotePort: null,
  state: 'LISTENING',
  pid: 4242,
  image: 'node.exe',
  services: [],
  owner: 'process',
  ...overrides,
});

export const sampleOwnersView = (
  endpoints: readonly Endpoint[] = [
    sampleEndpoint(),
    sampleEndpoint({ localPort: 80, pid: 4, image: 'System', owner: 'kernel' }),
    sampleEndpoint({ localPort: 135, pid: 1024, image: 'svchost.exe', services: ['RpcSs', 'RpcEptMapper'] }),
  ],
): OwnersView => ({ endpoints, readAt: '2025-01-01T00:00:00.000Z' });

export const sampleKillReport = (
  owners: OwnersView = sampleOwnersView([]),
  overrides: Partial<KillReport> = {},
): KillReport => ({
  outcome: 'applied',
  pid: 4242,
  image: 'node.exe',
  steps: [{ step: 'kill', ok: true }],
  owners,
  ...overrides,
});

export const sampleCloseReport = (overrides: Partial<CloseConnectionReport> = {}): CloseConnectionReport => ({
  outcome: 'applied',
  connection: { localAddress: '192.168.1.23', localPort: 52044, remoteAddress: '140.82.112.4', remotePort: 443 },
  pid: 12764,
  image: 'chrome.exe',
  steps: [{ step: 'set-tcp-entry', ok: true }],
  checkedAt: '2025-01-01T00:00:00.000Z',
  ...overrides,
});

export const sampleDoctorReport = (
  causes: readonly DoctorCause[] = [],
  port = 8065,
  protocol: Protocol = 'tcp',
): DoctorReport => ({
  port,
  protocol,
  causes,
  unreadable: [],
  checkedAt: '2025-01-01T00:00:00.000Z',
});

export const sampleWatchState = (overrides: Partial<WatchState> = {}): WatchState => ({
  port: 8065,
  protocol: 'tcp',
  status: 'free',
  checkedAt: '2025-01-01T00:00:00.000Z',
  ...overrides,
});

const toRule = ({ type, listenAddress, listenPort, connectAddress, connectPort }: ProxyRule): ProxyRule => ({
  type,
  listenAddress,
  listenPort,
  connectAddress,
  connectPort,
});

type Answers = {
  [K in keyof InvokeApi]?: InvokeApi[K] extends (...args: infer A) => Promise<infer R>
    ? R | ((...args: A) => Promise<R>)
    : never;
};

export interface FakeApi extends Api {
  readonly calls: { method: string; args: unknown[] }[];
  answers: Answers;
  emitActivity(record: CommandRecord): void;
  emitTray(command: TrayCommand): void;
  emitWatchStates(states: readonly WatchState[]): void;
  emitOpenDoctor(target: WatchedPort): void;
  emitWslSync(report: WslSyncReport): void;
  listenerCount(): number;
}

/** No WSL rule yet, Ubuntu running in NAT mode (what most machines with WSL show). */
export const sampleWslStatus = (overrides: Partial<WslStatus> = {}): WslStatus => ({
  available: true,
  distros: [{ name: 'Ubuntu', state: 'running', stateText: 'Running', version: 2, isDefault: true }],
  networking: { mode: 'nat', source: 'default', profile: 'C:\\Users\\dev' },
  targets: [],
  readAt: '2025-01-01T00:00:00.000Z',
  ...overrides,
});

export const createFakeApi = (answers: Answers = {}): FakeApi => {
  const activity = new Set<(record: CommandRecord) => void>();
  const tray = new Set<(command: TrayCommand) => void>();
  const watch = new Set<(states: readonly WatchState[]) => void>();
  const openDoctor = new Set<(target: WatchedPort) => void>();
  const wslSync = new Set<(report: WslSyncReport) => void>();
  const calls: FakeApi['calls'] = [];
  let ownersRevision = 0;
  const fake = {
    calls,
    answers,
    emitActivity: (record: CommandRecord) => activity.forEach((l) => l(record)),
    emitTray: (command: TrayCommand) => tray.forEach((l) => l(command)),
    emitWatchStates: (states: readonly WatchState[]) => watch.forEach((l) => l(states)),
    emitOpenDoctor: (target: WatchedPort) => openDoctor.forEach((l) => l(target)),
    emitWslSync: (report: WslSyncReport) => wslSync.forEach((l) => l(report)),
    listenerCount: () => activity.size + tray.size + watch.size + openDoctor.size + wslSync.size,
    onWatchStates(listener: (states: readonly WatchState[]) => void) {
      watch.add(listener);
      return () => void watch.delete(listener);
    },
    onOpenDoctor(listener: (target: WatchedPort) => void) {
      openDoctor.add(listener);
      return () => void openDoctor.delete(listener);
    },
    onActivity(listener: (record: CommandRecord) => void) {
      activity.add(listener);
      return () => void activity.delete(listener);
    },
    onTrayCommand(listener: (command: TrayCommand) => void) {
      tray.add(listener);
      return () => void tray.delete(listener);
    },
    onWslSync(listener: (report: WslSyncReport) => void) {
      wslSync.add(listener);
      return () => void wslSync.delete(listener);
    },
  } as Partial<FakeApi>;
  const defaults: Required<Answers> = {
    getSystemInfo: ok(sampleInfo(true)),
    getSnapshot: ok(sampleSnapshot()),
    addExclusion: ok(sampleReport(sampleSnapshot())),
    deleteExclusion: ok(sampleReport(sampleSnapshot())),
    resetDynamicRange: ok(sampleReport(sampleSnapshot())),
    restartWinnat: ok(sampleReport(sampleSnapshot())),
    listActivity: ok([]),
    relaunchElevated: ok(null),
    listRules: ok(sampleRulesView()),
    addRule: ok(sampleRuleReport()),
    editRule: ok(sampleRuleReport()),
    deleteRules: ok(sampleRuleReport()),
    resetRules: ok(sampleRuleReport(sampleRulesView([]), { backup: sampleBackup() })),
    exportRules: ok({
      fileName: 'portproxy-rules.json',
      json: '{"rules":[]}',
      cmd: { fileName: 'portproxy-rules.cmd', text: '@echo off\r\n' },
      ps1: { fileName: 'portproxy-rules.ps1', text: '#Requires -RunAsAdministrator\r\n' },
    }),
    importRules: ok(sampleRuleReport(sampleRulesView(), { backup: sampleBackup({ reason: 'import' }) })),
    listBackups: ok([sampleBackup()]),
    restoreBackup: ok(sampleRuleReport()),
    previewBackup: ok({ backup: sampleBackup(), rules: [] }),
    deleteBackup: ok([]),
    checkRules: ok(sampleRulesView().rules.map((rule) => sampleCheck(toRule(rule)))),
    preflightRule: ok(cleanPreflight),
    startIpHelper: ok(sampleRuleReport()),
    setRuleNote: ok(sampleRuleReport()),
    disableRule: ok(sampleRuleReport()),
    enableRule: ok(sampleRuleReport()),
    adoptDrift: ok(sampleRuleReport()),
    restoreDrift: ok(sampleRuleReport()),
    listOwners: ok(sampleOwnersView()),
    // Main may always answer in full; the fake does, with the listOwners answer, so renderer tests set one list.
    listOwnerChanges: async ({ allStates }) => {
      const answer = fake.answers?.listOwners ?? ok(sampleOwnersView());
      const read = typeof answer === 'function' ? await answer({ allStates }) : answer;
      return read.ok ? ok({ kind: 'full' as const, revision: ++ownersRevision, view: read.value }) : read;
    },
    killProcess: ok(sampleKillReport()),
    closeConnection: ok(sampleCloseReport()),
    reverseLookup: ok([]),
    diagnosePort: ok(sampleDoctorReport()),
    getWatchedPorts: ok([sampleWatchState()]),
    getAutostart: ok({ enabled: false, taskName: 'Portwarden' }),
    setAutostart: ok({ outcome: 'applied', autostart: { enabled: true, taskName: 'Portwarden' } }),
    reportRendererError: ok(null),
    setWatchedPorts: ok([sampleWatchState()]),
    listUnfinishedChanges: ok([]),
    getWslStatus: ok(sampleWslStatus()),
    addWslRule: ok(sampleRuleReport()),
    syncWslRules: ok({ outcome: 'applied', steps: [], moved: [], rules: sampleRulesView(), status: sampleWslStatus() }),
    listContainers: ok({
      available: false,
      note: 'Docker Desktop is not running.',
      containers: [],
      readAt: '2025-01-01T00:00:00.000Z',
    }),
    resolveUnfinishedChange: ok({
      outcome: 'applied',
      steps: [],
      resolved: true,
      message: 'The interrupted change was finished.',
    }),
  };
  for (const method of Object.keys(defaults) as (keyof Answers)[]) {
    (fake as Record<string, unknown>)[method] = async (...args: unknown[]): Promise<Result<unknown>> => {
      calls.push({ method, args });
      const answer = (fake.answers as Answers)[method] ?? defaults[method];
      return typeof answer === 'function'
        ? (answer as (...input: unknown[]) => Promise<Result<unknown>>)(...args)
        : (answer as Result<unknown>);
    };
  }
  return fake as FakeApi;
};
