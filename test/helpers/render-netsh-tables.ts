/**
 * netsh tables as text, for the parsers' round-trip properties. One renderer: the simulated Windows'
 * (electron/system/simulated-windows/render-netsh.ts), with the choices real copies differ in on top
 * (line ends; trailing padding, which text copied from web pages loses).
 */
import type { ParsedExcludedRange, ParsedPortProxyRule } from '../../electron/system/parse/index';
import { renderExcludedTable, renderPortProxy } from '../../electron/system/simulated-windows/render-netsh';
import { proxyKey, PORTPROXY_TYPES } from '../../electron/system/simulated-windows/state';
import { textsFor } from '../../electron/system/simulated-windows/texts';

export type TableLanguage = 'en' | 'ko';

export interface TableStyle {
  readonly language: TableLanguage;
  readonly newline: '\r\n' | '\n';
  /** netsh pads lines to the `*` column; copies from web pages lose it. */
  readonly padded: boolean;
  readonly protocol: 'tcp' | 'udp';
}

export const renderExcludedRangeTable = (rows: readonly ParsedExcludedRange[], style: TableStyle): string =>
  renderExcludedTable(textsFor(style.language), style.protocol, rows)
    .map((line) => (style.padded ? line : line.trimEnd()))
    .join(style.newline);

/** `netsh interface portproxy show all`: one section per type, in netsh's order of types. */
export const renderPortProxyShowAll = (
  rules: readonly ParsedPortProxyRule[],
  style: Pick<TableStyle, 'language' | 'newline'>,
): string =>
  renderPortProxy(
    textsFor(style.language),
    PORTPROXY_TYPES.map((type) => ({
      type,
      rules: Object.fromEntries(
        rules
          .filter((rule) => rule.type === type)
          .map((rule) => [
            proxyKey(rule.listenAddress, rule.listenPort),
            proxyKey(rule.connectAddress, rule.connectPort),
          ]),
      ),
    })),
  ).join(style.newline);
