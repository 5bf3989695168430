import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
const ROOT = process.cwd();
writeFileSync(`${ROOT}/.why-entry.js`, `import '${ROOT}/packages/elements/src/define/pxm-booking.ts'; import { createRestAdapter } from '${ROOT}/packages/adapter-rest/src/index.ts'; document.querySelector('x').adapter = createRestAdapter({baseUrl:'https://x'});`);
const r = await build({ entryPoints: [`${ROOT}/.why-entry.js`], bundle: true, minify: true, splitting: true, format: 'esm', outdir: '/tmp/why-out', write: false, metafile: true, conditions: ['source','browser','production'], logLevel: 'silent' });
const target = process.argv[2];
for (const [file, info] of Object.entries(r.metafile.inputs)) for (const imp of info.imports) if (imp.path.includes(target)) console.log(file, '->', imp.path, imp.kind);
