/**
 * PROCESSENTRY32W as Process32FirstW/Process32NextW fill it (page "PROCESSENTRY32W structure
 * (tlhelp32.h)"). On x64 and ARM64 (8-byte ULONG_PTR):
 *
 *   DWORD dwSize @0, DWORD cntUsage @4, DWORD th32ProcessID @8, (4 bytes padding),
 *   ULONG_PTR th32DefaultHeapID @16, DWORD th32ModuleID @24, DWORD cntThreads @28,
 *   DWORD th32ParentProcessID @32, LONG pcPriClassBase @36, DWORD dwFlags @40,
 *   WCHAR szExeFile[MAX_PATH] @44 (520 bytes), then 4 bytes of padding to a multiple of 8: 568 bytes.
 *
 * The caller must set dwSize to 568 before Process32FirstW, or the call fails.
 */
import { readDword } from './table-fields';
import { readUtf16z } from './utf16';

export const PROCESSENTRY32W_SIZE = 568;
const TH32_PROCESS_ID = 8;
const TH32_PARENT_PROCESS_ID = 32;
const SZ_EXE_FILE = 44;
const MAX_PATH = 260;

export interface ProcessEntry {
  pid: number;
  parentPid: number;
  /** The executable's file name only (`svchost.exe`), as tasklist shows it. */
  exeFile: string;
}

/** A PROCESSENTRY32W buffer; null when it is shorter than the structure (never throws). */
export const decodeProcessEntry = (entry: Uint8Array): ProcessEntry | null => {
  if (entry.byteLength < PROCESSENTRY32W_SIZE) return null;
  return {
    pid: readDword(entry, TH32_PROCESS_ID),
    parentPid: readDword(entry, TH32_PARENT_PROCESS_ID),
    exeFile: readUtf16z(entry, SZ_EXE_FILE, SZ_EXE_FILE + MAX_PATH * 2),
  };
};

/** A zeroed PROCESSENTRY32W buffer with dwSize set, ready for Process32FirstW. */
export const newProcessEntryBuffer = (): Buffer => {
  const entry = Buffer.alloc(PROCESSENTRY32W_SIZE);
  entry.writeUInt32LE(PROCESSENTRY32W_SIZE, 0);
  return entry;
};
