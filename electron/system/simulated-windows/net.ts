/**
 * `net start|stop <service>` and `net session`. net.exe writes its errors to stderr and exits 2
 * (SOURCES.md §5). The order of checks follows session-winnat-notstarted-accessdenied-netstat-taskkill.en.1.txt:
 * unelevated, `net stop` of a stopped service still answers "is not started" (the state is checked
 * first), while `net start` of a stopped one is refused with System error 5.
 */
import { netAccessDenied } from './denials';
import { stderrOf, stdoutOf, type SimOutput } from './output';
import { startService, stopService } from './services';
import type { Machine, SimService } from './state';
import type { Texts } from './texts';

const netError = (texts: Texts, message: string, helpCode: number): SimOutput =>
  stderrOf(2, [message, '', texts.netHelp(helpCode), '']);

/** net.exe accepts the key name or the display name, case-insensitively. */
const lookup = (machine: Machine, name: string): [string, SimService] | undefined => {
  const wanted = name.toLowerCase();
  const entry = Object.entries(machine.services).find(
    ([key, service]) => service.status !== 'absent' && (key === wanted || service.displayName.toLowerCase() === wanted),
  );
  return entry;
};

/**
 * A kernel driver changes state at once: blank line, message, blank line (net-stop-start-winnat.en.1.txt).
 * A user-mode service first prints a progress line with dots (net-stop-usermode-service-json-crlf.ko.1.txt:
 * `...멈춥니다....\r\n...잘 멈추었습니다.\r\n\r\n`).
 */
const transition = (service: SimService, progress: string, done: string): SimOutput =>
  stdoutOf(0, service.kind === 'kernel-driver' ? ['', done, ''] : [`${progress}..`, done, '']);

const stop = (machine: Machine, texts: Texts, name: string): SimOutput => {
  const found = lookup(machine, name);
  if (!found) return netError(texts, texts.serviceNameInvalid, 2185);
  const [key, service] = found;
  if (service.status !== 'running') return netError(texts, texts.serviceNotStarted(service.displayName), 3521);
  if (!machine.elevated) return netAccessDenied(texts);
  stopService(machine, key, service);
  return transition(service, texts.serviceStopping(service.displayName), texts.serviceStopped(service.displayName));
};

const start = (machine: Machine, texts: Texts, name: string): SimOutput => {
  const found = lookup(machine, name);
  if (!found) return netError(texts, texts.serviceNameInvalid, 2185);
  const [key, service] = found;
  if (service.status === 'running') return netError(texts, texts.serviceAlreadyStarted, 2182);
  if (!machine.elevated) return netAccessDenied(texts);
  startService(machine, key, service);
  return transition(service, texts.serviceStarting(service.displayName), texts.serviceStarted(service.displayName));
};

/** `net start` alone lists the running services. */
const listStarted = (machine: Machine): SimOutput =>
  stdoutOf(0, [
    'These Windows services are started:',
    '',
    ...Object.values(machine.services)
      .filter((service) => service.status === 'running')
      .map((service) => `   ${service.displayName}`),
    '',
    'The command completed successfully.',
    '',
  ]);

const syntax = (verb: string): SimOutput =>
  stderrOf(1, ['The syntax of this command is:', '', `NET ${verb.toUpperCase()}`, '[service]', '']);

export const runNet = (machine: Machine, texts: Texts, args: readonly string[]): SimOutput => {
  const verb = args[0]?.toLowerCase() ?? '';
  const name = args.slice(1).join(' ');
  switch (verb) {
    case 'stop':
      return name ? stop(machine, texts, name) : syntax(verb);
    case 'start':
      return name ? start(machine, texts, name) : listStarted(machine);
    case 'session':
      // The elevation probe (commands.ts elevationProbe): exit 0 only for an elevated token.
      return machine.elevated ? stdoutOf(0, [texts.noEntries, '']) : netAccessDenied(texts);
    default:
      return stderrOf(1, [
        'The syntax of this command is:',
        '',
        'NET',
        '    [ ACCOUNTS | COMPUTER | CONFIG | CONTINUE | FILE | GROUP | HELP |',
        '      HELPMSG | LOCALGROUP | PAUSE | SESSION | SHARE | START |',
        '      STATISTICS | STOP | TIME | USE | USER | VIEW ]',
        '',
      ]);
  }
};
