import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
const ROOT = process.cwd();
const tag = process.argv[2];
writeFileSync(`${ROOT}/.why-entry.js`, `import '${ROOT}/packages/elements/src/define/${tag}.ts'; import { createRestAdapter } from '${ROOT}/packages/adapter-rest/src/index.ts'; document.querySelector('x').adapter = createRestAdapter({baseUrl:'https://x'});`);
const r = await build({ entryPoints: [`${ROOT}/.why-entry.js`], bundle: true, minify: true, splitting: true, format: 'esm', outdir: '/tmp/why-out', write: false, metafile: true, conditions: ['source','browser','production'], logLevel: 'silent' });
const outs = r.metafile.outputs;
const entry = Object.keys(outs).find(k => outs[k].entryPoint);
const up = new Set(); const visit = (p) => { if (up.has(p)) return; up.add(p); for (const i of outs[p].imports) if (i.kind === 'import-statement') visit(i.path); }; visit(entry);
const mode = process.argv[3] ?? 'up';
const tot = {};
for (const p of (mode === 'up' ? up : Object.keys(outs))) for (const [inp, v] of Object.entries(outs[p].inputs || {})) { const k = inp.replace(/.*node_modules\/\.pnpm\/([^/]+)\/.*/, '$1'); tot[k] = (tot[k]||0) + v.bytesInOutput; }
for (const [k,v] of Object.entries(tot).sort()) console.log(k, v);
