import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
const ROOT = process.cwd();
const [,, entry, adapter, mode] = process.argv;
const ad = adapter === 'fhir' ? `import { createFhirAdapter as c } from '${ROOT}/packages/adapter-fhir/src/index.ts';` : `import { createRestAdapter as c } from '${ROOT}/packages/adapter-rest/src/index.ts';`;
writeFileSync(`${ROOT}/.why-entry.js`, `import '${ROOT}/packages/elements/src/${entry}.ts'; ${ad} document.querySelector('x').adapter = c({baseUrl:'https://x'});`);
const r = await build({ entryPoints: [`${ROOT}/.why-entry.js`], bundle: true, minify: true, splitting: true, format: 'esm', outdir: '/tmp/why-out', write: false, metafile: true, conditions: ['source','browser','production'], logLevel: 'silent' });
const outs = r.metafile.outputs;
const ent = Object.keys(outs).find(k => (outs[k].entryPoint || '').endsWith('.why-entry.js'));
const up = new Set(); const visit = (p) => { if (up.has(p)) return; up.add(p); for (const i of outs[p].imports) if (i.kind === 'import-statement') visit(i.path); }; visit(ent);
const tot = {};
for (const p of (mode === 'up' ? up : Object.keys(outs))) for (const [inp, v] of Object.entries(outs[p].inputs || {})) { const k = inp.replace(/.*node_modules\/\.pnpm\/([^/]+)\/.*/, '$1'); tot[k] = (tot[k]||0) + v.bytesInOutput; }
for (const [k,v] of Object.entries(tot).sort()) console.log(k, v);
