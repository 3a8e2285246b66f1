/**
 * `reg query <key> [/v <name>]` for the two keys the app reads: the console OEM code page
 * (commands.ts oemCodePageQuery) and the portproxy rules (docs/architecture.md §1 registry layout). reg.exe output is
 * not localized: blank line, full key path, `    <name>    <type>    <data>` rows, blank line.
 */
import { stderrOf, stdoutOf, type SimOutput } from './output';
import { PORTPROXY_TYPES, type Machine } from './state';

const HIVE = /^(?:HKLM|HKEY_LOCAL_MACHINE)\\/i;
const CODE_PAGE_KEY = 'SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage';
const PORTPROXY_KEY = 'SYSTEM\\CurrentControlSet\\Services\\PortProxy\\';

const valuesOf = (machine: Machine, path: string): Record<string, string> | null => {
  if (path.toLowerCase() === CODE_PAGE_KEY.toLowerCase()) {
    // The ANSI page is not modelled beyond the usual pairing with the OEM page.
    const acp: Record<number, string> = { 437: '1252', 850: '1252', 949: '949', 936: '936' };
    return { ACP: acp[machine.oemCodePage] ?? '1252', OEMCP: String(machine.oemCodePage) };
  }
  const type = PORTPROXY_TYPES.find((t) => path.toLowerCase() === `${PORTPROXY_KEY}${t}\\tcp`.toLowerCase());
  return type ? machine.portproxy[type] : null;
};

const NOT_FOUND = stderrOf(1, ['ERROR: The system was unable to find the specified registry key or value.']);

export const runReg = (machine: Machine, args: readonly string[]): SimOutput => {
  const [verb = '', key = ''] = args;
  if (verb.toLowerCase() !== 'query' || !HIVE.test(key))
    return stderrOf(1, ['ERROR: Invalid syntax.', 'Type "REG QUERY /?" for usage.']);
  const path = key.replace(HIVE, '');
  const values = valuesOf(machine, path);
  if (!values) return NOT_FOUND;
  const wanted = args.findIndex((arg) => arg.toLowerCase() === '/v');
  const name = wanted === -1 ? null : args[wanted + 1];
  const rows = Object.entries(values).filter(
    ([valueName]) => name == null || valueName.toLowerCase() === name.toLowerCase(),
  );
  if (rows.length === 0) return NOT_FOUND;
  const canonical = `HKEY_LOCAL_MACHINE\\${path}`;
  return stdoutOf(0, ['', canonical, ...rows.map(([valueName, data]) => `    ${valueName}    REG_SZ    ${data}`), '']);
};
