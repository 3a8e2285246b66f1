/**
 * Ending the process that holds a port. The PID and image come from a list the user looked at, so
 * the process is re-read first: a PID that now belongs to another image was reused and is left alone.
 * The outcome is judged from a tasklist read afterwards, never from taskkill's exit code or its
 * localized message (docs/architecture.md §3).
 */
import type { KillReport, Outcome, OwnersView, StepReport } from '../../../shared/model';
import { err, ok, type Result } from '../../../shared/result';
import type { Operation } from '../activity-log';
import { step } from '../change-report';
import type { CommandLine } from '../commands';
import type { ParsedProcess } from '../parse';
import { commandStep } from '../portproxy/report';
import { criticalServiceOf, killRefusalOf } from '../../../shared/system-owners';
import { ownersFromSources } from './list-owners';
import { readOwnerSources, readProcesses } from './reads';

/** Argv builder: fixed tokens, the PID is a validated integer. `/F` because dev servers ignore WM_CLOSE. */
export const taskkillPid = (pid: number): CommandLine => ({ command: 'taskkill', args: ['/F', '/PID', String(pid)] });

/**
 * Why a process must not be ended, or null; the policy is shared/system-owners.ts (the window
 * explains the same refusals). Checked on what the renderer sent (before any command) and again on
 * what tasklist says, so a hostile renderer sending "node.exe" for the RpcSs svchost is still refused.
 */
export const refusalReason = (pid: number, image: string, services: readonly string[] = []): string | null => {
  switch (killRefusalOf({ pid, image, services })) {
    case 'system':
      return pid === 0
        ? 'PID 0 is the System Idle Process and cannot be ended.'
        : 'PID 4 is the System (kernel) process: its ports belong to Windows drivers (SMB, NetBIOS, HTTP.sys), so it cannot be ended; stop the Windows feature that uses the port instead.';
    case 'critical':
      return `${image} is a critical Windows process; ending it would crash or log off Windows.`;
    case 'critical-service':
      return `${image} (PID ${pid}) hosts the critical service ${criticalServiceOf(services) ?? ''}; ending it would crash or cripple Windows.`;
    case 'no-process':
    case null:
      return null;
  }
};

const sameImage = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** After taskkill: the PID is gone, or it already belongs to a new process (fast PID reuse). */
const isGone = (processes: readonly ParsedProcess[], pid: number, image: string) => {
  const now = processes.find((p) => p.pid === pid);
  return !now || !sameImage(now.image, image);
};

export const killProcess = async (
  op: Operation,
  now: () => Date,
  pid: number,
  image: string,
): Promise<Result<KillReport>> => {
  const refusal = refusalReason(pid, image);
  if (refusal) return err('refused', refusal);

  const current = await readProcesses(op);
  if ('error' in current)
    return err('command-failed', 'Could not read the process list; nothing was ended.', { detail: current.error });
  const process = current.value.find((p) => p.pid === pid);
  if (!process) return err('not-found', `No process with PID ${pid} runs any more.`);
  if (!sameImage(process.image, image)) {
    return err('conflict', `PID ${pid} now belongs to ${process.image}, not ${image}; nothing was ended.`, {
      detail: process.image,
    });
  }
  const lateRefusal = refusalReason(pid, process.image, process.services);
  if (lateRefusal) return err('refused', lateRefusal);

  const steps: StepReport[] = [step('check-process', true, `${process.image} (PID ${pid})`)];
  steps.push(commandStep('taskkill', await op.run(taskkillPid(pid)), `${image} (PID ${pid})`));

  // One owners read gives both the verdict (its tasklist) and the fresh view; a failed read is tried once more.
  let sources = await readOwnerSources(op, { rules: true });
  if ('error' in sources.processes) sources = await readOwnerSources(op, { rules: true });
  const readAt = now().toISOString();
  const view = ownersFromSources(sources, false, readAt, op.native !== null);
  const owners: OwnersView = view.ok ? view.value : { endpoints: [], readAt };

  let outcome: Outcome;
  let message: string | undefined;
  if ('error' in sources.processes) {
    outcome = 'unknown';
    message = 'Could not read the process list after taskkill; refresh to see whether the process is gone.';
    steps.push(step('verify', false, sources.processes.error));
  } else {
    outcome = isGone(sources.processes.value, pid, image) ? 'applied' : 'not-applied';
    if (outcome === 'not-applied') message = `${image} (PID ${pid}) is still running.`;
    steps.push(
      step('verify', outcome === 'applied', outcome === 'applied' ? `PID ${pid} is gone` : `PID ${pid} still runs`),
    );
  }
  return ok({ outcome, pid, image, steps, owners, ...(message ? { message } : {}) });
};
