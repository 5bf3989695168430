/**
 * Builds the script-tag files of @pxm/elements into packages/elements/cdn/:
 *   pxm-elements.js        one file: every element registered, Lit and core included, the
 *                          public API exported
 *   pxm-adapter-memory.js  the in-browser demo backend, `adapter="memory"`
 *   pxm-adapter-rest.js    the REST client, `adapter="rest"`
 *   chunks/                parts loaded only when needed (later booking steps, Spanish, charts,
 *                          signing), and code the two adapters share
 * The adapter files import pxm-elements.js, so they reuse its copy of core (one `AdapterError`
 * class, one set of schemas) and add only their own code. Rollup does the chunking because it
 * keeps everything a page needs up front in that one file; parts that always load together, or
 * too small for a file of their own, are then merged (CHUNK_MERGES). esbuild compiles TypeScript
 * and minifies. ES2022, with source maps.
 *   node scripts/build-cdn.mjs [--quiet]        prints what each file costs a page
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { transform } from 'esbuild';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { minify as terser } from 'terser';
import { minifyTemplateLiterals } from './template-literals.mjs';

const ELEMENTS = new URL('../packages/elements/', import.meta.url).pathname;
export const CDN_DIR = join(ELEMENTS, 'cdn');
export const CDN_ENTRIES = {
  'pxm-elements': join(ELEMENTS, 'src/cdn.ts'),
  'pxm-adapter-memory': join(ELEMENTS, 'src/cdn/adapters/memory.ts'),
  'pxm-adapter-rest': join(ELEMENTS, 'src/cdn/adapters/rest.ts'),
};

/** Workspace sources are TypeScript imported as `./x.js`: resolve to `./x.ts` and compile. */
function typescriptSources() {
  return {
    name: 'pxm-typescript-sources',
    resolveId(source, importer) {
      if (!importer || !source.startsWith('.') || !source.endsWith('.js')) return null;
      const candidate = resolve(dirname(importer), source.replace(/\.js$/, '.ts'));
      return existsSync(candidate) ? candidate : null;
    },
    async transform(code, id) {
      const isTs = id.endsWith('.ts');
      if (!isTs && !code.includes('process.env.NODE_ENV')) return null;
      const result = await transform(isTs && id.startsWith(ELEMENTS) ? minifyTemplateLiterals(code, id) : code, {
        loader: isTs ? 'ts' : 'js',
        format: 'esm',
        target: 'es2022',
        sourcemap: true,
        sourcefile: id,
        define: { 'process.env.NODE_ENV': '"production"' },
      });
      return { code: result.code, map: result.map };
    },
  };
}

/**
 * Terser minifies the script-tag files: over the same chunks it writes about 2.5% less gzip than
 * esbuild's minifier (measured by `pnpm size`), and these files are ours to build. Three compress
 * passes (a third pass still finds about 0.2 KB); only the `/*!` licence line is kept.
 */
function minify() {
  return {
    name: 'pxm-minify',
    async renderChunk(code) {
      const result = await terser(code, { module: true, ecma: 2020, compress: { passes: 3 }, format: { comments: /^!/ }, sourceMap: true });
      return { code: result.code, map: result.map };
    },
  };
}

/**
 * Files that always load together, or a file too small to be worth a request of its own: the
 * first module's file joins the second's. Each gzipped file carries its own header, imports and
 * exports and starts compressing from nothing, so a few hundred bytes of a tiny file are overhead.
 * - the time list's views (shared by the first steps and the later ones) go with the first steps,
 *   which every booking fetches as it connects, before any later step;
 * - abort helpers and the attachment limit, a few lines both adapters and several parts use, go
 *   in pxm-elements.js, which every page loads anyway;
 * - the memory backend's simulated latency goes in pxm-adapter-memory.js, which loads before
 *   any of its parts;
 * - the survey's pending submits always load the offline queue: one file;
 * - the HEP's log sync and paper copy: a viewer fetches both for every program it shows (the
 *   sync for its token, the copy when idle), so they are one file, `hep-extras`. The rating form
 *   stays a file of its own: the card says so when only it cannot arrive (a hardening proof);
 * - the Spanish of the intake form, the HEP viewer and the survey (which pxm-elements.js defines
 *   at once) is one file, `messages.es`, as their English is one file: a page in Spanish fetches
 *   it once, for all of them (the booking's comes with its first steps).
 * A third entry names the merged file.
 */
const CHUNK_MERGES = [
  ['elements/src/booking/booking-times.ts', 'elements/src/booking/booking-pick.ts'],
  ['core/src/util/abort.ts', 'elements/src/cdn.ts'],
  ['core/src/schemas/attachment-limit.ts', 'elements/src/cdn.ts'],
  ['adapter-memory/src/latency.ts', 'elements/src/cdn/adapters/memory.ts'],
  ['elements/src/survey/pending-submit.ts', 'elements/src/internal/offline-queue/offline-queue.ts'],
  ['elements/src/hep-viewer/print-view.ts', 'elements/src/hep-viewer/log-sync.ts', 'hep-extras'],
  ['elements/src/survey/survey.messages.es.ts', 'elements/src/hep-viewer/hep-viewer.messages.es.ts', 'messages.es'],
  ['elements/src/intake-form/intake-form.messages.es.ts', 'elements/src/hep-viewer/hep-viewer.messages.es.ts', 'messages.es'],
];

