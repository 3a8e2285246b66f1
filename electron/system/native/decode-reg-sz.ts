/**
 * REG_SZ data as RegEnumValueW returns it. Page "RegQueryValueExW function (winreg.h)": "If the data has
 * the REG_SZ ... type, the string may not have been stored with the proper terminating null characters",
 * so the data is read up to the first NUL or its end, whichever comes first; an odd byte count (a writer
 * that counted bytes wrongly) loses its last half code unit.
 */
import { readUtf16z } from './utf16';

/** `byteLength` is the lpcbData the API reported (the buffer itself is usually larger). */
export const decodeRegSz = (data: Uint8Array, byteLength: number = data.byteLength): string =>
  readUtf16z(data, 0, Math.max(0, Math.min(byteLength, data.byteLength)));
