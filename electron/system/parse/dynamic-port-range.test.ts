import { describe, expect, it } from 'vitest';
import { parseDynamicPortRange } from './index';
import { readFixture, readRealSample } from '../../../test/helpers/sample-files';

describe('parseDynamicPortRange on the real captures', () => {
  it.each([
    // Interactive `netsh>` prompts around the output; the range starts at 1024 (the bad case).
    ['dynamicport-tcp.en.1-interactive-netsh.txt', { start: 1024, count: 64511 }],
    ['dynamicport-tcp.zh-CN.1.txt', { start: 49152, count: 16383 }],
    // `set dynamicport` prints only `确定。`: no range.
    ['set-dynamicport.zh-CN.1.txt', null],
    // `netsh advfirewall` listings have `LocalPort: 3389` lines, never two adjacent ones.
    ['advfirewall-show-rule.en.1-rem-prefixed.txt', null],
    ['excludedportrange-tcp.en.1.txt', null],
  ])('%s', (file, expected) => {
    expect(parseDynamicPortRange(readRealSample(file))).toEqual(expected);
    expect(parseDynamicPortRange(readRealSample(file).replace(/\n/g, '\r\n'))).toEqual(expected);
  });
});

describe('parseDynamicPortRange on the project fixtures', () => {
  it.each([
    ['dynamicport-tcp.en.crlf.txt', { start: 49152, count: 16384 }],
    ['dynamicport-udp.ko-style.crlf.txt', { start: 1024, count: 64512 }],
    ['dynamicport-tcp.ja-style.crlf-fullwidth-colon.txt', { start: 10000, count: 5000 }],
  ])('%s', (file, expected) => {
    expect(parseDynamicPortRange(readFixture(file))).toEqual(expected);
  });
});

describe('parseDynamicPortRange edge cases', () => {
  const output = (start: string, count: string): string =>
    `Protocol tcp Dynamic Port Range\r\n---------------------------------\r\nStart Port      : ${start}\r\nNumber of Ports : ${count}\r\n`;

  it('takes the last range of a session holding several outputs', () => {
    expect(
      parseDynamicPortRange(
        `${output('1024', '64511')}\r\nC:\\>netsh int ipv4 show dyn tcp\r\n${output('49152', '16384')}`,
      ),
    ).toEqual({ start: 49152, count: 16384 });
  });

  it('returns null for ranges that overflow the port space or are not numbers', () => {
    expect(parseDynamicPortRange(output('60000', '10000'))).toBeNull();
    expect(parseDynamicPortRange(output('0', '100'))).toBeNull();
    expect(parseDynamicPortRange(output('1024', '-5'))).toBeNull();
  });

  it('returns null for error text and garbage', () => {
    expect(parseDynamicPortRange('The requested operation requires elevation (Run as administrator).')).toBeNull();
    expect(parseDynamicPortRange('')).toBeNull();
    expect(parseDynamicPortRange(null as unknown as string)).toBeNull();
  });
});
