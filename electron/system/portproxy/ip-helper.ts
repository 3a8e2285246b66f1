/**
 * Starting the IP Helper service (iphlpsvc), which runs every portproxy rule: without it nothing
 * listens (docs/architecture.md §1). Judged from `sc query`, never from net.exe's exit code or localized message.
 */
import type { RuleChangeReport } from '../../../shared/model';
import { err, ok, type Result } from '../../../shared/result';
import type { Operation } from '../activity-log';
import { startService } from '../commands';
import { SERVICE_TIMEOUT_MS } from '../ranges/winnat';
import { readRuleState, rereadRuleState } from './read';
import { commandStep, ruleReport } from './report';

export const startIpHelper = async (op: Operation, now: () => Date): Promise<Result<RuleChangeReport>> => {
  const before = await readRuleState(op, now);
  if (before.iphlpsvc === 'absent')
    return err('not-found', 'The IP Helper service (iphlpsvc) is not installed on this machine.');
  if (before.iphlpsvc === 'running')
    return ok(ruleReport('applied', [], before, { message: 'The IP Helper service is already running.' }));
  const started = commandStep(
    'start-iphlpsvc',
    await op.run(startService('iphlpsvc'), { timeoutMs: SERVICE_TIMEOUT_MS }),
  );
  const after = await rereadRuleState(op, now);
  // A start that timed out may still have brought the service up: the read decides.
  const outcome = after.iphlpsvc === 'running' ? 'applied' : after.iphlpsvc === 'stopped' ? 'not-applied' : 'unknown';
  const message = outcome === 'applied' ? undefined : `The IP Helper service is ${after.iphlpsvc}.`;
  return ok(ruleReport(outcome, [started], after, { message }));
};
