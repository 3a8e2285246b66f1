#!/usr/bin/env node
// `npm run bench [-- <id>...]`: runs the benchmarks (bench/run.ts, TypeScript) with tsx's loader in this same Node, no shell.
// Prints a table per benchmark and writes out/bench/results.json (results-<ids>.json for some of them). Ids: parsers, refresh, watch, owners-paint,
// memory, first-paint. --expose-gc: the memory benchmark forces GC before it reads the heap.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const child = spawn(
  process.execPath,
  ['--expose-gc', '--import', 'tsx', path.join(root, 'bench/run.ts'), ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    cwd: root,
  },
);
child.on('exit', (code) => process.exit(code ?? 1));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
