/** Shared by the owners, doctor and watch tests: a service over one simulated machine. */
import type { Result } from '../../shared/result';
import { simulatedOperation } from './simulated-services';
import { createPortsService } from '../../electron/system/owners/ports-service';

export const FIXED_NOW = new Date('2026-02-01T10:00:00.000Z');

export const simulatedPorts = (scenario: string, locale = 'en') => {
  const sim = simulatedOperation(scenario, locale);
  const ports = createPortsService({ now: () => FIXED_NOW });
  const countCalls = (command: string) => sim.sim.calls.filter((c) => c.command === command).length;
  return { ...sim, ports, countCalls };
};

export const value = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`expected a value, got ${result.error.code}: ${result.error.message}`);
  return result.value;
};
