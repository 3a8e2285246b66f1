/**
 * Port owners and the port doctor for the app core: `ports: createPortsService()`.
 */
export { createPortsService, type PortDoctor, type PortsServiceDeps } from './ports-service';
export { affectsAvailability } from './doctor';
export { describeOwner } from './endpoints';
export { refusalReason, taskkillPid } from './kill';
export type { PortsService, WatchConfigStore, WatchService } from './types';
