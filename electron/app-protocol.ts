/**
 * The app:// protocol: production serves the UI from `app://portwarden/` instead of file:// (docs/architecture.md §5),
 * so the page gets a real origin the IPC sender check can pin, file:// privileges stay off, and the
 * only files a URL can reach are the built renderer's. The path resolver below is the security
 * boundary (an elevated process reading any path a URL names would serve C:\Windows\... to the page).
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { extractCsp, FALLBACK_CSP, headerCsp } from './csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'portwarden';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Must run before app 'ready'. `standard` gives app:// real origins and relative URL resolution,
 * `secure` makes it a secure context; no bypassCSP, no corsEnabled, no stream privileges are needed.
 */
export const registerAppScheme = (): void => {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
};

type PathApi = Pick<typeof path, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>;

/** A file name Vite emits: starts with a letter, digit or underscore; no dots-only names, no ':' (NTFS streams). */
const SAFE_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._@+-]*$/;
/** Windows opens devices for these names in any folder (CON, NUL.txt, ...). */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\.|$)/i;

const decodeSegment = (segment: string): string | null => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
};

/**
 * Maps a URL pathname (still percent-encoded) to a file inside `root`, or null when it must not be
 * served. Decodes each segment once and accepts only plain file names, so `..`, `%2e%2e`, `..%5c`,
 * `%2f`, backslashes, drive letters (`/C:/...`), UNC (`//server/share`), NUL and device names never
 * reach the file system; then checks again that the resolved path stays inside root.
 */
export const resolveRendererFile = (root: string, encodedPath: string, pathApi: PathApi = path): string | null => {
  if (!encodedPath.startsWith('/')) return null;
  const rawSegments = encodedPath.slice(1).split('/');
  const segments = rawSegments.length === 1 && rawSegments[0] === '' ? ['index.html'] : rawSegments;
  const decoded: string[] = [];
  for (const segment of segments) {
    const name = decodeSegment(segment);
    // An empty segment ('//x', 'a//b', a trailing '/') is refused too: no directory listings, no UNC.
    if (name === null || !SAFE_SEGMENT.test(name) || WINDOWS_DEVICE.test(name)) return null;
    decoded.push(name);
  }
  const resolvedRoot = pathApi.resolve(root);
  const resolved = pathApi.resolve(resolvedRoot, ...decoded);
  const relative = pathApi.relative(resolvedRoot, resolved);
  if (relative === '' || relative.startsWith('..') || pathApi.isAbsolute(relative)) return null;
  return resolved;
};

/** The file for a full app:// URL: scheme and host must be ours, no credentials or port. */
export const resolveAppRequest = (requestUrl: string, root: string, pathApi: PathApi = path): string | null => {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password) return null;
  return resolveRendererFile(root, url.pathname, pathApi);
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export const contentTypeOf = (filePath: string): string =>
  CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';

/**
 * The CSP header equals the page's meta tag (one source of truth: renderer/index.html); a header also
 * covers responses the meta tag cannot (scripts, workers) and is in force before the HTML is parsed.
 */
export const readRendererCsp = (root: string): string => {
  try {
    return headerCsp(extractCsp(readFileSync(path.join(root, 'index.html'), 'utf8')) ?? FALLBACK_CSP);
  } catch {
    return headerCsp(FALLBACK_CSP);
  }
};

const notFound = (): Response => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });

/** The protocol handler, separate from protocol.handle so it is testable with plain Requests. */
export const createAppRequestHandler =
  (root: string, csp: string = readRendererCsp(root)) =>
  async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const file = resolveAppRequest(request.url, root);
    if (!file) return notFound();
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return notFound();
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': contentTypeOf(file),
        'Content-Security-Policy': csp,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      },
    });
  };

/** Must run after app 'ready'. `root` is the built renderer folder (out/renderer). */
export const handleAppProtocol = (root: string): void => {
  protocol.handle(APP_SCHEME, createAppRequestHandler(root));
};
