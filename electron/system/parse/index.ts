/**
 * Pure parsers for the Windows commands Portwarden runs: decoded text (any display language, CRLF or LF)
 * in, plain data out. No I/O; none of them throws. See docs/architecture.md §3 for the row-shape rule.
 */
export { parseExcludedRanges, type ParsedExcludedRange } from './excluded-ranges';
export { parseDynamicPortRange, type ParsedDynamicPortRange } from './dynamic-port-range';
export { parsePortProxyShow, type ParsedPortProxyRule, type PortProxyType } from './portproxy';
export { parseNetstat, scanNetstat, type ParsedNetstatEntry } from './netstat';
export { tableOfEntries, type NetstatTable } from './netstat-table';
export { parseTasklist, type ParsedProcess } from './tasklist';
export { parseServiceState, type ParsedServiceState } from './service-state';
export { parseOemCodePage } from './oem-code-page';
export { parseScheduledTaskXml, type ParsedTaskDefinition } from './scheduled-task';
