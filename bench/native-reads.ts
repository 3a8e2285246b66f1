/**
 * Benchmark: the owners refresh through the native read layer (koffi, Win32 APIs) against the command
 * path (netstat -ano, tasklist /svc, netsh portproxy show all).
 *
 * 1. Spawns per owners refresh on each path, counted from the simulator's runner (the native path's
 *    calls are answered by the simulated machine; on Windows they are the koffi calls).
 * 2. Decoding the endpoint tables Windows returns (MIB_TCPTABLE_OWNER_PID, built byte by byte from the
 *    documented layout by test/helpers/win32-layout-writer.ts) for 2,000 and 20,000 endpoints, against
 *    two references measured in the same run: the floor (reading the same DWORDs in a plain loop,
 *    no strings) and the peer (parseNetstat over the `netstat -ano` text of the same endpoints).
 * 3. The refresh's cost in the spawn-latency model (every spawn waits L ms, as a process start does on
 *    Windows): the command path pays at least one L per refresh, the native path none.
 * The Win32 calls' own cost (GetExtendedTcpTable and friends) is not measured here: it needs Windows.
 */
import { performance } from 'node:perf_hooks';
import { createActivityLog } from '../electron/system/activity-log';
import { decodeTcp4Table } from '../electron/system/native/decode-tcp-table';
import { createPortsService } from '../electron/system/owners';
import { parseNetstat } from '../electron/system/parse';
import { createSimulatedWindows } from '../electron/system/run/choose-windows';
import { buildTable, ipv4Dword, MIB_TCPROW_OWNER_PID, portDword } from '../test/helpers/win32-layout-writer';
import type { BenchResult, BenchRow, BenchRatio } from './report';
import { ratio, sampleMs, summarize } from './stats';

const SIZES = [2_000, 20_000] as const;
const LATENCIES_MS = [20, 50] as const;
const DECODE_TIMING = { warmup: 3, minRuns: 15, maxRuns: 60, budgetMs: 1_500 } as const;
const REFRESH_TIMING = { warmup: 1, minRuns: 5, maxRuns: 15, budgetMs: 2_000 } as const;
const MIB_TCP_STATE_LISTEN = 2;
const MIB_TCP_STATE_ESTAB = 5;

interface Endpoint {
  readonly local: readonly number[];
  readonly localPort: number;
  readonly remote: readonly number[];
  readonly remotePort: number;
  readonly listening: boolean;
  readonly pid: number;
}

/** A busy machine: a tenth listeners, the rest established connections to varied peers. */
const endpoints = (count: number): Endpoint[] =>
  Array.from({ length: count }, (_, i) => {
    const listening = i % 10 === 0;
    return {
      local: listening ? [0, 0, 0, 0] : [10, 0, (i >> 8) & 255, i & 255],
      localPort: 1024 + (i % 60_000),
      remote: listening ? [0, 0, 0, 0] : [192, 168, (i >> 4) & 255, (i * 7) & 255],
      remotePort: listening ? 0 : 443 + (i % 1000),
      listening,
      pid: 4 + (i % 500) * 4,
    };
  });

const tableOf = (rows: readonly Endpoint[]): Buffer =>
  buildTable(
    MIB_TCPROW_OWNER_PID,
    rows.map((e) => ({
      dwState: e.listening ? MIB_TCP_STATE_LISTEN : MIB_TCP_STATE_ESTAB,
      dwLocalAddr: ipv4Dword(e.local),
      dwLocalPort: portDword(e.localPort),
      dwRemoteAddr: ipv4Dword(e.remote),
      dwRemotePort: portDword(e.remotePort),
      dwOwningPid: e.pid,
    })),
  );

/** The same endpoints as `netstat -ano` prints them (CRLF, its column widths). */
const netstatTextOf = (rows: readonly Endpoint[]): string => {
  const pad = (text: string, width: number) => text.padEnd(width);
  const lines = [
    '',
    'Active Connections',
    '',
    '  Proto  Local Address          Foreign Address        State           PID',
  ];
  for (const e of rows) {
    const local = `${e.local.join('.')}:${e.localPort}`;
    const remote = `${e.remote.join('.')}:${e.remotePort}`;
    lines.push(
      `  TCP    ${pad(local, 23)}${pad(remote, 23)}${pad(e.listening ? 'LISTENING' : 'ESTABLISHED', 16)}${e.pid}`,
    );
  }
  return `${lines.join('\r\n')}\r\n`;
};

