/** UTF-16LE text inside Win32 buffers (WCHAR strings). */

const UTF16LE = new TextDecoder('utf-16le');

/**
 * The WCHAR string at `offset`, up to its terminating NUL or `end` (exclusive), whichever comes first.
 * A trailing odd byte (half a code unit) is dropped; an unpaired surrogate becomes U+FFFD.
 */
export const readUtf16z = (bytes: Uint8Array, offset: number, end: number = bytes.byteLength): string => {
  const limit = Math.min(end, bytes.byteLength);
  let stop = offset;
  while (stop + 1 < limit && (bytes[stop] !== 0 || bytes[stop + 1] !== 0)) stop += 2;
  return stop > offset ? UTF16LE.decode(bytes.subarray(offset, stop)) : '';
};
