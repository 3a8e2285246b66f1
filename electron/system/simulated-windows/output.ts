/**
 * Command results as the console sees them: every line ends in CRLF (the one byte-exact sample,
 * net-stop-usermode-service-json-crlf.ko.1.txt, ends `...\r\n\r\n`). Renderers return lines; a '' line
 * is a blank line.
 */

export interface SimOutput {
  exitCode: number;
  stdout: string;
  stderr: string;
  /**
   * How the process writes its bytes; default the console OEM code page. wsl.exe writes its own
   * messages as UTF-16LE and a distro's program as UTF-8 (console-encoding.ts decodeWslOutput).
   */
  encoding?: 'utf16le' | 'utf8';
}

export const crlf = (lines: readonly string[]): string => lines.map((line) => `${line}\r\n`).join('');

export const stdoutOf = (exitCode: number, lines: readonly string[]): SimOutput => ({
  exitCode,
  stdout: crlf(lines),
  stderr: '',
});

export const stderrOf = (exitCode: number, lines: readonly string[]): SimOutput => ({
  exitCode,
  stdout: '',
  stderr: crlf(lines),
});
