import { describe, expect, it } from 'vitest';
import { FORBIDDEN_SWITCHES, findForbiddenSwitches, forbiddenSwitchesAtStart, isTestBuild } from './security-switches';

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

  it('lets a packaged test build take the debugger switches Playwright needs, and nothing else', () => {
    const playwright = [exe, '--inspect=0', '--remote-debugging-port=0'];
    expect(
      forbiddenSwitchesAtStart({ isPackaged: true, testBuild: true, argv: playwright, hasSwitch: () => false }),
    ).toEqual([]);
    expect(forbiddenSwitchesAtStart({ isPackaged: true, argv: playwright, hasSwitch: () => false })).toEqual(
      playwright.slice(1),
    );
    expect(
      forbiddenSwitchesAtStart({
        isPackaged: true,
        testBuild: true,
        argv: [...playwright, '--no-sandbox', '--js-flags=--x'],
        hasSwitch: () => false,
      }),
    ).toEqual(['--no-sandbox', '--js-flags=--x']);
    expect(
      forbiddenSwitchesAtStart({
        isPackaged: true,
        testBuild: true,
        argv: [exe],
        hasSwitch: (n) => n === 'disable-web-security',
      }),
    ).toEqual(['--disable-web-security']);
  });

  it('never refuses a dev build', () => {
    expect(forbiddenSwitchesAtStart({ isPackaged: false, argv: [exe, '--inspect'], hasSwitch: () => true })).toEqual(
      [],
    );
  });
});

describe('isTestBuild', () => {
  it('is true only for the exact flag electron-builder.test.yml writes', () => {
    expect(isTestBuild(() => JSON.stringify({ name: 'portwarden', portwardenTestBuild: true }))).toBe(true);
    expect(isTestBuild(() => JSON.stringify({ name: 'portwarden' }))).toBe(false);
    expect(isTestBuild(() => JSON.stringify({ portwardenTestBuild: 'true' }))).toBe(false);
    expect(isTestBuild(() => 'null')).toBe(false);
    expect(isTestBuild(() => '{broken')).toBe(false);
    expect(
      isTestBuild(() => {
        throw new Error('ENOENT');
      }),
    ).toBe(false);
  });
});
