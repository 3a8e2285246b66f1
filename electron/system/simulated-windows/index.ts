/**
 * Simulated Windows (docs/architecture.md §4): an in-memory machine behind the CommandRunner interface.
 * Imports nothing from electron; see guard.ts for the packaged-build rule.
 */
export {
  LANGUAGES,
  OEM_CODE_PAGES,
  PORTPROXY_TYPES,
  SIM_FAMILIES,
  cloneMachine,
  createMachine,
  deserializeMachine,
  serializeMachine,
  type Language,
  type Machine,
  type PortProxyType,
  type SimDynamicRange,
  type SimFirewallRule,
  type SimIpVersion,
  type SimProcess,
  type SimProtocol,
  type SimRange,
  type SimRemoteHost,
  type SimService,
  type SimServiceStatus,
  type SimSocket,
  type SimTcpState,
  type WinnatConfig,
} from './state';
export {
  createSimRunner,
  type FaultKind,
  type FaultMatcher,
  type FaultSpec,
  type SimCall,
  type SimChange,
  type SimRunner,
  type SimRunnerOptions,
  type SimRunResultBytes,
} from './simulated-runner';
export {
  createScenarioMachine,
  isScenarioName,
  SCENARIO_NAMES,
  type ScenarioName,
  type ScenarioOptions,
} from './scenarios';
export { createSimProbe, type SimProbeOptions } from './simulated-probe';
export { effectiveSockets, isPortExcluded, isPortInUse } from './sockets';
export { assertSimulatorAllowed, type SimulatorEnvironment } from './guard';
export { createSimWslConfig, startDistro, terminateDistro, shutdownWsl, HOST_LAN_ADDRESS } from './wsl';
export { createSimDockerTransport } from './docker';
export { createSimReverseNames } from './reverse-names';
