/**
 * Test access to the Windows output fixtures: `real/` holds real captures (provenance in
 * test/fixtures/windows-outputs/real/SOURCES.md), the top level the project's own written fixtures.
 * Both ship with the repository, so no parser test depends on anything outside it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const FIXTURES_DIR = path.resolve(REPO_ROOT, 'test/fixtures/windows-outputs');
export const REAL_SAMPLES_DIR = path.join(FIXTURES_DIR, 'real');

const listTextFiles = (dir: string): string[] =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort();

export const listRealSamples = (): string[] => listTextFiles(REAL_SAMPLES_DIR);
export const listFixtures = (): string[] => listTextFiles(FIXTURES_DIR);

export const readRealSample = (name: string): string => readFileSync(path.join(REAL_SAMPLES_DIR, name), 'utf8');
export const readFixture = (name: string): string => readFileSync(path.join(FIXTURES_DIR, name), 'utf8');
