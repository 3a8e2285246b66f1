import { describe, expect, it } from 'vitest';
import { FORBIDDEN_SWITCHES, findForbiddenSwitches, forbiddenSwitchesAtStart } from './security-switches';

const exe = 'C:\\Program Files\\Portwarden\\Portwarden.exe';

describe('findForbiddenSwitches', () => {
  it.each(FORBIDDEN_SWITCHES)('finds --%s, with or without a value', (name) => {
    expect(findForbiddenSwitches([exe, `--${name}`])).toEqual([`--${name}`]);
    expect(findForbiddenSwitches([exe, `--${name}=1`])).toEqual([`--${name}=1`]);
  });

  it('finds the spellings Chromium accepts on Windows: single dash, slash, upper case', () => {
    expect(findForbiddenSwitches([exe, '-remote-debugging-port=9222'])).toHaveLength(1);
    expect(findForbiddenSwitches([exe, '/remote-debugging-port=9222'])).toHaveLength(1);
    expect(findForbiddenSwitches([exe, '--Remote-Debugging-Port=9222'])).toHaveLength(1);
    expect(findForbiddenSwitches([exe, '--NO-SANDBOX'])).toHaveLength(1);
  });

  it('finds inspector siblings and switches after a bare --', () => {
    expect(findForbiddenSwitches([exe, '--inspect-wait=9229'])).toHaveLength(1);
    expect(findForbiddenSwitches([exe, '--', '--inspect'])).toEqual(['--inspect']);
  });

  it('lets ordinary arguments through', () => {
    expect(findForbiddenSwitches([exe, '--hidden', '.', '--lang=ko', 'C:\\inspect\\x', '--sandbox-ish'])).toEqual([]);
  });
});

describe('forbiddenSwitchesAtStart', () => {
  it('refuses in packaged builds, from argv or from app.commandLine', () => {
    expect(forbiddenSwitchesAtStart({ isPackaged: true, argv: [exe, '--inspect'], hasSwitch: () => false })).toEqual([
      '--inspect',
    ]);
    expect(
      forbiddenSwitchesAtStart({ isPackaged: true, argv: [exe], hasSwitch: (n) => n === 'remote-debugging-pipe' }),
    ).toEqual(['--remote-debugging-pipe']);
  });

  it('never refuses a dev build', () => {
    expect(forbiddenSwitchesAtStart({ isPackaged: false, argv: [exe, '--inspect'], hasSwitch: () => true })).toEqual([]);
  });
});
