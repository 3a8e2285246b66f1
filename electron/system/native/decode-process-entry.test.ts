import { describe, expect, it } from 'vitest';
import { decodeProcessEntry, newProcessEntryBuffer, PROCESSENTRY32W_SIZE } from './decode-process-entry';
import { PROCESSENTRY32W, writeStruct } from '../../../test/helpers/win32-layout-writer';

const entry = (values: Parameters<typeof writeStruct>[3]): Buffer => {
  const buffer = Buffer.alloc(PROCESSENTRY32W.size);
  writeStruct(buffer, 0, PROCESSENTRY32W, { dwSize: PROCESSENTRY32W.size, ...values });
  return buffer;
};

describe('decodeProcessEntry (PROCESSENTRY32W, x64)', () => {
  it('is 568 bytes with szExeFile at offset 44 by the documented member list', () => {
    expect(PROCESSENTRY32W.size).toBe(568);
    expect(PROCESSENTRY32W.offsets.szExeFile).toBe(44);
    expect(PROCESSENTRY32W_SIZE).toBe(PROCESSENTRY32W.size);
  });

  it('reads the pid, parent pid and file name', () => {
    const buffer = entry({
      cntUsage: 0,
      th32ProcessID: 1240,
      th32DefaultHeapID: 0xdead_beef_cafe_f00dn,
      cntThreads: 12,
      th32ParentProcessID: 812,
      pcPriClassBase: -1,
      szExeFile: 'svchost.exe',
    });
    expect(decodeProcessEntry(buffer)).toEqual({ pid: 1240, parentPid: 812, exeFile: 'svchost.exe' });
  });

  it('reads non-ASCII names and a name filling all 260 WCHARs without a NUL', () => {
    expect(decodeProcessEntry(entry({ szExeFile: 'Größe-日本.exe' }))?.exeFile).toBe('Größe-日本.exe');
    const long = `${'a'.repeat(256)}.exe`;
    expect(decodeProcessEntry(entry({ szExeFile: long }))?.exeFile).toBe(long);
  });

  it('stops at the first NUL even when later bytes are not zero (a reused buffer)', () => {
    const buffer = entry({ szExeFile: 'a-much-longer-name.exe' });
    writeStruct(buffer, 0, PROCESSENTRY32W, { szExeFile: 'cmd.exe\0' });
    expect(decodeProcessEntry(buffer)?.exeFile).toBe('cmd.exe');
  });

  it('refuses a buffer shorter than the structure', () => {
    expect(decodeProcessEntry(Buffer.alloc(567))).toBeNull();
  });

  it('prepares a zeroed buffer with dwSize set', () => {
    const buffer = newProcessEntryBuffer();
    expect(buffer.length).toBe(568);
    expect(buffer.readUInt32LE(PROCESSENTRY32W.offsets.dwSize ?? -1)).toBe(568);
    expect(buffer.subarray(4).every((byte) => byte === 0)).toBe(true);
  });
});
