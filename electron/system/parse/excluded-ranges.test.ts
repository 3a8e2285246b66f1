import { describe, expect, it } from 'vitest';
import { parseExcludedRanges } from './index';
import { ranges } from '../../../test/helpers/sample-expectations';
import { readFixture, readRealSample } from '../../../test/helpers/sample-files';

/** Every shared sample that holds an excluded-range table, with every row it must yield. */
const SHARED_EXPECTED: Record<string, string> = {
  'excludedportrange-tcp.de.1.txt':
    '28380-28380 28385-28385 49711-49810 49811-49910 49911-50010 50111-50210 50211-50310 51099-51198',
  'excludedportrange-tcp.de.2.txt': '28380-28380 28385-28385',
  'excludedportrange-tcp.de.3.txt':
    '28380-28380 28385-28385 49708-49807 49808-49907 50000-50000* 50001-50100 50101-50200 50201-50300 50301-50400',
  'excludedportrange-tcp.en.1.txt':
    '5985-5985 47001-47001 49673-49772 50000-50059* 50060-50159 50164-50263 50366-50465 50466-50565 50566-50665 53286-53385 53386-53485',
  'excludedportrange-tcp.en.2.txt':
    '1583-1682 1683-1782 2480-2579 4492-4591 5357-5357 5614-5713 5834-5933 5940-6039 6045-6144 6276-6375 6491-6590 6897-6996 7003-7102 28385-28385 50000-50059*',
  'excludedportrange-tcp.en.3.txt':
    '5357-5357 50000-50059* 51940-52039 52040-52139 55954-56053 56054-56153 56154-56253 56254-56353 56354-56453 56454-56553 56654-56753 56754-56853 56854-56953 56954-57053 57054-57153 57154-57253',
  'excludedportrange-tcp.en.4-no-administered.txt':
    '49705-49804 49805-49904 49905-50004 50005-50104 50164-50263 50264-50363 50563-50662',
  'excludedportrange-tcp.en.5.txt':
    '1061-1160 1161-1260 1261-1360 1361-1460 1461-1560 1561-1660 1661-1760 1761-1860 2919-3018 5357-5357 14522-14621 50000-50059*',
  'excludedportrange-tcp.en.7-trailing-spaces.txt':
    '80-80 443-443 2323-2323 5357-5357 49286-49385 49737-49836 50000-50059* 50160-50259 50260-50359 51466-51565 56760-56859',
  'excludedportrange-tcp.en.8-empty-testfixture.txt': '',
  'excludedportrange-tcp.ko.1.txt':
    '1074-1173 1174-1273 1374-1473 1474-1573 1574-1673 1942-2041 2869-2869 5357-5357 11324-11423 11424-11523 12424-12523 12524-12623 12708-12807 12808-12907 14777-14876 14877-14976 50000-50059*',
  'excludedportrange-tcp.ko.2.txt': '2869-2869 5357-5357 50000-50059*',
  // `2180 2279\t# 여기!!`: the author's comment after a real row; the row counts.
  'excludedportrange-tcp.ko.3.txt':
    '1125-1224 1688-1787 1788-1887 2180-2279 2869-2869 4948-5047 5048-5147 5357-5357 6788-6887 6889-6988 11504-11603 11665-11764 12096-12195 12255-12354 49669-49768 49769-49868 50000-50059*',
  'excludedportrange-tcp.ko.4.txt':
    '5564-5663 8698-8797 8798-8897 8898-8997 9037-9136 9137-9236 27339-27339 50000-50059*',
  'excludedportrange-tcp.ko.5-fragment.txt':
    '1461-1560 1661-1760 1861-1960 4513-4612 4717-4816 4838-4937 27339-27339 50000-50059*',
  'excludedportrange-tcp.zh-CN.1.txt':
    '1026-1125 1126-1225 1226-1325 1326-1425 1461-1560 1652-1751 5357-5357 13342-13441 13442-13541 13542-13641 13642-13741 13763-13862 13863-13962 50000-50059*',
  // `*    10976  11075`: the author's leading highlight; the row counts and is NOT administered.
  'excludedportrange-tcp.zh-CN.2-annotated.txt':
    '1044-1143 1144-1243 1244-1343 1344-1443 1457-1556 1842-1941 2666-2765 10776-10875 10876-10975 10976-11075 11076-11175 11176-11275 11276-11375 11376-11475 50000-50059* 54288-54288',
  'excludedportrange-tcp.zh-CN.3-fragment.txt': '1026-1125 1226-1325 1326-1425 1426-1525 1526-1625 2180-2279',
  'excludedportrange-tcp.zh-CN.5.txt': '5357-5357 8884-8884 50000-50059*',
  'excludedportrange-tcp.zh-CN.6.txt':
    '2126-2225 4217-4316 5354-5453 8915-9014 9081-9180 9498-9597 11751-11850 50000-50059*',
  'excludedportrange-tcp.zh-CN.8-empty.txt': '',
  // Two tables (before and after `net stop/start winnat`): the last one is the current state.
  'session-excludedportrange-winnat-restart.ko.1.txt': '50000-50059*',
  'session-excludedportrange.zh-CN.4.txt':
    '5357-5357 49702-49801 49802-49901 49902-50001 50051-50051* 50052-50151 50152-50251 50252-50351 50352-50451 50465-50564 50911-51010',
  'session-setdynamic-regadd-excludedportrange.ko.1.txt':
    '20238-20337 20338-20437 25239-25338 25339-25438 39091-39091 39721-39721 47166-47265 47678-47777 50000-50059* 50195-50294',
  // ` (My precious!!!)` after the `*` is the author's.
  'session-winnat-stop-add-start.en.1-annotated.txt': '80-80 1433-1433* 5357-5357 9001-9001',
};

