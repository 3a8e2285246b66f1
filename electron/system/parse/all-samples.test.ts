/**
 * Every captured sample against every parser: a parser must find something only in the output of its
 * own command (no false positives from other commands' text), and no parser may throw on any of them.
 * A new sample in test/fixtures/windows-outputs/real fails this test until it is classified here.
 */
import { describe, expect, it } from 'vitest';
import {
  parseDynamicPortRange,
  parseExcludedRanges,
  parseNetstat,
  parseOemCodePage,
  parsePortProxyShow,
  parseServiceState,
  parseTasklist,
} from './index';
import { listFixtures, listRealSamples, readFixture, readRealSample } from '../../../test/helpers/sample-files';

type ParserName = 'excluded' | 'dynamic' | 'portproxy' | 'netstat' | 'tasklist' | 'service' | 'oemcp';

const FINDS_SOMETHING: Record<ParserName, (text: string) => boolean> = {
  excluded: (text) => parseExcludedRanges(text).length > 0,
  dynamic: (text) => parseDynamicPortRange(text) !== null,
  portproxy: (text) => parsePortProxyShow(text).length > 0,
  netstat: (text) => parseNetstat(text).length > 0,
  tasklist: (text) => parseTasklist(text).length > 0,
  service: (text) => parseServiceState(text) !== 'unknown',
  oemcp: (text) => parseOemCodePage(text) !== null,
};

const parsersFindingSomething = (text: string): ParserName[] =>
  (Object.keys(FINDS_SOMETHING) as ParserName[]).filter((name) => FINDS_SOMETHING[name](text));

/** Which parsers find something in each shared sample; the exact values are in each parser's test. */
const SHARED_CLASSIFICATION: Record<string, ParserName[]> = {
  'advfirewall-show-rule.en.1-rem-prefixed.txt': [],
  'dynamicport-tcp.en.1-interactive-netsh.txt': ['dynamic'],
  'dynamicport-tcp.zh-CN.1.txt': ['dynamic'],
  'error-elevation-advfirewall-add.en.1.txt': [],
  'error-invalid-argument-exit0.en.1-fragment.txt': [],
  'excludedportrange-tcp.de.1.txt': ['excluded'],
  'excludedportrange-tcp.de.2.txt': ['excluded'],
  'excludedportrange-tcp.de.3.txt': ['excluded'],
  'excludedportrange-tcp.en.1.txt': ['excluded'],
  'excludedportrange-tcp.en.2.txt': ['excluded'],
  'excludedportrange-tcp.en.3.txt': ['excluded'],
  'excludedportrange-tcp.en.4-no-administered.txt': ['excluded'],
  'excludedportrange-tcp.en.5.txt': ['excluded'],
  'excludedportrange-tcp.en.7-trailing-spaces.txt': ['excluded'],
  'excludedportrange-tcp.en.8-empty-testfixture.txt': [],
  'excludedportrange-tcp.ko.1.txt': ['excluded'],
  'excludedportrange-tcp.ko.2.txt': ['excluded'],
  'excludedportrange-tcp.ko.3.txt': ['excluded'],
  'excludedportrange-tcp.ko.4.txt': ['excluded'],
  'excludedportrange-tcp.ko.5-fragment.txt': ['excluded'],
  'excludedportrange-tcp.zh-CN.1.txt': ['excluded'],
  'excludedportrange-tcp.zh-CN.2-annotated.txt': ['excluded'],
  'excludedportrange-tcp.zh-CN.3-fragment.txt': ['excluded'],
  'excludedportrange-tcp.zh-CN.5.txt': ['excluded'],
  'excludedportrange-tcp.zh-CN.6.txt': ['excluded'],
  'excludedportrange-tcp.zh-CN.8-empty.txt': [],
  'get-nettcpconnection-table.en.1.txt': [],
  'net-stop-invalid-service-name.ko.1.txt': [],
  'net-stop-start-usermode-service.ko.1.txt': [],
  'net-stop-start-winnat.en.1.txt': [],
  'net-stop-start-winnat.en.2.txt': [],
  'net-stop-start-winnat.ko.1.txt': [],
  'net-stop-start-winnat.ko.2.txt': [],
  'net-stop-usermode-service-json-crlf.ko.1.txt': [],
  'netstat-abon.en.2-fragment.txt': ['netstat'],
  'netstat-an.de.1-cp850-mojibake-fragment.txt': ['netstat'],
  'netstat-ano-p-tcp.ko.1-fragment.txt': ['netstat'],
  'netstat-ano.zh-CN.1-fragment.txt': ['netstat'],
  'netstat-anob-more.en.1.txt': ['netstat'],
  'netstat-anp-find.en.1.txt': ['netstat'],
  'netstat-nao-findstr.ko.1.txt': ['netstat'],
  'portproxy-show-all.en.1.txt': ['portproxy'],
  'portproxy-show-all.ko.1.txt': ['portproxy'],
  'portproxy-show-and-netstat.zh-CN.3-script-log.txt': ['portproxy', 'netstat'],
  'portproxy-show-v4tov4.en.2.txt': ['portproxy'],
  'portproxy-show-v4tov4.ko.1.txt': ['portproxy'],
  'registry-portproxy-yarp-json.en.1.txt': [],
  'sc-create-start-kernel-driver.en.1-analog.txt': ['service'],
  'session-excludedportrange-winnat-restart.ko.1.txt': ['excluded'],
  'session-excludedportrange.zh-CN.4.txt': ['excluded'],
  'session-portproxy-add-show-delete.zh-CN.1-indented.txt': ['portproxy'],
  'session-portproxy-add-show.ko.1.txt': ['portproxy'],
  'session-portproxy-readd-show.ko.1-redacted.txt': ['portproxy'],
  'session-setdynamic-regadd-excludedportrange.ko.1.txt': ['excluded'],
  'session-winnat-notstarted-accessdenied-netstat-taskkill.en.1.txt': ['netstat'],
  'session-winnat-stop-add-start.en.1-annotated.txt': ['excluded'],
  'set-dynamicport.zh-CN.1.txt': [],
  'taskkill.ko.1.txt': [],
};

/** The same for the project's own fixtures, by file name prefix. */
const FIXTURE_PARSER_BY_PREFIX: [prefix: string, parsers: ParserName[]][] = [
  ['excludedportrange-tcp.zh-CN.crlf-empty', []],
  ['excludedportrange-', ['excluded']],
  ['dynamicport-', ['dynamic']],
  ['portproxy-show-all.en.crlf-empty', []],
  ['portproxy-', ['portproxy']],
  ['netstat-', ['netstat']],
  ['tasklist-', ['tasklist']],
  ['sc-query-access-denied', []],
  ['sc-query-', ['service']],
  ['reg-query-oemcp', ['oemcp']],
];

describe('all shared samples through all parsers', () => {
  it('classifies every sample in the folder', () => {
    expect(listRealSamples()).toEqual(Object.keys(SHARED_CLASSIFICATION).sort());
  });

  it.each(Object.entries(SHARED_CLASSIFICATION))('%s', (file, parsers) => {
    expect(parsersFindingSomething(readRealSample(file))).toEqual(parsers);
  });
});

describe('all project fixtures through all parsers', () => {
  it.each(listFixtures())('%s', (file) => {
    const expected = FIXTURE_PARSER_BY_PREFIX.find(([prefix]) => file.startsWith(prefix))?.[1];
    expect(expected, `${file} is not classified`).toBeDefined();
    expect(parsersFindingSomething(readFixture(file))).toEqual(expected);
  });
});
