/**
 * Addresses the way `netstat -ano` prints them, so native rows equal parseNetstat rows.
 *
 * netstat formats IPv6 with the ntdll routine documented as "RtlIpv6AddressToStringExW function
 * (ip2string.h)": lower-case hex words without leading zeros, the longest run (two words or more; the
 * first one on a tie) of zero words replaced by `::`, a non-zero scope id appended as `%<id>`. The last
 * 32 bits are printed dotted-decimal for the forms that embed an IPv4 address: IPv4-mapped
 * (`::ffff:1.2.3.4`), IPv4-compatible (`::1.2.3.4`, but `::1` and `::` stay hex), IPv4-translated
 * (`::ffff:0:1.2.3.4`) and ISATAP interface ids (`fe80::5efe:1.2.3.4`, `...::200:5efe:1.2.3.4`).
 * parseNetstat drops the brackets netstat puts around an IPv6 endpoint, so these have none.
 */

/** Four bytes at `offset`, in network byte order (the order of `in_addr`), as dotted decimal. */
export const formatIpv4At = (bytes: Uint8Array, offset: number): string =>
  `${bytes[offset] ?? 0}.${bytes[offset + 1] ?? 0}.${bytes[offset + 2] ?? 0}.${bytes[offset + 3] ?? 0}`;

const wordAt = (bytes: Uint8Array, index: number): number =>
  ((bytes[index * 2] ?? 0) << 8) | (bytes[index * 2 + 1] ?? 0);

/** True when the last 32 bits are printed as an IPv4 address. */
const embedsIpv4 = (words: readonly number[]): boolean => {
  const [w0, w1, w2, w3, w4, w5, w6] = words;
  // ISATAP interface identifier: 0000:5efe or 0200:5efe (the universal/local bit), any prefix.
  if (w5 === 0x5efe && ((w4 ?? 0) & ~0x0200) === 0) return true;
  if (w0 !== 0 || w1 !== 0 || w2 !== 0 || w3 !== 0) return false;
  // `::`, `::1` and other addresses whose upper IPv4 half is zero stay hexadecimal.
  if (w6 === 0) return false;
  const compatible = w4 === 0 && w5 === 0;
  const mapped = w4 === 0 && w5 === 0xffff;
  const translated = w4 === 0xffff && w5 === 0;
  return compatible || mapped || translated;
};

/** The first longest run of two or more zero words among `words`, or null. */
const longestZeroRun = (words: readonly number[]): { start: number; length: number } | null => {
  let best: { start: number; length: number } | null = null;
  for (let index = 0; index < words.length;) {
    if (words[index] !== 0) {
      index += 1;
      continue;
    }
    const start = index;
    while (index < words.length && words[index] === 0) index += 1;
    const length = index - start;
    if (length >= 2 && (best === null || length > best.length)) best = { start, length };
  }
  return best;
};

/** Sixteen bytes at `offset` (an `IN6_ADDR`, network byte order) plus a scope id, as netstat prints them. */
export const formatIpv6At = (bytes: Uint8Array, offset: number, scopeId: number): string => {
  const view = bytes.subarray(offset, offset + 16);
  const allWords = Array.from({ length: 8 }, (_, index) => wordAt(view, index));
  const ipv4Tail = embedsIpv4(allWords);
  const words = ipv4Tail ? allWords.slice(0, 6) : allWords;
  const run = longestZeroRun(words);
  const hex = (part: readonly number[]): string => part.map((word) => word.toString(16)).join(':');

  let text =
    run === null ? hex(words) : `${hex(words.slice(0, run.start))}::${hex(words.slice(run.start + run.length))}`;
  if (ipv4Tail) text += `${text.endsWith(':') ? '' : ':'}${formatIpv4At(view, 12)}`;
  return scopeId === 0 ? text : `${text}%${scopeId >>> 0}`;
};
