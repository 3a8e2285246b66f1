/**
 * "Restart as administrator" for an unelevated run. Only a packaged Windows build can relaunch
 * itself; a dev run is started from a terminal, which is where elevation has to come from.
 */
import { err, ok, type Result } from '../../../shared/result';
import { launchElevated } from './launch-elevated';

export interface RelaunchContext {
  readonly platform: string;
  readonly isPackaged: boolean;
  readonly execPath: string;
  /** The elevated copy must be able to take the single-instance lock, so release ours first. */
  readonly releaseLock: () => void;
  readonly reacquireLock: () => void;
  readonly quit: () => void;
  readonly launch?: (exePath: string) => Promise<boolean>;
}

export const relaunchAsAdministrator = async (context: RelaunchContext): Promise<Result<null>> => {
  if (context.platform !== 'win32') {
    return err('refused', 'This is the simulated Windows; there is nothing to restart as administrator.');
  }
  if (!context.isPackaged) {
    return err('refused', 'This is a development run: open your terminal as administrator and run npm start again.');
  }
  context.releaseLock();
  const launched = await (context.launch ?? launchElevated)(context.execPath);
  if (!launched) {
    context.reacquireLock();
    return err('command-failed', 'Windows did not start Portwarden as administrator (was the prompt declined?).');
  }
  context.quit();
  return ok(null);
};
