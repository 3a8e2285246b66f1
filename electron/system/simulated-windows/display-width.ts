/**
 * Console display width. Localized netsh tables are padded by display columns, not characters: in the
 * Korean portproxy header `주소            포트` each Hangul syllable takes 2 columns, so `주소` (4 columns)
 * is followed by 12 spaces to reach column 16, like `Address` + 9 (portproxy-show-v4tov4.ko.1.txt).
 */

const isWide = (codePoint: number): boolean =>
  (codePoint >= 0x1100 && codePoint <= 0x115f) || // Hangul Jamo
  (codePoint >= 0x2e80 && codePoint <= 0xa4cf) || // CJK radicals .. Yi, incl. ideographs and CJK punctuation (。)
  (codePoint >= 0xac00 && codePoint <= 0xd7a3) || // Hangul syllables
  (codePoint >= 0xf900 && codePoint <= 0xfaff) || // CJK compatibility ideographs
  (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
  (codePoint >= 0xff00 && codePoint <= 0xff60) || // full-width forms
  (codePoint >= 0xffe0 && codePoint <= 0xffe6);

export const displayWidth = (text: string): number => {
  let width = 0;
  for (const char of text) width += isWide(char.codePointAt(0) ?? 0) ? 2 : 1;
  return width;
};

export const padEndDisplay = (text: string, columns: number): string =>
  text + ' '.repeat(Math.max(0, columns - displayWidth(text)));

/** printf `%-Ns ` semantics: pad to N columns, but a longer value still gets one separating space. */
export const column = (text: string, columns: number): string =>
  displayWidth(text) >= columns ? `${text} ` : padEndDisplay(text, columns);
