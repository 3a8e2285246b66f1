import { describe, expect, it } from 'vitest';
import { createSimulatedWindows, selectRunner } from './choose-windows';

describe('selectRunner', () => {
  it('uses the real runner on Windows', () => {
    expect(selectRunner({ platform: 'win32', isPackaged: false, env: {} }).simulated).toBe(false);
  });

  it('never simulates in a packaged Windows build, whatever the environment says', () => {
    const choice = selectRunner({
      platform: 'win32',
      isPackaged: true,
      env: { PORTWARDEN_SIMULATE: '1', PORTWARDEN_SCENARIO: 'clean' },
    });
    expect(choice).toMatchObject({ simulated: false, scenario: null });
  });

  it('lets a Windows developer opt into the simulator in dev runs', () => {
    expect(selectRunner({ platform: 'win32', isPackaged: false, env: { PORTWARDEN_SIMULATE: '1' } })).toMatchObject({
      simulated: true,
      scenario: 'hyperv-reserved',
    });
  });

  it('simulates elsewhere with the scenario from the environment', () => {
    expect(
      selectRunner({ platform: 'linux', isPackaged: false, env: { PORTWARDEN_SCENARIO: 'winnat-absent' } }),
    ).toMatchObject({
      simulated: true,
      scenario: 'winnat-absent',
    });
  });

  it('names the valid scenarios when given an unknown one', () => {
    expect(() => createSimulatedWindows({ scenario: 'nope', locale: 'en' })).toThrow(/clean.*hyperv-reserved/);
  });

  it.each([
    ['ko-KR', 'ko'],
    ['de', 'de'],
    ['zh-cn', 'zh-CN'],
    ['fr', 'en'],
  ])('maps locale %s to simulated display language %s', (locale, language) => {
    expect(createSimulatedWindows({ scenario: 'clean', locale }).language).toBe(language);
  });
});
