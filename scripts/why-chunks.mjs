import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
const ROOT = process.cwd();
const [,, entry, adapter] = process.argv;
const ad = adapter === 'fhir' ? `import { createFhirAdapter as c } from '${ROOT}/packages/adapter-fhir/src/index.ts';` : `import { createRestAdapter as c } from '${ROOT}/packages/adapter-rest/src/index.ts';`;
writeFileSync(`${ROOT}/.why-entry.js`, `import '${ROOT}/packages/elements/src/${entry}.ts'; ${ad} document.querySelector('x').adapter = c({baseUrl:'https://x'});`);
const r = await build({ entryPoints: [`${ROOT}/.why-entry.js`], bundle: true, minify: true, splitting: true, format: 'esm', outdir: '/tmp/why-out', write: false, metafile: true, conditions: ['source','browser','production'], logLevel: 'silent' });
const outs = r.metafile.outputs;
for (const f of r.outputFiles) {
  if (!f.path.endsWith('.js')) continue;
  const key = Object.keys(outs).find((k) => f.path.endsWith(k.replace(/^.*why-out/, '')));
  const o = outs[key];
  const ins = Object.entries(o.inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput).map(([i, v]) => `${i.split('/').slice(-2).join('/')}:${v.bytesInOutput}`).slice(0, 5).join(' ');
  const importers = Object.entries(outs).filter(([, other]) => other.imports.some((i) => key.endsWith(i.path.replace(/^.*why-out/, '')))).map(([k, other]) => `${k.split('/').pop()}(${other.imports.find((i) => key.endsWith(i.path.replace(/^.*why-out/, ''))).kind[0]})`).join(',');
  console.log(f.contents.length, gzipSync(f.contents, { level: 9 }).length, key.split('/').pop(), '|', ins, '| by', importers);
}
const all = Buffer.concat(r.outputFiles.filter((f) => f.path.endsWith('.js')).map((f) => f.contents));
const each = r.outputFiles.filter((f) => f.path.endsWith('.js')).reduce((t, f) => t + gzipSync(f.contents, { level: 9 }).length, 0);
console.error('sum of gz', each, 'gz of concat', gzipSync(all, { level: 9 }).length, 'raw', all.length);
