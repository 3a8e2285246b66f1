/**
 * Renders excluded ranges the way netsh prints them, for round-trip properties. Column widths and the
 * six-space padding to the `*` column follow excludedportrange-tcp.en.7-trailing-spaces.txt; the Korean
 * texts follow the ko samples.
 */
import type { ParsedExcludedRange, ParsedPortProxyRule } from '../../electron/system/parse/index';

export type TableLanguage = 'en' | 'ko';

const TEXTS: Record<TableLanguage, { title: (protocol: string) => string; header: string; footer: string }> = {
  en: {
    title: (protocol) => `Protocol ${protocol} Port Exclusion Ranges`,
    header: 'Start Port    End Port',
    footer: '* - Administered port exclusions.',
  },
  ko: {
    title: (protocol) => `프로토콜 ${protocol} 포트 제외 범위`,
    header: '시작 포트    끝 포트',
    footer: '* - 관리 포트 제외입니다.',
  },
};

export interface TableStyle {
  readonly language: TableLanguage;
  readonly newline: '\r\n' | '\n';
  /** netsh pads lines to the `*` column; copies from web pages lose it. */
  readonly padded: boolean;
  readonly protocol: 'tcp' | 'udp';
}

export const renderExcludedRangeTable = (rows: readonly ParsedExcludedRange[], style: TableStyle): string => {
  const texts = TEXTS[style.language];
  const pad = style.padded ? '      ' : '';
  const lines = [
    '',
    texts.title(style.protocol),
    '',
    texts.header + pad,
    '----------    --------' + pad,
    ...rows.map(
      ({ start, end, administered }) =>
        `${String(start).padStart(10)}${String(end).padStart(12)}${administered ? '     *' : pad}`,
    ),
    '',
    texts.footer,
    '',
  ];
  return lines.join(style.newline);
};

const PORTPROXY_TITLES: Record<TableLanguage, (listen: string, connect: string) => string> = {
  en: (listen, connect) => `Listen on ${listen}:             Connect to ${connect}:`,
  ko: (listen, connect) => `${listen} 수신 대기:             ${connect}에 연결:`,
};

const PORTPROXY_HEADERS: Record<TableLanguage, string> = {
  en: 'Address         Port        Address         Port',
  ko: '주소            포트        주소            포트',
};

/** `netsh interface portproxy show all`: one section per type, laid out as portproxy-show-all.en.1.txt. */
export const renderPortProxyShowAll = (
  rules: readonly ParsedPortProxyRule[],
  style: Pick<TableStyle, 'language' | 'newline'>,
): string => {
  const types = [...new Set(rules.map((rule) => rule.type))];
  const lines = types.flatMap((type) => {
    const [listen = '', connect = ''] = type.split('to').map((v) => `ip${v}`);
    return [
      '',
      PORTPROXY_TITLES[style.language](listen, connect),
      '',
      PORTPROXY_HEADERS[style.language],
      '--------------- ----------  --------------- ----------',
      ...rules
        .filter((rule) => rule.type === type)
        .map(
          (rule) =>
            `${rule.listenAddress.padEnd(15)} ${String(rule.listenPort).padEnd(11)} ${rule.connectAddress.padEnd(15)} ${rule.connectPort}`,
        ),
    ];
  });
  return [...lines, ''].join(style.newline);
};
