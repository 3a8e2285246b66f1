import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from './data-dir';
import { DEFAULT_SYSTEM_ROOT, findWindowsFolder, systemRootFromKernel } from './system/run/windows-dirs';

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
    ).toBe(path.join('/home/u/.config/Portwarden', 'simulated-windows'));
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

describe('findWindowsFolder', () => {
  const kernel = () => '\\\\?\\D:\\Windows';
  const broken = () => {
    throw new Error('ENOENT');
  };

  it('takes GetSystemWindowsDirectoryW first and reports no fallback', () => {
    expect(findWindowsFolder({ native: { windowsDirectory: () => 'E:\\WINNT' }, realpath: kernel })).toEqual({
      path: 'E:\\WINNT',
      source: 'GetSystemWindowsDirectoryW',
      fallbackReason: null,
    });
  });

  it('falls back to the kernel link when the native layer is not open, and says why', () => {
    const folder = findWindowsFolder({ native: null, realpath: kernel });
    expect(folder).toMatchObject({ path: 'D:\\Windows', source: 'kernel \\SystemRoot link' });
    expect(folder.fallbackReason).toBe('the native layer is not open');
  });

  it.each([
    ['a UNC answer', () => '\\\\server\\share\\Windows'],
    ['a relative answer', () => 'Windows'],
    ['a failing call', broken],
  ])('does not trust %s from the native layer', (_label, answer) => {
    const folder = findWindowsFolder({ native: { windowsDirectory: answer }, realpath: kernel });
    expect(folder.source).toBe('kernel \\SystemRoot link');
    expect(folder.fallbackReason).toMatch(/GetSystemWindowsDirectoryW/);
  });

  it('ends at C:\\Windows only when both fail, with both reasons', () => {
    const folder = findWindowsFolder({ native: { windowsDirectory: broken }, realpath: broken });
    expect(folder.path).toBe(DEFAULT_SYSTEM_ROOT);
    expect(folder.source).toBe('default');
    expect(folder.fallbackReason).toMatch(/GetSystemWindowsDirectoryW failed: ENOENT; the kernel link could not/);
  });
});
