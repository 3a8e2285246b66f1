/**
 * `tasklist /fo csv /nh /svc`: `"svchost.exe","1240","BrokerInfrastructure,DcomLaunch,PlugPlay"`.
 *
 * No real capture exists (SOURCES.md §6); the format comes from code comments. Processes without
 * services print `N/A`, which a Spanish fixture suggests is localized (`No disponible`). So the third
 * field counts as services only when it is a comma list of service-name tokens (no spaces, no `/`);
 * anything else is "no services". The cost: a service whose key name has a space is not reported.
 *
 * Rows are recognised by shape: an image name and a numeric pid. A header (when `/nh` is missing),
 * `INFO: ...` messages and blank lines are skipped. Rows of `/fo csv` without `/svc` (five fields)
 * are accepted with no services.
 */
import { parseCsvLine } from './csv-line';
import { splitLines } from './lines';
import { neverThrow } from './never-throw';

/** One process; assignable to shared/model `ProcessInfo`. */
export interface ParsedProcess {
  image: string;
  pid: number;
  services: string[];
}

const SERVICE_NAME_LIST = /^[A-Za-z0-9_.$@{}#~+-]+(?:,[A-Za-z0-9_.$@{}#~+-]+)*$/;

const parseServices = (field: string | undefined): string[] =>
  field !== undefined && SERVICE_NAME_LIST.test(field) ? field.split(',') : [];

const parseRow = (line: string): ParsedProcess | null => {
  if (!line.trim()) return null;
  const fields = parseCsvLine(line.trim());
  const [image = '', pidField = ''] = fields;
  if (fields.length < 2 || !image.trim() || !/^[0-9]{1,10}$/.test(pidField)) return null;
  const pid = Number(pidField);
  if (pid > 0xffff_ffff) return null;
  return { image, pid, services: fields.length === 3 ? parseServices(fields[2]) : [] };
};

const parse = (csv: string): ParsedProcess[] =>
  splitLines(csv)
    .map(parseRow)
    .filter((row): row is ParsedProcess => row !== null);

/** Never throws; garbage gives []. */
export const parseTasklist = neverThrow(parse, () => []);
