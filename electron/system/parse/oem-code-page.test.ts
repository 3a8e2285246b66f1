import { describe, expect, it } from 'vitest';
import { parseOemCodePage } from './index';
import { readFixture } from '../../../test/helpers/sample-files';

describe('parseOemCodePage', () => {
  it.each([
    ['reg-query-oemcp.ko.crlf.txt', 949],
    ['reg-query-oemcp.en.crlf.txt', 437],
    ['reg-query-oemcp.de.crlf.txt', 850],
  ])('%s -> %d', (file, expected) => {
    expect(parseOemCodePage(readFixture(file))).toBe(expected);
  });

  it('reads the value line alone, with LF or tabs', () => {
    expect(parseOemCodePage('    OEMCP    REG_SZ    936')).toBe(936);
    expect(parseOemCodePage('\tOEMCP\tREG_SZ\t65001\n')).toBe(65001);
  });

  it('returns null for errors, other values and garbage', () => {
    expect(
      parseOemCodePage('ERROR: The system was unable to find the specified registry key or value.\r\n'),
    ).toBeNull();
    expect(parseOemCodePage('    ACP    REG_SZ    1252')).toBeNull();
    expect(parseOemCodePage('    OEMCP    REG_SZ    0')).toBeNull();
    expect(parseOemCodePage('    OEMCP    REG_SZ    99999')).toBeNull();
    expect(parseOemCodePage(null as unknown as string)).toBeNull();
  });
});
