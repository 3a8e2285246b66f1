import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * The height that makes the page exactly as tall as the window by growing or shrinking one element,
 * never less than `min`. For a long list with its own scroll area: sized this
 * way the page itself does not scroll, so there is one scroll area, and it gets every row the window
 * has room for (issue #11: at 1000x700 the owners table showed 9 rows inside a page that also scrolled).
 * Re-measured when the window or anything above the element changes size.
 */
export const useFillViewport = (ref: RefObject<HTMLElement | null>, min = 260): number | undefined => {
  const [height, setHeight] = useState<number | undefined>(undefined);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    // Content above the list (a notice, the toolbar wrapping) moves it down: the page's main area resizes.
    const main = element.closest('main');
    const measure = () => {
      // What the page is taller (or shorter) than the window comes off (or on) this element; whatever sits
      // under it (a note, paddings) is counted by the page's own height. The bottom of the main area, not
      // the document's scrollHeight: that is never below the window's height, so a page shorter than the
      // window (a line gone from above the list) never gave the list its height back.
      const bottom = main
        ? main.getBoundingClientRect().bottom + window.scrollY
        : document.documentElement.scrollHeight;
      const overflow = bottom - window.innerHeight;
      const next = Math.max(min, Math.floor(element.offsetHeight - overflow));
      setHeight((current) => (current === next ? current : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(main ?? document.body);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [ref, min]);
  return height;
};