describe('parseExcludedRanges on the real captures', () => {
  it.each(Object.entries(SHARED_EXPECTED))('%s', (file, expected) => {
    expect(parseExcludedRanges(readRealSample(file))).toEqual(ranges(expected));
  });

  it('reads the CRLF form of every sample the same way', () => {
    for (const [file, expected] of Object.entries(SHARED_EXPECTED)) {
      const crlf = readRealSample(file).replace(/\n/g, '\r\n');
      expect(parseExcludedRanges(crlf), file).toEqual(ranges(expected));
    }
  });
});

describe('parseExcludedRanges on the project fixtures', () => {
  it.each([
    ['excludedportrange-tcp.en.crlf-padded.txt', '80-80 1433-1433* 5357-5357 49690-49789 50000-50059* 50060-50159'],
    ['excludedportrange-udp.ko.crlf-padded.txt', '3544-3544 50000-50059* 61000-61099'],
    ['excludedportrange-tcp.de.crlf.txt', '28380-28380 50000-50000* 50001-50100'],
    ['excludedportrange-tcp.zh-CN.crlf-empty.txt', ''],
    ['excludedportrange-tcp.ja-style.crlf.txt', '1025-1124 2869-2869 8000-8000*'],
    ['excludedportrange-ipv6-tcp.en.lf-no-blank-lines.txt', '5357-5357 65435-65535'],
  ])('%s', (file, expected) => {
    expect(parseExcludedRanges(readFixture(file))).toEqual(ranges(expected));
  });
});

describe('parseExcludedRanges edge cases', () => {
  const table = (...rows: string[]): string =>
    [
      'Protocol tcp Port Exclusion Ranges',
      '',
      'Start Port    End Port',
      '----------    --------',
      ...rows,
      '',
      '* - x.',
    ].join('\r\n');

  it('reads rows without any header (trimmed copy)', () => {
    expect(parseExcludedRanges('  1000  1099\n  2000  2000     *\n')).toEqual(ranges('1000-1099 2000-2000*'));
  });

  it('rejects rows that are not ranges: start after end, port 0 or above 65535, a third number', () => {
    expect(parseExcludedRanges(table('  200  100', '  0  10', '  65535  65536', '  10  20  30', '  40  50'))).toEqual(
      ranges('40-50'),
    );
  });

  it('stops a table at the next prompt so later numbers are not rows', () => {
    expect(parseExcludedRanges(`${table('  5357  5357')}\r\nC:\\>echo 1 2\r\n1 2\r\n`)).toEqual(ranges('5357-5357'));
  });

  it('strips a script-log tag and indentation', () => {
    expect(parseExcludedRanges('[verify] ----------    --------\n[verify]      50000       50059     *\n')).toEqual(
      ranges('50000-50059*'),
    );
  });

  it('returns [] for text of other commands and for garbage', () => {
    expect(parseExcludedRanges('The requested operation requires elevation (Run as administrator).\r\n')).toEqual([]);
    expect(parseExcludedRanges('')).toEqual([]);
    expect(parseExcludedRanges(undefined as unknown as string)).toEqual([]);
  });
});
