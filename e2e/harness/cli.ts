/**
 * `npm run demo`: Portwarden in the browser over the simulated Windows.
 * PORTWARDEN_SCENARIO / PORTWARDEN_LOCALE choose the scenario and the simulated display language.
 */
import { buildHarnessAssets } from './build';
import { startHarness } from './server';

const port = Number.parseInt(process.env.PORTWARDEN_PORT ?? '0', 10);
const scenario = process.env.PORTWARDEN_SCENARIO ?? 'hyperv-reserved';
const locale = process.env.PORTWARDEN_LOCALE ?? 'en';

const main = async () => {
  console.log('Building the UI…');
  await buildHarnessAssets();
  const harness = await startHarness({
    scenario,
    locale,
    port: Number.isInteger(port) && port > 0 ? port : 0,
    watch: true,
  });
  console.log(`Portwarden demo (simulated Windows: scenario "${scenario}", display language "${locale}")`);
  console.log(`Open ${harness.url}`);
  console.log('Press Ctrl+C to stop.');
  const stop = () => void harness.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
};

main().catch((error: unknown) => {
  console.error(`Portwarden demo could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
