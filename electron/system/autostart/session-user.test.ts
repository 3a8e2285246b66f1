import { describe, expect, it } from 'vitest';
import { simulatedOperation } from '../../../test/helpers/simulated-services';
import { compareSessionUsers, parseExplorerOwners, processAccount, readSessionUser } from './session-user';

const explorer = (user: string) => ({
  pid: 5120,
  image: 'explorer.exe',
  services: [],
  owner: 'user' as const,
  sessionName: 'Console' as const,
  memKb: 90000,
  user,
});

describe('over-the-shoulder elevation', () => {
  it('parses the user column of tasklist /v, skipping N/A and the no-task message', () => {
    const text = [
      '"explorer.exe","5120","Console","1","90,000 K","Running","DEVBOX\\dev","0:00:10","N/A"',
      '"explorer.exe","7300","RDP-Tcp#1","2","80,000 K","Running","N/A","0:00:01","N/A"',
      'INFO: No tasks are running which match the specified criteria.',
    ].join('\r\n');
    expect(parseExplorerOwners(text)).toEqual(['DEVBOX\\dev']);
  });

  it('same account (any domain spelling, any case) is not over the shoulder', () => {
    expect(compareSessionUsers('dev', ['DEVBOX\\Dev'])).toEqual({ kind: 'same' });
    expect(compareSessionUsers('admin', ['DEVBOX\\dev'])).toEqual({
      kind: 'over-the-shoulder',
      elevatedAs: 'admin',
      desktopUser: 'DEVBOX\\dev',
    });
    expect(compareSessionUsers(null, ['DEVBOX\\dev'])).toEqual({ kind: 'unknown' });
    expect(compareSessionUsers('dev', [])).toEqual({ kind: 'unknown' });
  });

  it('over the simulator: explorer.exe of another account is detected; a failed read is unknown', async () => {
    const { sim, op } = simulatedOperation('clean');
    sim.machine.processes.push(explorer('DEVBOX\\dev'));
    expect(await readSessionUser(op, 'admin')).toMatchObject({ kind: 'over-the-shoulder', desktopUser: 'DEVBOX\\dev' });
    expect(await readSessionUser(op, 'dev')).toEqual({ kind: 'same' });
    sim.injectFault({ match: { command: 'tasklist' }, kind: 'fail' });
    expect(await readSessionUser(op, 'admin')).toEqual({ kind: 'unknown' });
  });
});

describe('processAccount', () => {
  it('is asked only on a real Windows, never in the simulator or elsewhere', () => {
    expect(processAccount('linux', false)).toBeNull();
    expect(processAccount('win32', true)).toBeNull();
  });
});
