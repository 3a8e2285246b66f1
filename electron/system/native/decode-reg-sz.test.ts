import { describe, expect, it } from 'vitest';
import { decodeRegSz } from './decode-reg-sz';

const utf16 = (text: string): Buffer => Buffer.from(text, 'utf16le');

describe('decodeRegSz', () => {
  it('reads data stored with its terminating NUL', () => {
    expect(decodeRegSz(utf16('192.168.1.5/22\0'))).toBe('192.168.1.5/22');
  });

  it('reads data stored without a terminating NUL', () => {
    expect(decodeRegSz(utf16('::1/8443'))).toBe('::1/8443');
  });

  it('drops a trailing odd byte', () => {
    expect(decodeRegSz(Buffer.concat([utf16('10.0.0.5/9000'), Buffer.from([0x41])]))).toBe('10.0.0.5/9000');
    expect(decodeRegSz(Buffer.from([0x41]))).toBe('');
  });

  it('stops at the first NUL', () => {
    expect(decodeRegSz(utf16('a/1\0junk\0'))).toBe('a/1');
  });

  it('reads only the reported byte length of a larger buffer', () => {
    const buffer = Buffer.concat([utf16('1.2.3.4/80'), utf16('left over from a longer value')]);
    expect(decodeRegSz(buffer, 20)).toBe('1.2.3.4/80');
    expect(decodeRegSz(buffer, 21)).toBe('1.2.3.4/80');
    expect(decodeRegSz(buffer, 10_000)).toBe('1.2.3.4/80left over from a longer value');
  });

  it('reads empty data as an empty string', () => {
    expect(decodeRegSz(Buffer.alloc(0))).toBe('');
    expect(decodeRegSz(utf16('\0'))).toBe('');
    expect(decodeRegSz(utf16('abc'), 0)).toBe('');
    expect(decodeRegSz(utf16('abc'), -4)).toBe('');
  });
});
