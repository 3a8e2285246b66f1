/**
 * The simulator must never answer for a real, packaged Windows install (docs/architecture.md §4): whoever selects
 * a runner calls this first. Dev builds on Windows may still use it (demo, tests).
 */
export interface SimulatorEnvironment {
  readonly isPackaged: boolean;
  readonly platform: string;
}

export const assertSimulatorAllowed = ({ isPackaged, platform }: SimulatorEnvironment): void => {
  if (isPackaged && platform === 'win32') {
    throw new Error('The simulated Windows layer is not available in a packaged Windows build.');
  }
};
