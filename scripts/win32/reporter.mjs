// A node:test reporter for the Win32 tier. It runs inside Windows Node under Wine, where writing to a
// pipe fails with EBADF, so node:test sends its output to a file (--test-reporter-destination) and
// this reporter writes one JSON object per line there. Plain data only: the Linux side parses it, and
// a line per event means a run cut short by the timeout still leaves every finished test readable.

const errorText = (error) => {
  if (!error) return undefined;
  // node:test wraps a test's own error in ERR_TEST_FAILURE; the cause is what the test threw.
  const cause = error.cause ?? error;
  const text = cause.stack ?? cause.message ?? String(cause);
  return typeof text === 'string' ? text : JSON.stringify(text);
};

export default async function* win32JsonReporter(source) {
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { data } = event;
    yield `${JSON.stringify({
      event: event.type,
      name: data.name,
      nesting: data.nesting,
      file: data.file ?? null,
      kind: data.details?.type ?? 'test',
      skip: data.skip !== undefined && data.skip !== false,
      todo: data.todo !== undefined && data.todo !== false,
      durationMs: data.details?.duration_ms ?? 0,
      error: event.type === 'test:fail' ? errorText(data.details?.error) : undefined,
    })}\n`;
  }
}
