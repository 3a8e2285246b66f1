import { useEffect, useRef } from 'react';

/** The element that had focus when something opened; captured before the overlay moves focus inside itself. */
const activeElement = (): HTMLElement | null => {
  const active = document.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
};

/**
 * Puts focus back on the opener when a dialog or drawer closes (issue #11). Fluent's own restore only
 * knows openers wrapped in a DialogTrigger; our dialogs open from store actions, so Fluent fell back to
 * the last trigger it knew, the Settings button. The opener is read during render, before the overlay's
 * effects move focus; it is given back one frame after closing, after Fluent's restore has run.
 *
 * `open` is the overlay's state; a component that unmounts to close (the change dialogs) passes true.
 */
export const useReturnFocus = (open: boolean): void => {
  const opener = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);
  if (open && !wasOpen.current) opener.current = activeElement();
  wasOpen.current = open;

  useEffect(() => {
    if (!open) return undefined;
    // Runs on close (open -> false) and on unmount: both end the overlay.
    return () => restore(opener.current);
  }, [open]);
};

const OVERLAY = '[role="dialog"], [role="alertdialog"]';

/**
 * Focus the opener if it is still on the page (a fix from the doctor switches views and drops it).
 * Focus that is in the closing overlay itself, on the page or on Fluent's fallback moves to the opener;
 * focus in another overlay that opened meanwhile stays there.
 */
const restore = (target: HTMLElement | null) => {
  if (target === null) return;
  // Where focus was as this overlay closed: inside it (it animates out for a while).
  const closingOverlay = document.activeElement?.closest(OVERLAY) ?? null;
  requestAnimationFrame(() => {
    if (!target.isConnected) return;
    const overlay = document.activeElement?.closest(OVERLAY);
    if (overlay && overlay !== closingOverlay && !overlay.contains(target)) return;
    target.focus();
  });
};
