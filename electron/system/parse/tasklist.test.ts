import { describe, expect, it } from 'vitest';
import { parseCsvLine } from './csv-line';
import { parseTasklist } from './index';
import { readFixture, readRealSample } from '../../../test/helpers/sample-files';

describe('parseTasklist on the project fixtures', () => {
  it('reads images, pids and service lists; N/A is no services', () => {
    expect(parseTasklist(readFixture('tasklist-svc.en.crlf.txt'))).toEqual([
      { image: 'System Idle Process', pid: 0, services: [] },
      { image: 'System', pid: 4, services: [] },
      {
        image: 'svchost.exe',
        pid: 1240,
        services: ['BrokerInfrastructure', 'DcomLaunch', 'PlugPlay', 'Power', 'SystemEventsBroker'],
      },
      { image: 'svchost.exe', pid: 3052, services: ['iphlpsvc'] },
      { image: 'svchost.exe', pid: 4456, services: ['CDPSvc'] },
      { image: 'svchost.exe', pid: 5120, services: ['CDPUserSvc_4a2b3c'] },
      { image: 'sqlservr.exe', pid: 6200, services: ['MSSQL$SQLEXPRESS'] },
      { image: 'wslrelay.exe', pid: 7340, services: [] },
      { image: 'com.docker.backend.exe', pid: 6112, services: [] },
    ]);
  });

  it('treats a localized "not applicable" (Spanish `No disponible`) as no services', () => {
    expect(parseTasklist(readFixture('tasklist-svc.es-style.crlf.txt'))).toEqual([
      { image: 'System Idle Process', pid: 0, services: [] },
      { image: 'svchost.exe', pid: 1240, services: ['BrokerInfrastructure', 'DcomLaunch'] },
      { image: 'explorer.exe', pid: 5896, services: [] },
    ]);
  });
});

describe('parseTasklist edge cases', () => {
  it('handles quotes doubled inside fields and commas inside quotes', () => {
    expect(parseTasklist('"my ""quoted"", app.exe","77","N/A"\n')).toEqual([
      { image: 'my "quoted", app.exe', pid: 77, services: [] },
    ]);
  });

  it('skips a header, INFO messages, blank lines and rows without a numeric pid', () => {
    const text = [
      '"Image Name","PID","Services"',
      '',
      'INFO: No tasks are running which match the specified criteria.',
      '"bad.exe","12a","N/A"',
      '"","5","N/A"',
      '"ok.exe","5","Svc1,Svc2"',
    ].join('\r\n');
    expect(parseTasklist(text)).toEqual([{ image: 'ok.exe', pid: 5, services: ['Svc1', 'Svc2'] }]);
  });

  it('accepts `/fo csv` rows without `/svc` (five fields) with no services', () => {
    expect(parseTasklist('"chrome.exe","8120","Console","1","312,400 K"\r\n')).toEqual([
      { image: 'chrome.exe', pid: 8120, services: [] },
    ]);
  });

  it('rejects service fields with spaces, slashes or empty names', () => {
    expect(
      parseTasklist('"a.exe","1","Nicht zutreffend"\n"b.exe","2","Н/Д"\n"c.exe","3","A,,B"\n"d.exe","4",""'),
    ).toEqual([
      { image: 'a.exe', pid: 1, services: [] },
      { image: 'b.exe', pid: 2, services: [] },
      { image: 'c.exe', pid: 3, services: [] },
      { image: 'd.exe', pid: 4, services: [] },
    ]);
  });

  it('returns [] for garbage', () => {
    expect(parseTasklist('"""""",,,\n\u0000')).toEqual([]);
    expect(parseTasklist(undefined as unknown as string)).toEqual([]);
  });
});

describe('parseCsvLine', () => {
  it('splits quoted and unquoted fields', () => {
    expect(parseCsvLine('"a","b ""c""",d,"e,f"')).toEqual(['a', 'b "c"', 'd', 'e,f']);
    expect(parseCsvLine('')).toEqual(['']);
  });
});

describe('parseTasklist on the real captures', () => {
  // SOURCES.md §6: no real `tasklist /fo csv /nh /svc` capture exists. The table output of other
  // commands must not be mistaken for CSV rows.
  it.each([
    'taskkill.ko.1.txt',
    'session-winnat-notstarted-accessdenied-netstat-taskkill.en.1.txt',
    'netstat-anob-more.en.1.txt',
  ])('%s has no tasklist rows', (file) => {
    expect(parseTasklist(readRealSample(file))).toEqual([]);
  });
});
