/**
 * `sc query <name>`. No real `sc query winnat` capture exists; the block follows `sc start` on a kernel
 * driver (sc-create-start-kernel-driver.en.1-analog.txt) without the PID/FLAGS lines that only
 * `sc start`/`sc queryex` print. sc's field labels are not localized; the 1060 message is.
 */
import { stdoutOf, type SimOutput } from './output';
import type { Machine, SimService } from './state';
import type { Texts } from './texts';

const FIELD = (label: string, value: string): string => `        ${label.padEnd(19)}: ${value}`;

const queryBlock = (name: string, service: SimService): string[] => {
  const running = service.status === 'running';
  const flags = running
    ? service.kind === 'kernel-driver'
      ? '(STOPPABLE, NOT_PAUSABLE, IGNORES_SHUTDOWN)'
      : '(STOPPABLE, NOT_PAUSABLE, ACCEPTS_SHUTDOWN)'
    : '(NOT_STOPPABLE, NOT_PAUSABLE, IGNORES_SHUTDOWN)';
  return [
    '',
    `SERVICE_NAME: ${name}`,
    FIELD('TYPE', service.kind === 'kernel-driver' ? '1  KERNEL_DRIVER' : '20  WIN32_SHARE_PROCESS'),
    FIELD('STATE', running ? '4  RUNNING' : '1  STOPPED'),
    `${' '.repeat(32)}${flags}`,
    FIELD('WIN32_EXIT_CODE', '0  (0x0)'),
    FIELD('SERVICE_EXIT_CODE', '0  (0x0)'),
    FIELD('CHECKPOINT', '0x0'),
    FIELD('WAIT_HINT', '0x0'),
    '',
  ];
};

export const runSc = (machine: Machine, texts: Texts, args: readonly string[]): SimOutput => {
  const [verb = '', name = ''] = args;
  if (verb.toLowerCase() !== 'query' || !name) {
    return stdoutOf(1, [
      'ERROR:  Unrecognized command',
      '',
      'DESCRIPTION:',
      '        SC is a command line program used for communicating with the',
      '        Service Control Manager and services.',
      '',
    ]);
  }
  const service = machine.services[name.toLowerCase()];
  if (!service || service.status === 'absent') {
    // ERROR_SERVICE_DOES_NOT_EXIST: sc exits with the Win32 code itself.
    return stdoutOf(1060, ['[SC] EnumQueryServicesStatus:OpenService FAILED 1060:', '', texts.serviceDoesNotExist, '']);
  }
  // sc echoes the name as typed.
  return stdoutOf(0, queryBlock(name, service));
};