/** Module id -> name of its file: rollup's split, with each merge of CHUNK_MERGES applied. */
function mergedChunks(chunks) {
  const names = new Map();
  const chunkOf = new Map();
  for (const chunk of chunks) {
    // The first module's name, unique (two parts may start with modules of the same name).
    let name = chunk.name;
    for (let index = 2; [...names.values()].includes(name); index++) name = `${chunk.name}${index}`;
    names.set(chunk, name);
    for (const id of chunk.moduleIds) chunkOf.set(id, name);
  }
  const nameOf = (suffix) => {
    const id = [...chunkOf.keys()].find((moduleId) => moduleId.endsWith(`/${suffix}`));
    if (!id) throw new Error(`build-cdn: no module ${suffix} to merge (CHUNK_MERGES is out of date).`);
    return chunkOf.get(id);
  };
  for (const [from, into, fileName] of CHUNK_MERGES) {
    const source = nameOf(from);
    const target = nameOf(into);
    for (const [id, name] of chunkOf) if (name === source || name === target) chunkOf.set(id, fileName ?? target);
  }
  return chunkOf;
}

/** Builds the files; `write: false` only returns them (for `pnpm size`). */
export async function buildCdn({ write = true } = {}) {
  const version = JSON.parse(readFileSync(join(ELEMENTS, 'package.json'), 'utf8')).version;
  if (write) rmSync(CDN_DIR, { recursive: true, force: true });
  const bundle = await rollup({
    input: CDN_ENTRIES,
    preserveEntrySignatures: 'allow-extension',
    plugins: [
      typescriptSources(),
      nodeResolve({ browser: true, exportConditions: ['source', 'browser', 'production', 'import', 'default'], extensions: ['.ts', '.mjs', '.js'] }),
    ],
    onwarn(warning, warn) {
      // Notes about dependencies' own code (comment placement, zod's internal import cycle).
      if (['THIS_IS_UNDEFINED', 'INVALID_ANNOTATION', 'CIRCULAR_DEPENDENCY'].includes(warning.code) && /node_modules/.test(warning.id ?? warning.ids?.[0] ?? warning.message)) return;
      warn(warning);
    },
  });
  const output = {
    dir: CDN_DIR,
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: true,
    // The licence line heads the three files a page names. The parts they load from chunks/ are
    // theirs (the package's licence, in its package.json, covers every file): the line again in
    // each would cost a page about 50 bytes per file.
    banner: (chunk) => (chunk.isEntry ? `/*! @pxm/elements ${version} | MIT | https://www.npmjs.com/package/@pxm/elements */` : ''),
  };
  // Rollup's own split first (not minified: only which module lands in which file is read), then
  // the same files with the merges of CHUNK_MERGES.
  const { output: split } = await bundle.generate({ ...output, sourcemap: false });
  const chunkOf = mergedChunks(split.filter((item) => item.type === 'chunk'));
  const { output: files } = await bundle[write ? 'write' : 'generate']({
    ...output,
    manualChunks: (id) => chunkOf.get(id),
    onlyExplicitManualChunks: true,
    plugins: [minify()],
  });
  await bundle.close();
  return files.filter((item) => item.type === 'chunk');
}

/** What a page downloads for one entry: the file and every chunk it imports statically. */
export function initialCost(chunks, fileName) {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const next of byName.get(name).imports) visit(next);
  };
  visit(fileName);
  const files = [...seen].map((name) => byName.get(name).code);
  return {
    files: files.length,
    minified: files.reduce((sum, code) => sum + Buffer.byteLength(code), 0),
    gzipped: files.reduce((sum, code) => sum + gzipSync(code, { level: 9 }).length, 0),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now();
  const chunks = await buildCdn();
  if (!process.argv.includes('--quiet')) {
    const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`.padStart(9);
    console.log(`[pxm] ${relative(process.cwd(), CDN_DIR)}/ built in ${((Date.now() - started) / 1000).toFixed(1)} s. Up front per file (its static imports included):`);
    for (const name of Object.keys(CDN_ENTRIES)) {
      const cost = initialCost(chunks, `${name}.js`);
      console.log(`  ${`${name}.js`.padEnd(24)} ${kb(cost.minified)} min ${kb(cost.gzipped)} gzip  (${cost.files} file${cost.files > 1 ? 's' : ''})`);
    }
    const total = chunks.reduce((sum, chunk) => sum + gzipSync(chunk.code, { level: 9 }).length, 0);
    console.log(`  all ${chunks.length} files, on-demand parts included: ${kb(total).trim()} gzip`);
  }
}
