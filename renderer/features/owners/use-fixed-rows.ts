import { useLayoutEffect, useState, type RefObject } from 'react';

interface View {
  readonly top: number;
  readonly height: number;
}

/**
 * The rows of a fixed-height list worth rendering: those in the scroll element's view, plus `overscan`
 * on each side. Rows are `rowHeight` apart from the top of the list, so this is arithmetic on the
 * scroll position: a new row count (each keystroke in the filter) costs nothing. TanStack Virtual,
 * used before, built a measurement object for every row whenever the count changed (100,000 per
 * keystroke at TCPView's scale, issue #13). Scroll positions are read once per animation frame.
 */
export const useFixedRows = (
  ref: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
  overscan: number,
): { readonly first: number; readonly last: number; readonly height: number } => {
  const [view, setView] = useState<View>({ top: 0, height: 0 });
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    let frame = 0;
    const read = () => {
      frame = 0;
      const top = element.scrollTop;
      const height = element.clientHeight;
      setView((current) => (current.top === top && current.height === height ? current : { top, height }));
    };
    read();
    const onScroll = () => {
      if (frame === 0) frame = requestAnimationFrame(read);
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    const observer = new ResizeObserver(read);
    observer.observe(element);
    return () => {
      element.removeEventListener('scroll', onScroll);
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [ref]);
  const first = Math.max(0, Math.floor(view.top / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((view.top + view.height) / rowHeight) + overscan);
  return { first, last: Math.max(first, last), height: count * rowHeight };
};
