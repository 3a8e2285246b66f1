/**
 * Saves text as a file through a Blob URL and an anchor with `download`: no file-system permission and
 * no IPC; Electron shows its save dialog for it. The URL is revoked once the click has been handled.
 */
export const saveTextFile = (fileName: string, text: string, type = 'application/json'): void => {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
};
