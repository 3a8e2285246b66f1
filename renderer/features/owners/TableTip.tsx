import { Tooltip } from '@fluentui/react-components';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type PointerEvent,
} from 'react';

/** Fluent's own delay before a tooltip shows on hover, kept so the table feels like the rest of the app. */
const SHOW_DELAY_MS = 250;

/**
 * The attribute that makes an element a tooltip target. Its value says where the text is (TipFrom),
 * which is read when the tooltip shows rather than written into the element at every render: rows are
 * reused by screen position, so a keystroke in the filter gives most row elements another endpoint,
 * and a tooltip text per cell (`title`) and per action (`data-tip`) was over a third of that
 * keystroke's DOM writes; in Chromium every `title` change also restyled its element (issue #13). The
 * value itself never changes, so React writes it once per element.
 */
export const TIP_FROM_ATTRIBUTE = 'data-tip-from';

/**
 * - `description`: the element's aria-description (what a row says beyond its cells: new or gone since
 *   the last refresh); none, no tooltip.
 * - `action`: the aria-description of the button inside the element. A disabled button gets no pointer
 *   events, so a wrapper is the target; its tooltip is the reason its description already says.
 * - `label`: the element's aria-label (an icon button's name).
 * - `text`: the element's aria-description when it has one (what a cell does not show: why a value is
 *   missing, the address behind a looked-up name), else its text (a cell its column may cut).
 */
export type TipFrom = 'description' | 'action' | 'label' | 'text';

const TARGETS = `[${TIP_FROM_ATTRIBUTE}]`;

interface Tip {
  readonly target: HTMLElement;
  readonly text: string;
}

/** The tooltip text of a target, read now. */
export const tipText = (target: Element): string => {
  switch (target.getAttribute(TIP_FROM_ATTRIBUTE) as TipFrom | null) {
    case 'description':
      return target.getAttribute('aria-description') ?? '';
    case 'action':
      return target.querySelector('button')?.getAttribute('aria-description') ?? '';
    case 'label':
      return target.getAttribute('aria-label') ?? '';
    case 'text':
      return target.getAttribute('aria-description') ?? target.textContent ?? '';
    case null:
      return '';
  }
};

const tipTarget = (node: EventTarget | null, container: HTMLElement): HTMLElement | null => {
  if (!(node instanceof Element)) return null;
  const target = node.closest<HTMLElement>(TARGETS);
  return target && container.contains(target) ? target : null;
};

/**
 * One Fluent tooltip for every row of a virtualized table, shown over whichever element with a
 * `data-tip-from` the pointer or the focus is on.
 *
 * A Fluent Tooltip per row action cost the owners table most of a keystroke (issue #13): one with
 * relationship "description" always renders a portal with its own mount node, so every row that
 * changed between an enabled and a disabled action unmounted and mounted portals, and React attached
 * its ~80 root event listeners to each new node. Here the rows only carry attributes; the elements
 * name and describe themselves (aria-label, aria-description), so this tooltip is for the eye only
 * ("inaccessible" to assistive technology, which would otherwise hear the text twice).
 */
export const useTableTip = () => {
  const [tip, setTip] = useState<Tip | null>(null);
  const shown = useRef<Tip | null>(null);
  useLayoutEffect(() => {
    shown.current = tip;
  }, [tip]);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const show = useCallback((target: HTMLElement | null, delay: number) => {
    window.clearTimeout(timer.current);
    if (!target || tipText(target) === '') {
      setTip(null);
      return;
    }
    // Read again when it shows: a keystroke in the filter may have given the element another row meanwhile.
    const apply = () => {
      const text = tipText(target);
      setTip((current) =>
        text === '' ? null : current?.target === target && current.text === text ? current : { target, text },
      );
    };
    if (delay === 0) apply();
    else timer.current = window.setTimeout(apply, delay);
  }, []);

  const hide = useCallback(() => {
    window.clearTimeout(timer.current);
    setTip(null);
  }, []);

  /**
   * Reads the shown tip's text again, for the table to call when its rows change: the element under
   * the pointer may now show another row (a keystroke in the filter, a sort), or be gone. Nothing to do
   * (no state change, no render) while no tip shows or its text is the same.
   */
  const refresh = useCallback(() => {
    const current = shown.current;
    if (current === null) return;
    const text = current.target.isConnected ? tipText(current.target) : '';
    if (text !== current.text) setTip(text === '' ? null : { target: current.target, text });
  }, []);

  const handlers = useMemo(
    () => ({
      onPointerOver: (event: PointerEvent<HTMLElement>) =>
        show(tipTarget(event.target, event.currentTarget), SHOW_DELAY_MS),
      onPointerLeave: hide,
      onFocus: (event: FocusEvent<HTMLElement>) => show(tipTarget(event.target, event.currentTarget), 0),
      onBlur: hide,
      onKeyDown: (event: { key: string }) => {
        // Escape dismisses a tooltip, as Fluent's own do.
        if (event.key === 'Escape') hide();
      },
      // Scrolling moves the target away from under the tooltip.
      onScroll: hide,
    }),
    [show, hide],
  );

  // The same element until the tip changes: the table re-renders for other reasons (a refresh, a sort),
  // and React then skips the tooltip instead of running Fluent's tooltip and positioning hooks for nothing.
  const element = useMemo(
    () => (
      <Tooltip
        content={tip?.text ?? ''}
        relationship="inaccessible"
        visible={tip !== null}
        positioning={{ target: tip?.target, position: 'above' }}
        withArrow
      >
        {/* Fluent needs a trigger element; the real target is given through positioning. */}
        <span hidden />
      </Tooltip>
    ),
    [tip],
  );
  return { handlers, element, tip, refresh };
};
