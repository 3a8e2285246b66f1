/**
 * The stable keys of validation issues and their English wording. zod issue messages are these keys
 * (shared/validate.ts); the renderer translates them (`validation.<key>` in renderer/i18n), and the main
 * process spells them out in English for IPC errors and logs with describeValidationKey().
 */
import { RULE_COMMENT_MAX, RULE_GROUP_MAX, RULE_NAME_MAX } from './validate';

export type ValidationKey =
  | 'port-format'
  | 'port-range'
  | 'count-format'
  | 'count-range'
  | 'range-end'
  | 'protocol'
  | 'ip-version'
  | 'ip-version-or-both'
  | 'families'
  | 'unknown-field'
  | 'address'
  | 'listen-address'
  | 'type-mismatch'
  | 'rule-type'
  | 'rules'
  | 'backup-id'
  | 'journal-id'
  | 'recovery-action'
  | 'boolean'
  | 'import-mode'
  | 'pid'
  | 'image'
  | 'watched'
  | 'required'
  | 'error-report'
  | 'arguments'
  | 'distro'
  | 'ipv4-connection'
  | 'lookup-addresses'
  | 'firewall-ports'
  | 'note-name'
  | 'note-group'
  | 'note-comment'
  | 'note-control'
  | 'drift';

const ENGLISH: Record<ValidationKey, string> = {
  'port-format': 'must be a whole number from 1 to 65535, written without leading zeros, signs, spaces or exponents',
  'port-range': 'must be from 1 to 65535',
  'count-format': 'must be a whole number of ports, written without leading zeros, signs or spaces',
  'count-range': 'must be at least 1 and keep the last port at or below 65535',
  'range-end': 'must not be lower than the start port',
  protocol: 'must be tcp or udp',
  'ip-version': 'must be ipv4 or ipv6',
  'ip-version-or-both': 'must be ipv4, ipv6 or both',
  families: 'must list one to four distinct protocol / IP version pairs',
  'unknown-field': 'is not an accepted field',
  address:
    'must be an IPv4 address (like 192.168.1.10), a bare IPv6 address (like fe80::1, no brackets or zone) or a host name (letters, digits, dots and hyphens)',
  'listen-address': 'must be an IPv4 or IPv6 address, a host name, or * for all addresses',
  'type-mismatch': 'does not match the IP versions of the listen and connect addresses',
  'rule-type': 'must be v4tov4, v4tov6, v6tov4 or v6tov6',
  rules: 'must list between 1 and 1000 rules',
  'backup-id': 'is not a backup name Portwarden made',
  'journal-id': 'is not an interrupted change Portwarden recorded',
  'recovery-action': 'must be finish or roll-back',
  boolean: 'must be true or false',
  'import-mode': 'must be merge or replace',
  pid: 'must be a process id (a whole number from 1 to 4294967295)',
  image: 'must be the file name of the process, as listed',
  watched: 'must list at most 100 distinct ports',
  required: 'is required',
  'error-report':
    'must be an error report: kind error, unhandledrejection or react, a message of at most 2000 characters, a stack of at most 8000 and a source of at most 500',
  arguments: 'has the wrong number of arguments',
  'ipv4-connection':
    'must be a canonical IPv4 address (like 192.168.1.10): Windows can only close IPv4 connections this way',
  'lookup-addresses':
    'must list 1 to 256 distinct IP addresses, each a canonical IPv4 address or a lower-case bare IPv6 address',
  'firewall-ports': 'must list distinct listen ports of the imported rules',
  'note-name': `must be at most ${RULE_NAME_MAX} characters`,
  'note-group': `must be at most ${RULE_GROUP_MAX} characters`,
  'note-comment': `must be at most ${RULE_COMMENT_MAX} characters`,
  'note-control': 'must not contain control characters (tabs, line breaks, escape codes) or text-direction marks',
  drift: 'must name the rule as Windows lists it and as Portwarden knows it, with the same listen address and port',
  distro:
    'must be the name of an installed WSL distribution (letters, digits, dots, underscores and hyphens, at most 64, starting with a letter or digit)',
};

export const describeValidationKey = (key: string): string => (key in ENGLISH ? ENGLISH[key as ValidationKey] : key);
