/**
 * Test-only access to the captured Windows outputs (../shared/windows-outputs, present only in the team
 * workspace) and to the project's own fixtures (test/fixtures/windows-outputs, always present).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

export const SHARED_SAMPLES_DIR = path.resolve(REPO_ROOT, '../shared/windows-outputs');
export const FIXTURES_DIR = path.resolve(REPO_ROOT, 'test/fixtures/windows-outputs');

export const hasSharedSamples = existsSync(SHARED_SAMPLES_DIR);

const listTextFiles = (dir: string): string[] =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort();

export const listSharedSamples = (): string[] => (hasSharedSamples ? listTextFiles(SHARED_SAMPLES_DIR) : []);
export const listFixtures = (): string[] => listTextFiles(FIXTURES_DIR);

export const readSharedSample = (name: string): string => readFileSync(path.join(SHARED_SAMPLES_DIR, name), 'utf8');
export const readFixture = (name: string): string => readFileSync(path.join(FIXTURES_DIR, name), 'utf8');
