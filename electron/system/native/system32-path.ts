/**
 * Where the native layer's DLLs are loaded from.
 *
 * LoadLibrary with a bare name searches the application's directory first (page "Dynamic-link library
 * search order"): a DLL planted next to the executable (or in a writable directory on the search path)
 * named iphlpapi.dll or advapi32.dll would run inside an elevated Portwarden. kernel32.dll and ntdll.dll
 * are exempt: they are KnownDLLs, always mapped from the system directory, so kernel32 is loaded by name
 * and asked for GetSystemDirectoryW; every other DLL is then loaded by the absolute path built here.
 */

/** The DLLs loaded by name: only KnownDLLs, which the loader never searches for. */
export const KNOWN_DLL_NAMES: readonly string[] = ['kernel32.dll'];

/** A drive-rooted directory (`C:\Windows\system32`); UNC and relative paths are refused. */
const DRIVE_ROOTED = /^[A-Za-z]:\\/;
/** A plain file name: no directory part, no drive, no `..`. */
const PLAIN_DLL_NAME = /^[A-Za-z0-9_-]+\.dll$/i;

/**
 * `<systemDirectory>\<dllName>`. Throws (a bug, not a runtime condition) when the directory is not an
 * absolute drive path or the name is not a plain `*.dll` file name, so nothing can fall back to a
 * search-order load.
 */
export const systemDllPath = (systemDirectory: string, dllName: string): string => {
  if (
    !DRIVE_ROOTED.test(systemDirectory) ||
    systemDirectory.includes('\0') ||
    /(^|\\)\.\.(\\|$)/.test(systemDirectory)
  ) {
    throw new Error(`Not an absolute system directory: ${JSON.stringify(systemDirectory)}`);
  }
  if (!PLAIN_DLL_NAME.test(dllName)) throw new Error(`Not a plain DLL file name: ${JSON.stringify(dllName)}`);
  return `${systemDirectory.replace(/\\+$/, '')}\\${dllName}`;
};
