import { describe, expect, it } from 'vitest';
import { resolveDataDir } from './data-dir';
import { DEFAULT_SYSTEM_ROOT, systemRootFromKernel } from './system/run/windows-dirs';

const win = (systemRoot: string) =>
  resolveDataDir({ platform: 'win32', simulated: false, systemRoot, userDataDir: 'C:\\Users\\u\\AppData' });

describe('resolveDataDir', () => {
  it('is <system drive>\\ProgramData\\Portwarden on Windows', () => {
    expect(win('C:\\Windows')).toBe('C:\\ProgramData\\Portwarden');
    expect(win('d:\\WINNT')).toBe('D:\\ProgramData\\Portwarden');
  });

  it('never reads %ProgramData% or any other environment variable', () => {
    const saved = { ...process.env };
    try {
      process.env.ProgramData = 'C:\\Users\\me\\evil';
      process.env.SystemDrive = 'Z:';
      process.env.ALLUSERSPROFILE = 'C:\\Users\\me\\evil';
      expect(win('C:\\Windows')).toBe('C:\\ProgramData\\Portwarden');
    } finally {
      process.env = saved;
    }
  });

  it('keeps simulated runs apart from real data', () => {
    expect(
      resolveDataDir({
        platform: 'linux',
        simulated: true,
        systemRoot: 'C:\\Windows',
        userDataDir: '/home/u/.config/Portwarden',
      }),
    ).toBe('/home/u/.config/Portwarden/simulated-windows');
  });
});

describe('systemRootFromKernel', () => {
  it("asks the kernel's \\SystemRoot link, not the environment", () => {
    const asked: string[] = [];
    const saved = process.env.SystemRoot;
    process.env.SystemRoot = 'C:\\Users\\me\\fake-windows';
    try {
      expect(systemRootFromKernel((p) => (asked.push(p), '\\\\?\\D:\\Windows'))).toBe('D:\\Windows');
    } finally {
      if (saved === undefined) delete process.env.SystemRoot;
      else process.env.SystemRoot = saved;
    }
    expect(asked).toEqual(['\\\\?\\GLOBALROOT\\SystemRoot']);
  });

  it.each([
    ['\\\\?\\UNC\\attacker\\share\\Windows'],
    ['\\\\?\\GLOBALROOT\\Device\\HarddiskVolume3\\Windows'],
    ['C:\\Users\\me\\..\\..\\Windows'],
    ['/usr/lib'],
  ])('falls back to C:\\Windows for an answer that is not a plain local path: %s', (answer) => {
    expect(systemRootFromKernel(() => answer)).toBe(DEFAULT_SYSTEM_ROOT);
  });

  it('falls back to C:\\Windows when the link cannot be resolved (any non-Windows machine)', () => {
    expect(
      systemRootFromKernel(() => {
        throw new Error('ENOENT');
      }),
    ).toBe(DEFAULT_SYSTEM_ROOT);
  });
});
