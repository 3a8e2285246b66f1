/**
 * The page's Content-Security-Policy: read from the built index.html (one source of truth,
 * renderer/index.html) and served as a header by the app:// protocol. Pure, so build checks and the
 * protocol handler share it without loading electron.
 */

/**
 * Used only when the built index.html carries no CSP meta tag (a broken build): the policy of
 * renderer/index.html (a test keeps them equal), with the hash of the empty <style> Griffel creates.
 */
export const FALLBACK_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='; " +
  "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

/**
 * Directives a browser honours only in a response header: Chromium ignores frame-ancestors in a
 * <meta> tag and logs an error for it, so the page's tag leaves it out and the header adds it.
 */
export const HEADER_ONLY_CSP = "frame-ancestors 'none'";

export const headerCsp = (pagePolicy: string): string => `${pagePolicy}; ${HEADER_ONLY_CSP}`;

/** The policy of the page's `<meta http-equiv="Content-Security-Policy">`, or null. */
export const extractCsp = (html: string): string | null => {
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    if (!/http-equiv\s*=\s*["']content-security-policy["']/i.test(tag)) continue;
    const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
    const policy = (content?.[1] ?? content?.[2] ?? '').replace(/\s+/g, ' ').trim();
    if (policy) return policy;
  }
  return null;
};
