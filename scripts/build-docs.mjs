/**
 * `pnpm docs:site`: builds docs/ into a static site in docs-site/ (plain HTML and one stylesheet, no
 * script, so it can be hosted anywhere). Element pages are the element's guide followed by its
 * API reference (generated from custom-elements.json); the changelog page adds the pending
 * changesets and each package's CHANGELOG.md. Fails on a link to a page or heading that does not
 * exist. Links to repository files (examples, sources) point at PXM_REPO_URL when it is set.
 *   node scripts/build-docs.mjs
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { Marked } from 'marked';

const ROOT = new URL('..', import.meta.url).pathname;
const DOCS = join(ROOT, 'docs');
const OUT = join(ROOT, 'docs-site');
const REPO_URL = process.env.PXM_REPO_URL?.replace(/\/$/, '');
const TAGS = ['pxm-booking', 'pxm-intake-form', 'pxm-hep-viewer', 'pxm-survey', 'pxm-progress', 'pxm-referral', 'pxm-provider'];

/** The site: output page -> sources (concatenated), in navigation order. */
const pages = [
  { out: 'index.html', title: 'Overview', sources: ['docs/README.md'], nav: 'Start' },
  { out: 'getting-started.html', title: 'Getting started', sources: ['docs/getting-started.md'], nav: 'Start' },
  { out: 'frameworks.html', title: 'Frameworks', sources: ['docs/frameworks.md'], nav: 'Start' },
  ...TAGS.map((tag) => ({
    out: `elements/${tag}.html`,
    title: `<${tag}>`,
    sources: [`docs/elements/${tag}.md`, `docs/reference/${tag}.md`].filter((p) => existsSync(join(ROOT, p))),
    nav: 'Elements',
  })),
  { out: 'theming.html', title: 'Theming', sources: ['docs/theming.md'], nav: 'Guides' },
  { out: 'localization.html', title: 'Localization', sources: ['docs/localization.md'], nav: 'Guides' },
  { out: 'adapters.html', title: 'Writing an adapter', sources: ['docs/adapters.md'], nav: 'Guides' },
  { out: 'csp-and-privacy.html', title: 'CSP and privacy', sources: ['docs/csp-and-privacy.md'], nav: 'Guides' },
  { out: 'security.html', title: 'Security and robustness', sources: ['docs/security.md'], nav: 'Guides' },
  { out: 'size.html', title: 'What a page downloads', sources: ['docs/size.md'], nav: 'Guides' },
  { out: 'api/index.html', title: 'REST contract', sources: ['docs/api/README.md'], nav: 'Backends' },
  { out: 'fhir-mapping.html', title: 'FHIR R4 mapping', sources: ['docs/fhir-mapping.md'], nav: 'Backends' },
  { out: 'server/reminders.html', title: 'Reminders and next steps', sources: ['docs/server/reminders.md'], nav: 'Backends' },
  { out: 'architecture.html', title: 'Architecture', sources: ['docs/architecture.md'], nav: 'Project' },
  { out: 'changelog.html', title: 'Changelog', sources: ['docs/changelog.md'], nav: 'Project', extra: changelogExtra },
  { out: 'contributing.html', title: 'Contributing', sources: ['CONTRIBUTING.md'], nav: 'Project' },
].filter((page) => page.sources.length && page.sources.every((p) => existsSync(join(ROOT, p))));

/** Where each source file ends up, so `.md` links can be rewritten. */
const pageOf = new Map();
for (const page of pages) page.sources.forEach((source, i) => pageOf.set(source, { page, first: i === 0 }));
// The reference pages are part of the element pages; docs/reference/ links land there.
const assets = new Set(['docs/api/openapi.yaml']);

