import { buildHarnessAssets } from './harness/build';

// Build the renderer and the harness preload once for all e2e files.
export default async function setup(): Promise<void> {
  await buildHarnessAssets();
}
