#!/usr/bin/env node
// `npm run demo`: runs the browser harness (TypeScript) through tsx.
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const tsx = path.join(root, 'node_modules/.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');
const child = spawn(tsx, [path.join(root, 'e2e/harness/cli.ts')], { stdio: 'inherit', cwd: root, shell: process.platform === 'win32' });
child.on('exit', (code) => process.exit(code ?? 1));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
