import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
const ROOT = process.cwd();
const [,, entry, adapter] = process.argv;
const ad = adapter === 'fhir' ? `import { createFhirAdapter as c } from '${ROOT}/packages/adapter-fhir/src/index.ts';` : `import { createRestAdapter as c } from '${ROOT}/packages/adapter-rest/src/index.ts';`;
writeFileSync(`${ROOT}/.why-entry.js`, `import '${ROOT}/packages/elements/src/${entry}.ts'; ${ad} document.querySelector('x').adapter = c({baseUrl:'https://x'});`);
const r = await build({ entryPoints: [`${ROOT}/.why-entry.js`], bundle: true, minify: true, splitting: true, format: 'esm', outdir: '/tmp/why-out', write: false, metafile: true, conditions: ['source','browser','production'], logLevel: 'silent' });
const tot = {};
for (const o of Object.values(r.metafile.outputs)) for (const [i, v] of Object.entries(o.inputs)) { const k = i.replace(/^.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, 'npm:'); tot[k] = (tot[k] ?? 0) + v.bytesInOutput; }
for (const [k, v] of Object.entries(tot)) console.log(v + '\t' + k);
