/**
 * wsl.exe argv. Every line is fixed except the distro name, which is validated (DISTRO_NAME_PATTERN)
 * and checked against the installed list before it gets here; it stands after `-d`, and the pattern
 * refuses a leading `-`, so it can never become an option. No shell: argv goes to System32\wsl.exe.
 */
import { DISTRO_NAME_PATTERN } from '../../../shared/validate';
import type { CommandLine } from '../commands';

/** `wsl.exe --list --verbose`: NAME, STATE, VERSION (UTF-16LE; decoded by console-encoding.ts). */
export const listDistros = (): CommandLine => ({ command: 'wsl', args: ['--list', '--verbose'] });

/**
 * eth0's IPv4 address inside the distro. Only ever run for a distro the list showed Running: wsl.exe
 * would start a stopped one, and Portwarden must not start a user's distro behind their back.
 */
export const readDistroAddress = (distro: string): CommandLine => {
  if (!DISTRO_NAME_PATTERN.test(distro)) throw new Error('readDistroAddress: not a validated distro name');
  return { command: 'wsl', args: ['-d', distro, '-e', 'ip', '-4', '-o', 'addr', 'show', 'eth0'] };
};
