/**
 * Dispatches one argv to its executable's interpreter. Mutates the machine it is given; the runner
 * hands it a clone and commits only when the command is meant to take effect (faults, timeouts).
 */
import type { SystemCommand } from '../run/command-runner';
import { runNet } from './net';
import { runNetsh } from './netsh';
import { runNetstat } from './netstat';
import { stderrOf, type SimOutput } from './output';
import { runReg } from './reg';
import { runSc } from './sc';
import { runSchtasks, type SimReadFile } from './schtasks';
import type { Machine } from './state';
import { runTasklist, runTaskkill } from './tasks';
import { textsFor } from './texts';
import { runWsl } from './wsl';
import { runIcacls } from './icacls';

/** `readFile`: the host's file reader, for the one command that reads a file (`schtasks /Create /XML`). */
export const executeCommand = (
  machine: Machine,
  command: SystemCommand,
  args: readonly string[],
  readFile?: SimReadFile,
): SimOutput => {
  const texts = textsFor(machine.language);
  switch (command) {
    case 'netsh':
      return runNetsh(machine, texts, args);
    case 'net':
      return runNet(machine, texts, args);
    case 'sc':
      return runSc(machine, texts, args);
    case 'netstat':
      return runNetstat(machine, texts, args);
    case 'tasklist':
      return runTasklist(machine, texts, args);
    case 'taskkill':
      return runTaskkill(machine, texts, args);
    case 'reg':
      return runReg(machine, args);
    case 'schtasks':
      return runSchtasks(machine, texts, args, readFile);
    case 'wsl':
      return runWsl(machine, args);
    case 'icacls':
      return runIcacls(machine, args);
    default:
      return stderrOf(1, [`ERROR: ${texts.fileNotFound}`]);
  }
};