/** The floor: every DWORD of every row read once, nothing built. */
const readDwords = (table: Buffer): number => {
  const count = table.readUInt32LE(0);
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const at = 4 + i * 24;
    sum +=
      table.readUInt32LE(at) +
      table.readUInt32LE(at + 4) +
      table.readUInt32LE(at + 8) +
      table.readUInt32LE(at + 12) +
      table.readUInt32LE(at + 16) +
      table.readUInt32LE(at + 20);
  }
  return sum;
};

const spawnsPerRefresh = async (native: boolean, latencyMs: number) => {
  const sim = createSimulatedWindows({ scenario: 'forwarding', locale: 'en', latencyMs, nativeReads: native });
  const log = createActivityLog(sim.runner, { native: native ? sim.native : null });
  const ports = createPortsService();
  const once = async () => {
    const result = await ports.listOwners(log.begin('bench-owners'), false);
    if (!result.ok) throw new Error(`listOwners failed: ${result.error.message}`);
  };
  const before = sim.runner.calls.length;
  await once();
  const spawns = sim.runner.calls.length - before;
  return { spawns, summary: summarize(await sampleMs(once, REFRESH_TIMING)) };
};

export const runNativeReadsBenchmark = async (): Promise<BenchResult> => {
  const started = performance.now();
  const rows: BenchRow[] = [];
  const ratios: BenchRatio[] = [];
  const notes: string[] = [];

  for (const size of SIZES) {
    const data = endpoints(size);
    const table = tableOf(data);
    const text = netstatTextOf(data);
    const decoded = decodeTcp4Table(table);
    const parsed = parseNetstat(text);
    // Same answer from both sources, or the comparison is meaningless.
    if (JSON.stringify(decoded) !== JSON.stringify(parsed))
      throw new Error(`decodeTcp4Table and parseNetstat disagree on ${size} endpoints`);
    notes.push(
      `${size.toLocaleString('en-US')} endpoints: ${table.length.toLocaleString('en-US')} bytes of table, ${text.length.toLocaleString('en-US')} characters of netstat text; both give the same ${decoded.length} entries`,
    );
    const floor = summarize(await sampleMs(() => readDwords(table), DECODE_TIMING));
    const decode = summarize(await sampleMs(() => decodeTcp4Table(table), DECODE_TIMING));
    const peer = summarize(await sampleMs(() => parseNetstat(text), DECODE_TIMING));
    rows.push(
      { label: `floor: read the DWORDs, ${size}`, unit: 'ms', summary: floor },
      {
        label: `decodeTcp4Table, ${size}`,
        unit: 'ms',
        summary: decode,
        derived: { 'endpoints/s': size / (decode.median / 1000) },
      },
      {
        label: `peer: parseNetstat of the same, ${size}`,
        unit: 'ms',
        summary: peer,
        derived: { 'endpoints/s': size / (peer.median / 1000) },
      },
    );
    ratios.push(
      { label: `decode / floor at ${size} (cost of building the rows)`, value: ratio(decode.median, floor.median) },
      { label: `parseNetstat / decode at ${size} (text vs table)`, value: ratio(peer.median, decode.median) },
    );
  }

  for (const latencyMs of LATENCIES_MS) {
    const viaCommands = await spawnsPerRefresh(false, latencyMs);
    const viaNative = await spawnsPerRefresh(true, latencyMs);
    rows.push(
      {
        label: `owners refresh, commands, L=${latencyMs}ms`,
        unit: 'ms',
        summary: viaCommands.summary,
        derived: { spawns: viaCommands.spawns, 'x L': viaCommands.summary.median / latencyMs },
      },
      {
        label: `owners refresh, native, L=${latencyMs}ms`,
        unit: 'ms',
        summary: viaNative.summary,
        derived: { spawns: viaNative.spawns, 'x L': viaNative.summary.median / latencyMs },
      },
    );
    ratios.push({
      label: `owners refresh L=${latencyMs}ms: commands / native`,
      value: ratio(viaCommands.summary.median, viaNative.summary.median),
    });
    if (latencyMs === LATENCIES_MS[0])
      notes.push(
        `spawns per owners refresh: ${viaCommands.spawns} on the command path, ${viaNative.spawns} on the native path; at a 1 s auto-refresh that is ${viaCommands.spawns * 60} vs ${viaNative.spawns * 60} processes a minute`,
      );
  }

  return {
    id: 'native-reads',
    title: 'Native reads (Win32 tables) against the commands: spawns, decode time, refresh cost',
    measures:
      "Decode: wall time of decodeTcp4Table over a MIB_TCPTABLE_OWNER_PID built to the documented layout; the floor reads the same DWORDs, the peer parses the same endpoints as netstat text. Refresh: one listOwners in the simulator where every spawn waits L ms; 'x L' = median / L.",
    rows,
    ratios,
    notes,
    durationMs: performance.now() - started,
  };
};
