/**
 * Serves the built test page on loopback. `/` pages carry the strict policy every practice with a
 * security review can set; `/lax/` serves the same files without it, so the injection tests can
 * see whether anything would have run had the page not been protected.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { PACKAGE_DIR } from './build.js';

/** The script-tag build (`pnpm build:cdn`), served at `/cdn/` as a practice hosting it would. */
export const CDN_ROOT = join(PACKAGE_DIR, '..', 'elements', 'cdn');

/**
 * Trusted Types variants of the strict policy (`?tt=`): `none` allows no policy at all, `lit`
 * allows Lit's, `dup` allows Lit's even when another copy of Lit created it first.
 */
const TRUSTED_TYPES: Record<string, string> = {
  none: "; trusted-types 'none'",
  lit: '; trusted-types lit-html',
  dup: "; trusted-types lit-html 'allow-duplicates'",
};

export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

export interface PageOptions {
  /** Link the hostile stylesheet. */
  hostile?: boolean;
  /** `direction: rtl` on the stage's wrapper, from a stylesheet (not the `dir` attribute). */
  rtl?: boolean;
  /** `dir` on the stage's wrapper. */
  dir?: 'ltr' | 'rtl';
  lang?: string;
  /**
   * Where the elements come from: the npm package bundled with the page in chunks (default), in
   * one file (`bundle`), or the script-tag build at `/cdn/`.
   */
  build?: 'npm' | 'bundle' | 'cdn';
  /** Classic setup scripts (see SETUP_SCRIPTS) that run before anything else. */
  setup?: string[];
}

/**
 * The page: no inline script or style anywhere, so the policy needs no exceptions. No whitespace
 * inside <body>: a hostile `white-space: pre` would turn it into lines that push the stage to a
 * fractional position, and screenshots would differ by anti-aliasing alone.
 */
export function pageHtml(options: PageOptions = {}): string {
  return `<!doctype html>
<html lang="${options.lang ?? 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>PXM hardening</title>
<link rel="stylesheet" href="/page.css">
${options.hostile ? '<link rel="stylesheet" href="/hostile.css">' : ''}
${options.rtl ? '<link rel="stylesheet" href="/rtl.css">' : ''}
${(options.setup ?? []).map((name) => `<script src="/setup-${name}.js"></script>`).join('\n')}
${options.build === 'cdn' ? '<script type="module" src="/cdn/pxm-elements.js"></script>\n<script type="module" src="/harness-cdn.js"></script>' : `<script type="module" src="/${options.build === 'bundle' ? 'harness-bundle' : 'harness'}.js"></script>`}
</head>
<body><script src="/sentinel.js"></script><div id="frame"${options.dir ? ` dir="${options.dir}"` : ''}><main id="stage"></main></div></body>
</html>`;
}

export interface TestServer {
  origin: string;
  /** Every path requested, in order. */
  requests: string[];
  /** Files that exist in the build (the only requests a page may make). */
  close(): Promise<void>;
}

export async function startServer(root: string): Promise<TestServer> {
  const requests: string[] = [];
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    requests.push(url.pathname);
    const lax = url.pathname.startsWith('/lax/');
    const path = lax ? url.pathname.slice(4) : url.pathname;
    const headers: Record<string, string> = { 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' };
    if (!lax) headers['content-security-policy'] = STRICT_CSP + (TRUSTED_TYPES[url.searchParams.get('tt') ?? ''] ?? '');
    if (path === '/' || path === '/index.html') {
      const dir = url.searchParams.get('dir');
      const html = pageHtml({
        hostile: url.searchParams.has('hostile'),
        rtl: url.searchParams.has('rtl'),
        dir: dir === 'rtl' || dir === 'ltr' ? dir : undefined,
        lang: url.searchParams.get('lang') ?? undefined,
        build: (['cdn', 'bundle'] as const).find((build) => build === url.searchParams.get('build')) ?? 'npm',
        setup: url.searchParams.getAll('setup').filter((name) => /^[\w-]+$/.test(name)),
      });
      response.writeHead(200, { ...headers, 'content-type': TYPES['.html']! });
      response.end(lax ? html.replace(/(src|href)="\//g, '$1="/lax/') : html);
      return;
    }
    const base = path.startsWith('/cdn/') ? CDN_ROOT : root;
    const file = normalize(join(base, path.startsWith('/cdn/') ? path.slice(4) : path));
    if (!file.startsWith(base)) {
      response.writeHead(403, headers).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404, headers).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
