import { Tooltip } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState, type FocusEvent, type PointerEvent } from 'react';

/** Fluent's own delay before a tooltip shows on hover, kept so the table feels like the rest of the app. */
const SHOW_DELAY_MS = 250;

/** The attribute a row element carries its tooltip text in. */
export const TIP_ATTRIBUTE = 'data-tip';

interface Tip {
  readonly target: HTMLElement;
  readonly text: string;
}

const tipTarget = (node: EventTarget | null, container: HTMLElement): HTMLElement | null => {
  if (!(node instanceof Element)) return null;
  const target = node.closest<HTMLElement>(`[${TIP_ATTRIBUTE}]`);
  return target && container.contains(target) ? target : null;
};

/**
 * One Fluent tooltip for every row of a virtualized table, shown over whichever element with a
 * `data-tip` the pointer or the focus is on.
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
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const show = useCallback((target: HTMLElement | null, delay: number) => {
    window.clearTimeout(timer.current);
    const text = target?.getAttribute(TIP_ATTRIBUTE) ?? '';
    if (!target || text === '') {
      setTip(null);
      return;
    }
    const apply = () =>
      setTip((current) => (current?.target === target && current.text === text ? current : { target, text }));
    if (delay === 0) apply();
    else timer.current = window.setTimeout(apply, delay);
  }, []);

  const hide = useCallback(() => {
    window.clearTimeout(timer.current);
    setTip(null);
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

  // The same element until the tip changes: the table re-renders at every keystroke, and React then
  // skips the tooltip instead of running Fluent's tooltip and positioning hooks for nothing.
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
  return { handlers, element, tip };
};
