/**
 * `reg query HKLM\SYSTEM\CurrentControlSet\Control\Nls\CodePage /v OEMCP`:
 *
 *   HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\Nls\CodePage
 *       OEMCP    REG_SZ    949
 *
 * The value name and the REG_SZ type token are not localized; the data is the code page number.
 */
import { cleanLines } from './lines';
import { neverThrow } from './never-throw';

const OEMCP_VALUE = /^OEMCP\s+REG_SZ\s+([0-9]{1,5})$/i;

const parse = (text: string): number | null => {
  for (const line of cleanLines(text)) {
    const digits = OEMCP_VALUE.exec(line)?.[1];
    if (digits !== undefined && Number(digits) > 0 && Number(digits) <= 65_535) return Number(digits);
  }
  return null;
};

/** The OEM code page, or null when the text has no valid OEMCP value; never throws. */
export const parseOemCodePage = neverThrow(parse, () => null);
