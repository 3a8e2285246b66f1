import { describe, expect, it } from 'vitest';
import { decodeConsoleOutput, encodeConsoleOutput, iconvEncodingFor } from './console-encoding';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

describe('console encoding', () => {
  it('round-trips the Korean excluded-range footer through CP949', () => {
    const text = '* - 관리 포트 제외입니다.\r\n';
    const encoded = encodeConsoleOutput(text, 949);
    // 관 is 0xB0 0xFC in CP949: two bytes per Hangul syllable, not UTF-8's three.
    expect([...encoded.slice(4, 6)]).toEqual([0xb0, 0xfc]);
    expect(decodeConsoleOutput(encoded, 949)).toBe(text);
  });

  it('decodes German ABHÖREN from CP850 (Ö is 0x99) instead of the ABH™REN mojibake', () => {
    expect(decodeConsoleOutput(bytes(0x41, 0x42, 0x48, 0x99, 0x52, 0x45, 0x4e), 850)).toBe('ABHÖREN');
    expect(decodeConsoleOutput(bytes(0x41, 0x42, 0x48, 0x99, 0x52, 0x45, 0x4e), 1252)).toBe('ABH™REN');
    expect(decodeConsoleOutput(encodeConsoleOutput('LETZTE_BESTÄTIGUNG', 850), 850)).toBe('LETZTE_BESTÄTIGUNG');
  });

  it('round-trips zh-CN text through CP936', () => {
    const text = '协议 tcp 端口排除范围\r\n开始端口    结束端口\r\n* - 管理的端口排除。';
    const encoded = encodeConsoleOutput(text, 936);
    expect([...encoded.slice(0, 2)]).toEqual([0xd0, 0xad]); // 协
    expect(decodeConsoleOutput(encoded, 936)).toBe(text);
  });

  it('round-trips Japanese (CP932), Traditional Chinese (CP950), Cyrillic (CP866) and UTF-8', () => {
    for (const [text, codePage] of [
      ['プロトコル tcp ポート除外範囲', 932],
      ['通訊協定 tcp 連接埠排除範圍', 950],
      ['Диапазоны исключенных портов', 866],
      ['Łódź 852', 852],
      ['déjà vu', 437],
      ['mixed 관리 协议 ✓', 65001],
    ] as const) {
      expect(decodeConsoleOutput(encodeConsoleOutput(text, codePage), codePage)).toBe(text);
    }
  });

  it('decodes a view into a larger buffer without reading outside it', () => {
    const backing = Uint8Array.from([0x58, 0x4f, 0x4b, 0x58]);
    expect(decodeConsoleOutput(backing.subarray(1, 3), 437)).toBe('OK');
  });

  it('falls back to UTF-8 for a code page iconv-lite does not know', () => {
    expect(iconvEncodingFor(12345)).toBe('utf8');
    expect(iconvEncodingFor(Number.NaN)).toBe('utf8');
    expect(iconvEncodingFor(-1)).toBe('utf8');
    expect(decodeConsoleOutput(encodeConsoleOutput('50000 50059 * 관리', 65001), 12345)).toBe('50000 50059 * 관리');
  });

  it('uses other OEM code pages iconv-lite knows (857 Turkish)', () => {
    expect(iconvEncodingFor(857)).toBe('cp857');
  });

  it('reads UTF-8 first: a console switched to 65001 writes UTF-8 although the OEM code page is 949 or 850', () => {
    for (const [text, codePage] of [
      ['수신 대기', 949],
      ['ABHÖREN', 850],
      ['侦听', 936],
    ] as const) {
      const utf8 = new Uint8Array(Buffer.from(text, 'utf8'));
      expect(decodeConsoleOutput(utf8, codePage)).toBe(text);
    }
  });

  it('falls back to the OEM code page when the bytes are not valid UTF-8', () => {
    for (const [text, codePage] of [
      ['수신 대기', 949],
      ['ABHÖREN', 850],
      ['侦听', 936],
      ['プロトコル', 932],
    ] as const) {
      expect(decodeConsoleOutput(encodeConsoleOutput(text, codePage), codePage)).toBe(text);
    }
  });
});
