/**
 * Who sent an IPC message. Built from Electron's IpcMainInvokeEvent by electron/ipc.ts (and by the
 * browser harness from its socket), so the trust decision below is one pure function for both.
 */
export interface SenderInfo {
  /** event.senderFrame?.url; null when the frame is gone (navigated away or destroyed). */
  readonly frameUrl: string | null;
  /** event.senderFrame === event.sender.mainFrame */
  readonly isMainFrame: boolean;
  /** event.sender.id */
  readonly webContentsId: number;
}

export interface SenderPolicy {
  /** Origins our UI is served from: `app://portwarden` in production, the dev server origin in dev. */
  readonly origins: readonly string[];
  /** webContents ids of our own windows (the one main window). */
  readonly webContentsIds: () => readonly number[];
}

/**
 * The origin of a URL, or null when it has none we could trust. URLs with credentials
 * (`app://bundle@evil/`) never count as ours.
 */
export const originOf = (url: string): string | null => {
  try {
    const parsed = new URL(url);
    if (parsed.username || parsed.password) return null;
    // Custom schemes such as app:// report origin "null" in WHATWG URL; rebuild it from the parts.
    return parsed.origin !== 'null' ? parsed.origin : `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
};

export const isTrustedSender = (sender: SenderInfo, policy: SenderPolicy): boolean => {
  if (!sender.frameUrl || !sender.isMainFrame) return false;
  if (!policy.webContentsIds().includes(sender.webContentsId)) return false;
  const origin = originOf(sender.frameUrl);
  return origin !== null && policy.origins.includes(origin);
};
