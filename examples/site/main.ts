import '@pxm/elements/define';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import { createRestAdapter } from '@pxm/adapter-rest';
import { demoHepPrograms } from '@pxm/core/demo';
import type { PxmProvider } from '@pxm/elements';
import { backendNote, demoSections, introFor, type DemoBackend } from './sections.js';

// The embedded demo backend: seeded practice, simulated network latency, rules enforced.
// The home exercise program's demo videos and pictures are served from public/hep-media/.
const adapter = createMemoryAdapter({
  latencyMs: { min: 120, max: 400 },
  seed: { hepPrograms: demoHepPrograms(new Date(), { mediaBaseUrl: new URL('hep-media/', document.baseURI).href }) },
});
const provider = document.querySelector<PxmProvider>('#pxm')!;
// `?backend=rest` runs the page against the reference server instead (`pnpm server:demo`; `&api=` for
// another address): same practice, same demo links, real HTTP.
const params = new URLSearchParams(location.search);
const backend: DemoBackend = params.get('backend') === 'rest' ? 'rest' : 'memory';
const api = params.get('api') ?? 'http://127.0.0.1:8787';
provider.adapter = backend === 'rest' ? createRestAdapter({ baseUrl: api }) : adapter;
document.querySelector('#backend-note')!.textContent = backendNote(backend, api);

const language = document.querySelector<HTMLSelectElement>('#language')!;
language.addEventListener('change', () => {
  provider.locale = language.value;
  document.documentElement.lang = language.value;
});

const container = document.querySelector('#sections')!;
const nav = document.querySelector('#nav')!;
for (const section of demoSections) {
  if (!customElements.get(section.tag)) continue;
  const element = document.createElement('section');
  element.className = 'demo-section';
  element.id = section.id;
  const heading = document.createElement('h2');
  heading.textContent = section.title;
  const intro = document.createElement('p');
  intro.textContent = introFor(section, backend);
  const host = document.createElement('div');
  // Markup is the page's own constant, not user input.
  host.innerHTML = section.markup;
  element.append(heading, intro, host);
  container.append(element);
  const link = document.createElement('li');
  const anchor = document.createElement('a');
  anchor.href = `#${section.id}`;
  anchor.textContent = section.nav ?? section.title;
  link.append(anchor);
  nav.append(link);
}

if (demoSections.length === 0 || !container.children.length) {
  const practice = await adapter.booking.getPractice();
  const locations = await adapter.booking.listLocations();
  const about = document.createElement('section');
  about.className = 'demo-section';
  about.innerHTML = '<h2>Our clinics</h2><ul></ul>';
  const list = about.querySelector('ul')!;
  for (const location of locations) {
    const item = document.createElement('li');
    item.textContent = `${location.name}: ${location.address.line1}, ${location.address.city} (${location.timeZone})`;
    list.append(item);
  }
  const note = document.createElement('p');
  note.textContent = `${practice.name} runs on the ${backend === 'rest' ? 'reference server' : 'embedded demo backend'} through <pxm-provider>.`;
  about.append(note);
  container.append(about);
}
