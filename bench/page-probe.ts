/**
 * The in-page half of the owners-table benchmark, as plain JavaScript source: functions handed to
 * page.evaluate would be re-serialized after tsx/esbuild transformed them (and could reference helpers
 * that do not exist in the page), so the probe is a string evaluated as-is.
 *
 * window.__ownersProbe:
 * - install(filterSelector): listens for keydown and click (capture phase: t0 before React handles the
 *   key or the header click) and observes the document for mutations.
 * - arm(): takes the table's signature (its aria-rowcount, the rows in the DOM and the first rows'
 *   text) and waits for the next key.
 * - After the key, the first mutation batch that changes the signature means the DOM reflects the
 *   filter; two requestAnimationFrame callbacks later that frame has been painted: ms = now - t0.
 *   Mutations that leave the signature unchanged (the input's own value, a deferred render that has
 *   not reached the rows yet) do not count.
 * - rows(): body rows in the document (a virtualized table renders only the visible ones).
 */
export const PROBE_SOURCE = String.raw`
(() => {
  const bodyRows = () => {
    const owners = document.querySelectorAll('[data-testid="owner-row"]');
    if (owners.length > 0) return Array.from(owners);
    const native = document.querySelectorAll('tbody tr');
    if (native.length > 0) return Array.from(native);
    return Array.from(document.querySelectorAll('[role="row"]')).filter((row) => !row.querySelector('[role="columnheader"]'));
  };
  /** aria-rowcount minus the header row: the rows that match, rendered or not; -1 without one. */
  const declaredRows = () => {
    const table = document.querySelector('[role="table"], [role="grid"], table');
    const declared = table ? Number(table.getAttribute('aria-rowcount')) : NaN;
    return Number.isFinite(declared) && declared > 0 ? declared - 1 : -1;
  };
  // aria-rowcount is the filtered row count even when a virtualized table keeps the same visible rows.
  const signature = () => {
    const rows = bodyRows();
    return declaredRows() + '|' + rows.length + '|' + rows.slice(0, 3).map((row) => row.textContent).join('|');
  };
  const probe = {
    armed: false, seen: false, done: false, t0: 0, ms: 0, rowCount: 0, matching: -1, before: '',
    rows: () => bodyRows().length,
    arm() {
      Object.assign(probe, { armed: true, seen: false, done: false, t0: 0, ms: 0, rowCount: 0, matching: -1, before: signature() });
    },
    install(filterSelector) {
      const input = document.querySelector(filterSelector);
      if (!input) throw new Error('no filter input ' + filterSelector);
      const start = () => {
        if (probe.armed && probe.t0 === 0) probe.t0 = performance.now();
      };
      document.addEventListener('keydown', start, true);
      document.addEventListener('click', start, true);
      const observer = new MutationObserver((records) => {
        if (!probe.armed || probe.t0 === 0 || probe.seen) return;
        if (records.every((r) => input === r.target || input.contains(r.target))) return;
        if (signature() === probe.before) return;
        probe.seen = true;
        requestAnimationFrame(() => requestAnimationFrame(() => {
          probe.ms = performance.now() - probe.t0;
          probe.rowCount = bodyRows().length;
          probe.matching = declaredRows();
          probe.armed = false;
          probe.done = true;
        }));
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    },
  };
  window.__ownersProbe = probe;
})();
`;

export interface ProbeSample {
  readonly ms: number;
  /** Body rows in the DOM once the filtered frame was painted. */
  readonly rows: number;
  /** Rows that match the filter (the table's aria-rowcount minus its header), -1 if it has none. */
  readonly matching: number;
}

export const installProbeScript = (filterSelector: string): string =>
  `${PROBE_SOURCE}\nwindow.__ownersProbe.install(${JSON.stringify(filterSelector)});`;
export const ARM_SCRIPT = 'window.__ownersProbe.arm()';
export const DONE_SCRIPT = 'window.__ownersProbe.done === true';
export const READ_SCRIPT =
  '({ ms: window.__ownersProbe.ms, rows: window.__ownersProbe.rowCount, matching: window.__ownersProbe.matching })';
export const ROWS_SCRIPT = 'window.__ownersProbe.rows()';
export const READY_SCRIPT = 'window.__benchReady === true';
