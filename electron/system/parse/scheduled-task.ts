/**
 * `schtasks /Query /TN <name> /XML`: the task's definition in the Task Scheduler schema
 * (http://schemas.microsoft.com/windows/2004/02/mit/task), printed through the console as text.
 *
 * A small tolerant extractor rather than an XML library: the document is tiny and its shape is fixed
 * by the schema, the only XML packages in node_modules are build-time transitive ones (not runtime
 * dependencies of the app), and the parse must never throw. Elements are found by local name inside
 * their parent (Settings, Principal, LogonTrigger, Exec), so whitespace, CRLF, attribute order, a
 * namespace prefix, comments and self-closing tags do not matter. Values are entity-decoded and trimmed.
 *
 * An element Task Scheduler leaves out takes the schema default, which is what Windows applies: no
 * ExecutionTimeLimit means PT72H, no DisallowStartIfOnBatteries / StopIfGoingOnBatteries means true,
 * no RunLevel means LeastPrivilege. So a task that omits them reads as the limits it really has.
 */
import { neverThrow } from './never-throw';

export interface ParsedTaskDefinition {
  /** Exec action's program, as stored (a task made with /TR keeps the quotes schtasks split it with). */
  readonly command: string;
  readonly arguments: string;
  /** `HighestAvailable` or `LeastPrivilege`. */
  readonly runLevel: string;
  readonly logonType: string;
  /** A LogonTrigger that is not disabled. */
  readonly logonTrigger: boolean;
  /** ISO 8601 duration; `PT0S` is no limit. */
  readonly executionTimeLimit: string;
  readonly disallowStartIfOnBatteries: boolean;
  readonly stopIfGoingOnBatteries: boolean;
  readonly multipleInstancesPolicy: string;
  /** 0 (realtime) .. 10 (idle); the default 7 is below normal. */
  readonly priority: number;
}

/** Task Scheduler's schema defaults for elements a definition leaves out. */
export const TASK_DEFAULTS = {
  runLevel: 'LeastPrivilege',
  logonType: 'InteractiveToken',
  executionTimeLimit: 'PT72H',
  disallowStartIfOnBatteries: true,
  stopIfGoingOnBatteries: true,
  multipleInstancesPolicy: 'IgnoreNew',
  priority: 7,
} as const;

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text content needs only `& < >` escaped; Task Scheduler prints quotes raw (`<Command>"C:\...exe"</Command>`). */
export const escapeXmlText = (value: string): string => value.replace(/[&<>]/g, (c) => ESCAPES[c] ?? c);
/** Quotes too, safe anywhere (text or attribute): the app's builder escapes more than it must. */
export const escapeXml = (value: string): string => value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

export const decodeXmlText = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });

/**
 * The content of the first element with this local name (`<Name ...>`, `<t:Name>`, `<Name/>`), or
 * null. Non-greedy up to the matching close tag: none of the names looked up nests inside itself.
 */
const element = (xml: string, name: string): string | null => {
  const match = new RegExp(`<(?:[\\w.-]+:)?${name}(?:\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${name}\\s*>)`).exec(
    xml,
  );
  return match ? (match[1] ?? '') : null;
};

const text = (xml: string | null, name: string): string | null => {
  if (xml === null) return null;
  const content = element(xml, name);
  return content === null ? null : decodeXmlText(content).trim();
};

/** xsd:boolean: `true`/`false`/`1`/`0`; anything else keeps the default. */
const flag = (value: string | null, fallback: boolean): boolean => {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return fallback;
};

const parse = (input: string): ParsedTaskDefinition | null => {
  const xml = input.replace(/<!--[\s\S]*?-->/g, '');
  const task = element(xml, 'Task');
  if (task === null) return null;
  const exec = element(task, 'Exec');
  const command = text(exec, 'Command');
  if (exec === null || !command) return null;
  const settings = element(task, 'Settings');
  const principal = element(task, 'Principal');
  const logon = element(element(task, 'Triggers') ?? '', 'LogonTrigger');
  const priority = text(settings, 'Priority') ?? '';
  return {
    command,
    arguments: text(exec, 'Arguments') ?? '',
    runLevel: text(principal, 'RunLevel') || TASK_DEFAULTS.runLevel,
    logonType: text(principal, 'LogonType') || TASK_DEFAULTS.logonType,
    logonTrigger: logon !== null && flag(text(logon, 'Enabled'), true),
    executionTimeLimit: text(settings, 'ExecutionTimeLimit') || TASK_DEFAULTS.executionTimeLimit,
    disallowStartIfOnBatteries: flag(
      text(settings, 'DisallowStartIfOnBatteries'),
      TASK_DEFAULTS.disallowStartIfOnBatteries,
    ),
    stopIfGoingOnBatteries: flag(text(settings, 'StopIfGoingOnBatteries'), TASK_DEFAULTS.stopIfGoingOnBatteries),
    multipleInstancesPolicy: text(settings, 'MultipleInstancesPolicy') || TASK_DEFAULTS.multipleInstancesPolicy,
    priority: /^(?:[0-9]|10)$/.test(priority) ? Number(priority) : TASK_DEFAULTS.priority,
  };
};

/** The task definition in a `/Query /XML` answer (or a /XML file), or null when there is none; never throws. */
export const parseScheduledTaskXml = neverThrow(parse, () => null);
