import { describe, expect, it } from 'vitest';
import { parseScheduledTask } from './scheduled-task';

const CMD = '"C:\\Program Files\\Portwarden\\Portwarden.exe" --hidden';
const VALUES = [
  'DESKTOP-7Q',
  '\\Portwarden',
  'N/A',
  'Ready',
  'Interactive/Background',
  '11/30/1999 12:00:00 AM',
  '267011',
  'DESKTOP-7Q\\admin',
  CMD,
  'N/A',
  'N/A',
  'Enabled',
];

describe('parseScheduledTask', () => {
  it('reads a CSV /NH row with raw embedded quotes (as schtasks writes them)', () => {
    const text = `${VALUES.map((v) => `"${v}"`).join(',')}\r\n`;
    expect(parseScheduledTask(text)).toEqual({ taskPath: '\\Portwarden', commandLine: CMD });
  });

  it('reads a CSV row after a localized header, with doubled quotes too', () => {
    const header = '"호스트 이름","작업 이름","다음 실행 시간","상태","로그온 모드","마지막 실행 시간","마지막 결과","만든 이","실행할 작업"';
    const row = VALUES.map((v) => `"${v.replaceAll('"', '""')}"`).join(',');
    expect(parseScheduledTask(`${header}\r\n${row}\r\n`)).toEqual({ taskPath: '\\Portwarden', commandLine: CMD });
  });

  it('reads a LIST block by position, whatever the labels say (Folder line, colons in values)', () => {
    const labels = ['호스트 이름', '작업 이름', '다음 실행 시간', '상태', '로그온 모드', '마지막 실행 시간', '마지막 결과', '만든 이', '실행할 작업', '시작 위치', '설명', '상태2'];
    const text = ['', '폴더: \\', ...labels.map((label, i) => `${`${label}:`.padEnd(38)}${VALUES[i]}   `), ''].join('\r\n');
    expect(parseScheduledTask(text)).toEqual({ taskPath: '\\Portwarden', commandLine: CMD });
  });

  it('finds no task in an error, an empty answer, a header alone or garbage', () => {
    expect(parseScheduledTask('ERROR: The system cannot find the file specified.\r\n')).toBeNull();
    expect(parseScheduledTask('오류: 지정된 파일을 찾을 수 없습니다.\r\n')).toBeNull();
    expect(parseScheduledTask('')).toBeNull();
    expect(parseScheduledTask('"HostName","TaskName","Next Run Time","Status"\r\n')).toBeNull();
    expect(parseScheduledTask('\u0000\\\\"",,,')).toBeNull();
    expect(parseScheduledTask(42 as unknown as string)).toBeNull();
  });
});
