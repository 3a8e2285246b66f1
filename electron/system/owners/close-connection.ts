/**
 * Closing one TCP connection, as TCPView and CurrPorts do: SetTcpEntry with MIB_TCP_STATE_DELETE_TCB
 * (https://learn.microsoft.com/en-us/windows/win32/api/iphlpapi/nf-iphlpapi-settcpentry). Windows offers
 * this for IPv4 only, and only an elevated caller may do it; there is no command that does the same, so
 * without the native layer the change is refused rather than attempted some other way.
 *
 * The connection comes from a list the user looked at, so the TCP table is read first: a connection
 * that is gone, no longer ESTABLISHED or now owned by another process is left alone. The outcome is
 * judged by reading the table again (docs/architecture.md §3), never from SetTcpEntry's return code:
 * gone is applied, still there is not-applied, an unreadable table is unknown.
 */
import type { CloseConnectionReport, Outcome, StepReport, TcpConnectionRef } from '../../../shared/model';
import { err, ok, type Result, messageOf } from '../../../shared/result';
import type { CloseConnection } from '../../../shared/validate';
import type { Operation } from '../activity-log';
import { step } from '../change-report';
import type { ParsedNetstatEntry } from '../parse';
import { readNetstat, readProcesses, type Read } from './reads';

/** "192.168.1.23:52044 → 140.82.112.4:443", for messages and step details. */
export const describeConnection = (c: TcpConnectionRef): string =>
  `${c.localAddress}:${c.localPort} → ${c.remoteAddress}:${c.remotePort}`;

const matches = (entry: ParsedNetstatEntry, c: TcpConnectionRef): boolean =>
  entry.protocol === 'tcp' &&
  entry.localAddress === c.localAddress &&
  entry.localPort === c.localPort &&
  entry.remoteAddress === c.remoteAddress &&
  entry.remotePort === c.remotePort;

/** netstat's rows as objects: a close looks one connection up in them, twice per request. */
const readNetstatRows = async (op: Operation): Promise<Read<ParsedNetstatEntry[]>> => {
  const read = await readNetstat(op);
  return 'error' in read ? read : { value: read.value.toArray() };
};

/** The TCP table through the native layer only: netstat would be a second source for the same question. */
const readTcpTable = (op: Operation): Read<ParsedNetstatEntry[]> | Promise<Read<ParsedNetstatEntry[]>> => {
  if (!op.native) return readNetstatRows(op);
  try {
    return { value: op.native.tcpEndpoints() };
  } catch (error) {
    // A failed native read falls back to netstat, as every other read does (native-reads.ts).
    op.nativeFailed('endpoint', messageOf(error));
    return readNetstatRows(op);
  }
};

const WIN32_MESSAGES: Readonly<Record<number, string>> = {
  5: 'access denied',
  87: 'invalid parameter',
  317: 'Windows cannot close this kind of connection',
  1168: 'no such connection',
};
const win32Text = (code: number) => `Win32 error ${code}${WIN32_MESSAGES[code] ? ` (${WIN32_MESSAGES[code]})` : ''}`;

export const closeConnection = async (
  op: Operation,
  now: () => Date,
  input: CloseConnection,
): Promise<Result<CloseConnectionReport>> => {
  const connection: TcpConnectionRef = {
    localAddress: input.localAddress,
    localPort: input.localPort,
    remoteAddress: input.remoteAddress,
    remotePort: input.remotePort,
  };
  const named = describeConnection(connection);
  const native = op.native;
  if (!native) {
    return err(
      'refused',
      `Closing a connection needs the native read layer (Windows' IP Helper API), which is not open here; ${named} was left alone.`,
    );
  }

  const before = await readTcpTable(op);
  if ('error' in before)
    return err('command-failed', `Could not read the TCP table; ${named} was left alone.`, { detail: before.error });
  const current = before.value.find((entry) => matches(entry, connection));
  if (!current) return err('not-found', `The connection ${named} is no longer open; nothing was closed.`);
  if (current.state !== 'ESTABLISHED') {
    return err(
      'refused',
      `The connection ${named} is ${current.state ?? 'in no state'}; only ESTABLISHED ones can be closed.`,
      {
        detail: current.state ?? '',
      },
    );
  }
  if (current.pid !== input.pid) {
    return err(
      'conflict',
      `The connection ${named} now belongs to PID ${current.pid ?? '?'}, not ${input.pid}; nothing was closed.`,
      {
        detail: String(current.pid ?? ''),
      },
    );
  }
  // The image is named in the report; a process list that cannot be read only leaves it as the user saw it.
  const processes = await readProcesses(op);
  const owner = 'value' in processes ? processes.value.find((p) => p.pid === input.pid) : undefined;
  if (owner && owner.image.toLowerCase() !== input.image.toLowerCase()) {
    return err('conflict', `PID ${input.pid} now belongs to ${owner.image}, not ${input.image}; nothing was closed.`, {
      detail: owner.image,
    });
  }
  const image = owner?.image ?? input.image;

  const steps: StepReport[] = [step('check-connection', true, `${named} ESTABLISHED, ${image} (PID ${input.pid})`)];
  const code = op.callNative(
    'SetTcpEntry',
    [
      'MIB_TCP_STATE_DELETE_TCB',
      `${connection.localAddress}:${connection.localPort}`,
      `${connection.remoteAddress}:${connection.remotePort}`,
    ],
    () => native.setTcpEntryDeleteTcb(connection),
  );
  steps.push(step('set-tcp-entry', code === 0, code === 0 ? named : `${named}: ${win32Text(code)}`));

  // The return code says what Windows answered, the table says what happened; a failed read is tried once more.
  let after = await readTcpTable(op);
  if ('error' in after) after = await readTcpTable(op);
  let outcome: Outcome;
  let message: string | undefined;
  if ('error' in after) {
    outcome = 'unknown';
    message = `Could not read the TCP table after closing ${named}; refresh to see whether it is gone.`;
    steps.push(step('verify', false, after.error));
  } else {
    // DELETE_TCB removes the connection's TCB outright: any row with the same four parts is still there.
    const still = after.value.find((entry) => matches(entry, connection));
    outcome = still ? 'not-applied' : 'applied';
    if (still) message = `${named} is still open${code === 0 ? '' : ` (${win32Text(code)})`}.`;
    steps.push(step('verify', !still, still ? `${named} still ${still.state ?? 'listed'}` : `${named} is gone`));
  }
  return ok({
    outcome,
    connection,
    pid: input.pid,
    image,
    steps,
    checkedAt: now().toISOString(),
    ...(message ? { message } : {}),
  });
};
