/**
 * "Who holds which port": one netstat, one tasklist and one portproxy read, joined.
 * netstat and tasklist are required (without names the list does not answer the question); an
 * unreadable rule table only leaves the IP Helper's endpoints without their rule.
 */
import type { OwnersView } from '../../../shared/model';
import { err, ok, type Result } from '../../../shared/result';
import type { Operation } from '../activity-log';
import { joinEndpoints } from './endpoints';
import { readOwnerSources, type OwnerSources } from './reads';

export const ownersFromSources = (
  sources: OwnerSources,
  allStates: boolean,
  readAt: string,
  nativeLayer = false,
): Result<OwnersView> => {
  const { netstat, processes, rules } = sources;
  if ('error' in netstat || 'error' in processes) {
    const detail = ['error' in netstat ? netstat.error : null, 'error' in processes ? processes.error : null]
      .filter(Boolean)
      .join('; ');
    return err('command-failed', 'Could not read which processes own the ports.', { detail });
  }
  const endpoints = joinEndpoints({
    entries: netstat.value,
    processes: processes.value,
    rules: rules && 'value' in rules ? rules.value : null,
    allStates,
  });
  return ok({ endpoints, readAt, nativeLayer });
};

export const listOwners = async (op: Operation, now: () => Date, allStates: boolean): Promise<Result<OwnersView>> =>
  ownersFromSources(await readOwnerSources(op, { rules: true }), allStates, now().toISOString(), op.native !== null);
