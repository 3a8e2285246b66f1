/**
 * Renders excluded ranges the way netsh prints them, for round-trip properties. Column widths and the
 * six-space padding to the `*` column follow excludedportrange-tcp.en.7-trailing-spaces.txt; the Korean
 * texts follow the ko samples.
 */
import type { ParsedExcludedRange } from '../index';

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
      ({ start, end, administered }) => `${String(start).padStart(10)}${String(end).padStart(12)}${administered ? '     *' : pad}`,
    ),
    '',
    texts.footer,
    '',
  ];
  return lines.join(style.newline);
};
