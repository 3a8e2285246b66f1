import { describe, expect, it } from 'vitest';
import { KNOWN_DLL_NAMES, systemDllPath } from './system32-path';

describe('systemDllPath', () => {
  it('joins the system directory and a plain DLL name', () => {
    expect(systemDllPath('C:\\Windows\\system32', 'iphlpapi.dll')).toBe('C:\\Windows\\system32\\iphlpapi.dll');
    expect(systemDllPath('C:\\Windows\\system32\\', 'advapi32.dll')).toBe('C:\\Windows\\system32\\advapi32.dll');
    expect(systemDllPath('d:\\WINNT\\System32', 'ADVAPI32.DLL')).toBe('d:\\WINNT\\System32\\ADVAPI32.DLL');
  });

  it.each([
    ['an empty directory', ''],
    ['a relative directory', 'system32'],
    ['a drive-relative directory', 'C:system32'],
    ['a UNC directory', '\\\\server\\share\\system32'],
    ['a rooted directory without a drive', '\\Windows\\system32'],
    ['a directory with ..', 'C:\\Windows\\..\\Temp'],
    ['a POSIX path', '/usr/lib'],
    ['a directory with a NUL', 'C:\\Windows\\system32\0'],
  ])('rejects %s', (_label, directory) => {
    expect(() => systemDllPath(directory, 'iphlpapi.dll')).toThrow(/absolute system directory/);
  });

  it.each([
    ['a name with a directory', 'sub\\iphlpapi.dll'],
    ['a name with a forward slash', 'sub/iphlpapi.dll'],
    ['a parent reference', '..\\iphlpapi.dll'],
    ['an absolute path', 'C:\\Temp\\iphlpapi.dll'],
    ['a name without .dll', 'iphlpapi'],
    ['an empty name', ''],
    ['a name with a space', 'ip hlpapi.dll'],
  ])('rejects %s', (_label, name) => {
    expect(() => systemDllPath('C:\\Windows\\system32', name)).toThrow(/plain DLL file name/);
  });

  it('loads only KnownDLLs by bare name', () => {
    expect(KNOWN_DLL_NAMES).toEqual(['kernel32.dll']);
  });
});
