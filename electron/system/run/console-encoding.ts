/**
 * Console output is written in the OEM code page (docs/architecture.md §1: CP949 Korean, CP936 Chinese, CP932
 * Japanese, CP850/CP437 Western), not UTF-8 and not the ANSI code page; decoding it with the wrong one
 * turns German `ABHÖREN` into `ABH™REN` (netstat-an.de.1-cp850-mojibake-fragment.txt).
 */
import iconv from 'iconv-lite';

/** The code pages Windows ships as OEM code pages for the languages we target, by number. */
const ICONV_NAME_BY_CODE_PAGE: Readonly<Record<number, string>> = {
  437: 'cp437',
  850: 'cp850',
  852: 'cp852',
  866: 'cp866',
  932: 'cp932',
  936: 'cp936',
  949: 'cp949',
  950: 'cp950',
  1252: 'cp1252',
  65001: 'utf8',
};

const FALLBACK_ENCODING = 'utf8';

/**
 * The iconv-lite name for a code page. Other OEM code pages iconv-lite knows (737 Greek, 857 Turkish,
 * 862 Hebrew, 874 Thai...) are used as `cp<n>`; a code page it does not know falls back to UTF-8, which
 * keeps ASCII (every number, address and `*` the parsers need) intact whatever the real code page is.
 */
export const iconvEncodingFor = (codePage: number): string => {
  const known = ICONV_NAME_BY_CODE_PAGE[codePage];
  if (known) return known;
  const generic = `cp${codePage}`;
  return Number.isInteger(codePage) && codePage > 0 && iconv.encodingExists(generic) ? generic : FALLBACK_ENCODING;
};

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Strict UTF-8 first, then the OEM code page. A console whose code page was switched to 65001
 * (HKCU\Console\<title>\CodePage, `chcp 65001` in an AutoRun script, the "Beta: Use Unicode UTF-8"
 * system setting) makes the tools write UTF-8 although the OEM code page is still 949 or 850, and
 * decoding that as CP949 garbles every non-ASCII character. Real OEM text is almost never valid UTF-8
 * (CP850's `Ö` is a lone 0x99; CP949's lead bytes 0xB0-0xC8 are UTF-8 continuation or invalid bytes),
 * so a strict decode that succeeds means UTF-8; ASCII decodes the same either way.
 */
export const decodeConsoleOutput = (bytes: Uint8Array, codePage: number): string => {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    return strictUtf8.decode(buffer);
  } catch {
    return iconv.decode(buffer, iconvEncodingFor(codePage));
  }
};

/** The inverse, for the simulator, which hands the runner's consumers bytes as a real console would. */
export const encodeConsoleOutput = (text: string, codePage: number): Uint8Array =>
  new Uint8Array(iconv.encode(text, iconvEncodingFor(codePage)));

/**
 * wsl.exe writes its own messages (`-l -v`, errors) as UTF-16LE without a BOM, whatever the console
 * code page, while a command it runs inside a distro (`-e ip ...`) writes the distro's UTF-8 bytes.
 * So its output is told apart by shape: a BOM, or NUL high bytes on most of the ASCII characters
 * (every name, state and digit wsl.exe prints is ASCII, and UTF-8 text from Linux has no NULs).
 */
export const looksLikeUtf16le = (bytes: Uint8Array): boolean => {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return true;
  if (bytes.length < 2) return false;
  let pairs = 0;
  let nulHigh = 0;
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    pairs++;
    if (bytes[i + 1] === 0 && bytes[i] !== 0) nulHigh++;
  }
  return nulHigh * 2 >= pairs;
};

export const decodeWslOutput = (bytes: Uint8Array): string => {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!looksLikeUtf16le(bytes)) return buffer.toString('utf8');
  const start = buffer[0] === 0xff && buffer[1] === 0xfe ? 2 : 0;
  return buffer.subarray(start, start + ((buffer.length - start) & ~1)).toString('utf16le');
};

/**
 * How each command's output is decoded: wsl.exe by its own rule; schtasks by shape, since
 * `/Query /XML` writes UTF-16LE (a path outside the OEM code page survives) while its messages are
 * console text; everything else strict UTF-8, then the OEM code page.
 */
export const decodeCommandOutput = (command: string, bytes: Uint8Array, codePage: number): string => {
  if (command === 'wsl') return decodeWslOutput(bytes);
  if (command === 'schtasks' && looksLikeUtf16le(bytes)) return decodeWslOutput(bytes);
  return decodeConsoleOutput(bytes, codePage);
};
