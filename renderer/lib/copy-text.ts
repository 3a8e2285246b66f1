/**
 * Copies text through a temporary textarea and document.execCommand('copy'). The async clipboard API is
 * a permission, and the Electron permission handler denies every permission (docs/architecture.md §5).
 * `container` lets a caller inside a modal (drawer, dialog) keep the textarea inside its focus trap.
 */
export const copyText = (text: string, container: HTMLElement = document.body): boolean => {
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  // Off-screen but rendered: a display:none textarea cannot be selected.
  area.style.position = 'fixed';
  area.style.top = '-1000px';
  area.style.opacity = '0';
  container.appendChild(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  } finally {
    area.remove();
    previous?.focus();
  }
  return copied;
};