const slug = (text) =>
  text
    .toLowerCase()
    .replace(/<[^>]+>/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/\s/g, '-');

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function changelogExtra() {
  const lines = [];
  const pending = readdirSync(join(ROOT, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md').sort();
  lines.push('## Unreleased', '');
  if (!pending.length) lines.push('Nothing yet.', '');
  for (const file of pending) {
    const text = readFileSync(join(ROOT, '.changeset', file), 'utf8');
    const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
    const bumps = [...front.matchAll(/^['"]?(@pxm\/[\w-]+)['"]?:\s*(\w+)/gm)].map((m) => `${m[1]} (${m[2]})`);
    lines.push(`### ${bumps.join(', ') || file}`, '', body.trim().replace(/^#+\s/gm, '#### '), '');
  }
  const packages = join(ROOT, 'packages');
  for (const name of readdirSync(packages).sort()) {
    const log = join(packages, name, 'CHANGELOG.md');
    if (existsSync(log)) lines.push(`## @pxm/${name}`, '', readFileSync(log, 'utf8').replace(/^# .*\n/, '').replace(/^## /gm, '### '), '');
  }
  return lines.join('\n');
}

const problems = [];

function render(page) {
  const headingIds = new Set();
  const links = [];
  const fromDir = dirname(page.out);
  const marked = new Marked({
    gfm: true,
    renderer: {
      heading({ tokens, depth }) {
        const inner = this.parser.parseInline(tokens);
        let id = slug(inner);
        for (let n = 1; headingIds.has(id); n++) id = `${slug(inner)}-${n}`;
        headingIds.add(id);
        return `<h${depth} id="${id}">${inner}</h${depth}>\n`;
      },
      link({ href, title, tokens }) {
        const text = this.parser.parseInline(tokens);
        const target = rewrite(href, page, fromDir, links);
        if (target === null) return `<span class="repo-path">${text}</span>`;
        return `<a href="${escape(target)}"${title ? ` title="${escape(title)}"` : ''}>${text}</a>`;
      },
    },
  });
  let markdown = page.sources.map((source) => readFileSync(join(ROOT, source), 'utf8')).join('\n\n');
  if (page.extra) markdown += `\n\n${page.extra()}`;
  const html = marked.parse(markdown);
  return { html, headingIds, links };
}

/** A link as the site serves it; null for a repository path when no repository URL is known. */
function rewrite(href, page, fromDir, links) {
  if (/^(https?:|mailto:)/.test(href)) return href;
  const [path, hash] = href.split('#');
  if (!path) {
    links.push({ page: page.out, hash });
    return href;
  }
  // Resolve against the source file the link was written in (the first source is close enough:
  // every source of a page lives in the same folder, except the reference part of element pages).
  const source = page.sources[0];
  const resolved = normalize(join(dirname(source), path)).replace(/\/$/, '');
  const target = pageOf.get(resolved)?.page ?? (resolved.startsWith('docs/reference/') ? pageOf.get(resolved.replace('reference', 'elements'))?.page : undefined);
  if (target) {
    links.push({ page: target.out, hash, from: page.out, href });
    return `${relative(fromDir, target.out) || target.out.split('/').pop()}${hash ? `#${hash}` : ''}`;
  }
  if (assets.has(resolved)) return relative(fromDir, resolved.replace(/^docs\//, ''));
  if (existsSync(join(ROOT, resolved))) return REPO_URL ? `${REPO_URL}/tree/main/${resolved}${hash ? `#${hash}` : ''}` : null;
  problems.push(`${page.sources[0]}: link to ${href} (${resolved}) goes nowhere`);
  return href;
}

function layout(page, body) {
  const depth = page.out.split('/').length - 1;
  const up = depth ? '../'.repeat(depth) : '';
  const groups = [...new Set(pages.map((p) => p.nav))];
  const nav = groups
    .map((group) => {
      const items = pages
        .filter((p) => p.nav === group)
        .map((p) => `<li><a href="${up}${p.out}"${p === page ? ' aria-current="page"' : ''}>${escape(p.title)}</a></li>`)
        .join('');
      return `<h2>${group}</h2><ul>${items}</ul>`;
    })
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(page.title)} · PXM Elements</title>
<link rel="stylesheet" href="${up}docs.css">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<nav aria-label="Documentation"><p class="brand"><a href="${up}index.html">PXM Elements</a></p>${nav}</nav>
<main id="main">
${body}
</main>
</body>
</html>
`;
}

const CSS = `:root{color-scheme:light dark;--accent:light-dark(#0b6b66,#6fd3cb);font-family:system-ui,sans-serif;line-height:1.6}
body{margin:0;display:grid;grid-template-columns:16rem minmax(0,1fr);background:light-dark(#fff,#121417);color:light-dark(#1a1f24,#eceff2)}
nav{padding:1rem;border-inline-end:1px solid light-dark(#d5dbe0,#343b42);position:sticky;top:0;align-self:start;max-height:100vh;overflow:auto}
nav h2{font-size:.8rem;text-transform:uppercase;letter-spacing:.06em;margin:1.2rem 0 .3rem;color:light-dark(#4b5661,#a9b3bd)}
nav ul{list-style:none;margin:0;padding:0}nav li a{display:block;padding:.2rem 0}
nav a[aria-current]{font-weight:700}.brand{font-weight:700;font-size:1.1rem}
main{padding:1rem 2rem 4rem;max-width:60rem}
a{color:var(--accent)}code{font-size:.92em;background:light-dark(#f3f6f7,#1f2429);padding:.1em .3em;border-radius:.25rem}
pre{background:light-dark(#f3f6f7,#1f2429);padding:1rem;overflow:auto;border-radius:.5rem}pre code{background:none;padding:0}
table{border-collapse:collapse;display:block;overflow:auto;margin:1rem 0}th,td{border:1px solid light-dark(#d5dbe0,#343b42);padding:.35rem .6rem;text-align:start;vertical-align:top}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:Canvas;padding:.5rem}
@media (max-width:48rem){body{grid-template-columns:1fr}nav{position:static;max-height:none;border:0}}
`;

rmSync(OUT, { recursive: true, force: true });
const rendered = pages.map((page) => ({ page, ...render(page) }));
const idsByPage = new Map(rendered.map((r) => [r.page.out, r.headingIds]));
for (const r of rendered) {
  for (const link of r.links) {
    if (link.hash && !idsByPage.get(link.page)?.has(link.hash)) problems.push(`${r.page.sources[0]}: link to #${link.hash} in ${link.page}: no such heading`);
  }
  const file = join(OUT, r.page.out);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, layout(r.page, r.html));
}
writeFileSync(join(OUT, 'docs.css'), CSS);
for (const asset of assets) {
  const to = join(OUT, asset.replace(/^docs\//, ''));
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(join(ROOT, asset), to);
}
// Every doc page should be on the site: a new guide nobody linked is a mistake.
const onSite = new Set(pages.flatMap((p) => p.sources));
for (const file of readdirSync(DOCS, { recursive: true })) {
  const path = `docs/${file}`;
  if (path.endsWith('.md') && !onSite.has(path)) problems.push(`${path} is not on the site: add it to scripts/build-docs.mjs`);
}

if (problems.length) {
  console.error(`[pxm docs] ${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`);
  process.exit(1);
}
console.log(`[pxm docs] ${pages.length} pages written to ${relative(ROOT, OUT)}/ with every internal link and anchor resolved`);
