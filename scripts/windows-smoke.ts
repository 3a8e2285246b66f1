/**
 * Read-only smoke test on a real Windows machine (CI: windows-latest): the real runner, the real
 * netsh/sc output in the machine's code page, through the real parsers. Changes nothing.
 * Fails when a table cannot be read or parsed, so a format the parsers do not know is caught.
 */
import { createActivityLog } from '../electron/system/activity-log';
import { createWindowsRunner } from '../electron/system/run/windows-runner';
import { readSnapshot } from '../electron/system/state-reader';
import { createPortsService } from '../electron/system/owners';
import { systemRootFromKernel } from '../electron/system/run/windows-dirs';

const main = async () => {
  if (process.platform !== 'win32') {
    console.log('windows-smoke: not Windows, nothing to do.');
    return;
  }
  // The runner takes the Windows folder from the kernel's \SystemRoot link, never from the environment;
  // on a CI runner both agree, so a difference means the kernel lookup does not work as expected.
  const kernelRoot = systemRootFromKernel();
  console.log(`SystemRoot from the kernel: ${kernelRoot} (environment: ${process.env.SystemRoot ?? 'unset'})`);
  if (kernelRoot.toLowerCase() !== (process.env.SystemRoot ?? '').toLowerCase()) {
    console.log("windows-smoke: the kernel's SystemRoot differs from the environment's.");
    process.exit(1);
  }
  const log = createActivityLog(createWindowsRunner());
  const snapshot = await readSnapshot(log.begin('smoke'));
  for (const table of snapshot.excluded) {
    console.log(
      `${table.protocol}/${table.ipVersion}: ${table.error ? `ERROR ${table.error}` : `${table.ranges.length} excluded ranges`}`,
    );
  }
  for (const range of snapshot.dynamic)
    console.log(`dynamic ${range.protocol}/${range.ipVersion}: ${range.start} + ${range.count}`);
  console.log(`WinNAT: ${snapshot.winnat}`);
  const owners = await createPortsService().listOwners(log.begin('smoke-owners'), false);
  console.log(
    owners.ok ? `listening endpoints: ${owners.value.endpoints.length}` : `owners: ERROR ${owners.error.message}`,
  );
  const failed = snapshot.excluded.some((t) => t.error) || snapshot.dynamic.length !== 4 || !owners.ok;
  if (failed) {
    for (const record of log.list())
      console.log(
        `--- ${record.command} ${record.args.join(' ')} (exit ${record.exitCode})\n${record.stdout}${record.stderr}`,
      );
    process.exit(1);
  }
};

void main();
