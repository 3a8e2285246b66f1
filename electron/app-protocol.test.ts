import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';

const { fake } = await vi.hoisted(async () => {
  const { createFakeElectron } = await import('../test/fake-electron');
  return { fake: createFakeElectron() };
});
vi.mock('electron', () => fake.module);

const { FALLBACK_CSP, extractCsp } = await import('./csp');
const { contentTypeOf, createAppRequestHandler, registerAppScheme, resolveAppRequest, resolveRendererFile } =
  await import('./app-protocol');

const CSP = "default-src 'self'; script-src 'self'";
const INDEX = `<!doctype html><html><head>
<meta charset="utf-8" />
<meta
  http-equiv="Content-Security-Policy"
  content="default-src 'self';   script-src 'self'"
/>
</head><body></body></html>`;

let root: string;
beforeAll(() => {
  const base = mkdtempSync(path.join(tmpdir(), 'portwarden-app-'));
  root = path.join(base, 'out', 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), INDEX);
  writeFileSync(path.join(root, 'assets', 'index-Ab_1-x.js'), 'console.log(1)');
  writeFileSync(path.join(base, 'secret.txt'), 'outside the root');
});

describe('resolveRendererFile (the boundary between a URL and the disk)', () => {
  it('serves index.html for / and files inside the root', () => {
    expect(resolveRendererFile(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveRendererFile(root, '/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveRendererFile(root, '/assets/index-Ab_1-x.js')).toBe(path.join(root, 'assets', 'index-Ab_1-x.js'));
  });

  it.each([
    ['..', '/../secret.txt'],
    ['.. deeper', '/assets/../../secret.txt'],
    ['. segment', '/./index.html'],
    ['%2e%2e', '/%2e%2e/secret.txt'],
    ['%2E%2E', '/%2E%2E/%2E%2E/secret.txt'],
    ['.%2e', '/.%2e/secret.txt'],
    ['..%5c', '/..%5csecret.txt'],
    ['%5c..', '/assets%5c..%5c..%5csecret.txt'],
    ['backslash', '/assets\\..\\..\\secret.txt'],
    ['encoded slash', '/assets%2f..%2f..%2fsecret.txt'],
    ['drive letter', '/C:/Windows/win.ini'],
    ['encoded drive letter', '/C%3A/Windows/win.ini'],
    ['UNC', '//server/share'],
    ['encoded UNC', '/%5c%5cserver%5cshare'],
    ['NUL', '/index.html%00.png'],
    ['raw NUL', '/index.html\0'],
    ['NTFS stream', '/index.html::$DATA'],
    ['device name', '/CON'],
    ['device name with extension', '/assets/nul.js'],
    ['empty segment', '/assets//index-Ab_1-x.js'],
    ['directory', '/assets/'],
    ['malformed escape', '/%E0%A4%A'],
    ['relative', 'index.html'],
    ['absolute posix', '/etc/passwd'.replace('/etc', '/%2fetc')],
  ])('refuses %s (%s)', (_label, encoded) => {
    expect(resolveRendererFile(root, encoded)).toBeNull();
  });

  it('holds with Windows paths too', () => {
    const winRoot = 'C:\\Program Files\\Portwarden\\resources\\app.asar\\out\\renderer';
    expect(resolveRendererFile(winRoot, '/assets/a.js', path.win32)).toBe(`${winRoot}\\assets\\a.js`);
    for (const bad of ['/..%5c..%5cwin.ini', '/C:/Windows/win.ini', '//server/share', '/%2e%2e/x', '/a%5cb'])
      expect(resolveRendererFile(winRoot, bad, path.win32)).toBeNull();
  });
});

describe('resolveAppRequest', () => {
  it('accepts only app://portwarden', () => {
    expect(resolveAppRequest('app://portwarden/index.html', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppRequest('app://portwarden/index.html?x=1#y', root)).toBe(path.join(root, 'index.html'));
    for (const url of [
      'app://portwarden.evil/index.html',
      'app://bundle@portwarden/index.html',
      'app://evil/index.html',
      'app://portwarden:8080/index.html',
      'https://portwarden/index.html',
      'file:///C:/Windows/win.ini',
      'not a url',
    ])
      expect(resolveAppRequest(url, root)).toBeNull();
  });
});

describe('the app:// handler', () => {
  const handler = () => createAppRequestHandler(root, CSP);

  it('serves index.html with its content type, nosniff and the CSP header', async () => {
    const response = await handler()(new Request('app://portwarden/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(INDEX);
  });

  it('serves scripts as JavaScript', async () => {
    const response = await handler()(new Request('app://portwarden/assets/index-Ab_1-x.js'));
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for traversal, other hosts and missing files; 405 for writes', async () => {
    for (const url of ['app://portwarden/nope.js', 'app://other/index.html', 'app://portwarden/%2e%2e%5csecret.txt'])
      expect((await handler()(new Request(url))).status).toBe(404);
    expect((await handler()(new Request('app://portwarden/index.html', { method: 'POST', body: 'x' }))).status).toBe(
      405,
    );
  });

  it('reads the CSP from the built index.html and adds the header-only frame-ancestors', async () => {
    const response = await createAppRequestHandler(root)(new Request('app://portwarden/'));
    expect(response.headers.get('content-security-policy')).toBe(`${CSP}; frame-ancestors 'none'`);
  });

  it('keeps the fallback policy equal to the one in renderer/index.html', () => {
    const source = readFileSync(new URL('../renderer/index.html', import.meta.url), 'utf8');
    expect(extractCsp(source)).toBe(FALLBACK_CSP);
  });

  it('falls back to the docs/architecture.md §5 policy when the page has none', () => {
    expect(extractCsp('<html><head></head></html>')).toBeNull();
    expect(FALLBACK_CSP).toContain("script-src 'self'");
    expect(FALLBACK_CSP).not.toMatch(/unsafe-(inline|eval)/);
  });

  it('knows the content types Vite emits', () => {
    expect(contentTypeOf('a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeOf('a.woff2')).toBe('font/woff2');
    expect(contentTypeOf('a.svg')).toBe('image/svg+xml');
    expect(contentTypeOf('a.unknown')).toBe('application/octet-stream');
  });
});

describe('registerAppScheme', () => {
  it('registers app:// as standard and secure, without CSP bypass', () => {
    fake.reset();
    registerAppScheme();
    expect(fake.state.protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });
});
