/**
 * Makes the demo media of the home exercise program (public/hep-media/): a line drawing per
 * exercise (SVG), and for two exercises a short looping video (WebM, drawn on a canvas in headless
 * Chromium and recorded with MediaRecorder) with English and Spanish captions (WebVTT).
 *
 *   node examples/site/scripts/make-hep-media.mjs
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../../scripts/chromium.mjs';

const OUT = join(import.meta.dirname, '..', 'public', 'hep-media');
const W = 640;
const H = 360;
const FLOOR = 305;

/** A side view, facing right. The worked (right) leg is drawn in the accent colour. */
const lying = { head: [95, 262], neck: [130, 270], hip: [300, 280], hand: [250, 290], elbow: [190, 285] };
const standing = { head: [300, 62], neck: [300, 95], hip: [300, 195], elbow: [345, 150], hand: [432, 182] };

const poses = {
  'quad-sets': [
    { head: [188, 122], neck: [196, 158], hip: [226, 290], elbow: [175, 225], hand: [150, 292], knee: [345, 270], foot: [462, 292], otherKnee: [345, 296], otherFoot: [458, 298] },
    { head: [188, 122], neck: [196, 158], hip: [226, 290], elbow: [175, 225], hand: [150, 292], knee: [345, 292], foot: [462, 292], otherKnee: [345, 296], otherFoot: [458, 298] },
  ],
  'heel-slides': [
    { ...lying, knee: [420, 283], foot: [535, 287], otherKnee: [420, 292], otherFoot: [535, 296] },
    { ...lying, knee: [385, 195], foot: [370, 287], otherKnee: [420, 292], otherFoot: [535, 296] },
  ],
  'straight-leg-raise': [
    { ...lying, knee: [420, 283], foot: [535, 287], otherKnee: [385, 205], otherFoot: [445, 296] },
    { ...lying, knee: [410, 238], foot: [515, 196], otherKnee: [385, 205], otherFoot: [445, 296] },
  ],
  'mini-squats': [
    { ...standing, knee: [304, 250], foot: [306, FLOOR], otherKnee: [298, 250], otherFoot: [296, FLOOR] },
    { head: [290, 92], neck: [292, 125], hip: [276, 222], elbow: [345, 165], hand: [432, 182], knee: [322, 262], foot: [306, FLOOR], otherKnee: [316, 262], otherFoot: [296, FLOOR] },
  ],
  'calf-raises': [
    { ...standing, knee: [304, 250], foot: [306, FLOOR], otherKnee: [298, 250], otherFoot: [296, FLOOR] },
    { head: [300, 46], neck: [300, 79], hip: [300, 179], elbow: [345, 136], hand: [432, 182], knee: [304, 234], foot: [306, FLOOR - 16], otherKnee: [298, 234], otherFoot: [296, FLOOR - 16], tiptoe: true },
  ],
  'single-leg-balance': [
    { ...standing, knee: [352, 205], foot: [336, 262], otherKnee: [298, 250], otherFoot: [296, FLOOR] },
    { ...standing, knee: [352, 205], foot: [336, 262], otherKnee: [298, 250], otherFoot: [296, FLOOR] },
  ],
  'stationary-bike': [
    { head: [322, 48], neck: [318, 80], hip: [282, 170], elbow: [370, 120], hand: [410, 148], knee: [352, 190], foot: [352, 268], otherKnee: [330, 215], otherFoot: [300, 282], bike: true },
    { head: [322, 48], neck: [318, 80], hip: [282, 170], elbow: [370, 120], hand: [410, 148], knee: [340, 215], foot: [300, 282], otherKnee: [352, 190], otherFoot: [352, 268], bike: true },
  ],
};

const needsCounter = new Set(['mini-squats', 'calf-raises', 'single-leg-balance']);

function figureSvg(id, pose) {
  const line = (points, cls) => `<polyline class="${cls}" points="${points.map((p) => p.join(',')).join(' ')}"/>`;
  const toe = (foot) => (pose.tiptoe ? [foot[0] + 18, foot[1] + 16] : [foot[0] + 22, foot[1]]);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}">
  <style>
    .floor{stroke:#b8c4cc;stroke-width:3}
    .prop{fill:#e6ecef;stroke:#9aa8b1;stroke-width:3}
    .body,.rest{fill:none;stroke:#3c4b56;stroke-width:14;stroke-linecap:round;stroke-linejoin:round}
    .rest{stroke:#8796a0}
    .worked{fill:none;stroke:#0b6b66;stroke-width:15;stroke-linecap:round;stroke-linejoin:round}
    .head{fill:#3c4b56}
  </style>
  <rect width="${W}" height="${H}" fill="#f6f9fa"/>
  <line class="floor" x1="20" y1="${FLOOR + 8}" x2="${W - 20}" y2="${FLOOR + 8}"/>
  ${needsCounter.has(id) ? `<rect class="prop" x="430" y="178" width="150" height="${FLOOR + 8 - 178}" rx="4"/>` : ''}
  ${pose.bike ? `<circle class="prop" cx="330" cy="272" r="34"/><polyline class="prop" fill="none" points="282,178 330,272 420,150"/><rect class="prop" x="250" y="160" width="60" height="14" rx="6"/><line class="floor" x1="330" y1="272" x2="330" y2="${FLOOR + 8}"/>` : ''}
  ${line([pose.hip, pose.otherKnee, pose.otherFoot, toe(pose.otherFoot)], 'rest')}
  ${line([pose.neck, pose.hip], 'body')}
  ${line([pose.neck, pose.elbow, pose.hand], 'body')}
  ${line([pose.hip, pose.knee, pose.foot, toe(pose.foot)], 'worked')}
  <circle class="head" cx="${pose.head[0]}" cy="${pose.head[1]}" r="24"/>
</svg>
`;
}

// The still picture shows the exercise's working position (the second pose).
for (const [id, [, working]] of Object.entries(poses)) writeFileSync(join(OUT, `${id}.svg`), figureSvg(id, working));

const captions = {
  'quad-sets': {
    en: ['Sit with your right leg straight out in front of you.', 'Tighten the muscle on the front of your thigh.', 'Press the back of your knee down and hold for five seconds.', 'Relax fully, then repeat.'],
    es: ['Siéntese con la pierna derecha estirada delante.', 'Apriete el músculo de la parte delantera del muslo.', 'Presione la parte de atrás de la rodilla hacia abajo y mantenga cinco segundos.', 'Relaje por completo y repita.'],
  },
  'heel-slides': {
    en: ['Lie on your back with both legs straight.', 'Slide your right heel toward you as far as is comfortable.', 'Hold for a moment.', 'Slide it back until the leg is straight.'],
    es: ['Acuéstese boca arriba con las dos piernas estiradas.', 'Deslice el talón derecho hacia usted hasta donde le resulte cómodo.', 'Mantenga un momento.', 'Deslícelo de vuelta hasta estirar la pierna.'],
  },
};

const SECONDS = 12;
const stamp = (s) => `00:00:${String(s).padStart(2, '0')}.000`;
for (const [id, languages] of Object.entries(captions)) {
  for (const [lang, lines] of Object.entries(languages)) {
    const slice = SECONDS / lines.length;
    const cues = lines.map((text, i) => `${i + 1}\n${stamp(Math.round(i * slice))} --> ${stamp(Math.round((i + 1) * slice))}\n${text}\n`);
    writeFileSync(join(OUT, `${id}.${lang}.vtt`), `WEBVTT\n\n${cues.join('\n')}`);
  }
}

// Videos: the two poses eased back and forth on a canvas, recorded in the browser.
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  for (const id of Object.keys(captions)) {
    const [start, end] = poses[id];
    const base64 = await page.evaluate(
      async ({ start, end, W, H, FLOOR, SECONDS }) => {
        const canvas = document.createElement('canvas');
        canvas.width = W;
        canvas.height = H;
        document.body.append(canvas);
        const ctx = canvas.getContext('2d');
        const mix = (a, b, t) => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
        const poly = (points, colour, width) => {
          ctx.strokeStyle = colour;
          ctx.lineWidth = width;
          ctx.lineCap = 'round';
          ctx.lineJoin = 'round';
          ctx.beginPath();
          points.forEach((p, i) => (i ? ctx.lineTo(p[0], p[1]) : ctx.moveTo(p[0], p[1])));
          ctx.stroke();
        };
        const draw = (t) => {
          const p = {};
          for (const key of Object.keys(start)) p[key] = Array.isArray(start[key]) ? mix(start[key], end[key], t) : start[key];
          ctx.fillStyle = '#f6f9fa';
          ctx.fillRect(0, 0, W, H);
          poly([[20, FLOOR + 8], [W - 20, FLOOR + 8]], '#b8c4cc', 3);
          const toe = (f) => [f[0] + 22, f[1]];
          poly([p.hip, p.otherKnee, p.otherFoot, toe(p.otherFoot)], '#8796a0', 14);
          poly([p.neck, p.hip], '#3c4b56', 14);
          poly([p.neck, p.elbow, p.hand], '#3c4b56', 14);
          poly([p.hip, p.knee, p.foot, toe(p.foot)], '#0b6b66', 15);
          ctx.fillStyle = '#3c4b56';
          ctx.beginPath();
          ctx.arc(p.head[0], p.head[1], 24, 0, Math.PI * 2);
          ctx.fill();
        };
        draw(0);
        const stream = canvas.captureStream(30);
        const recorder = new MediaRecorder(stream, { mimeType: 'video/webm;codecs=vp8', videoBitsPerSecond: 120_000 });
        const chunks = [];
        recorder.ondataavailable = (event) => chunks.push(event.data);
        const stopped = new Promise((resolve) => (recorder.onstop = resolve));
        recorder.start();
        const began = performance.now();
        await new Promise((resolve) => {
          const frame = () => {
            const elapsed = (performance.now() - began) / 1000;
            if (elapsed >= SECONDS) return resolve();
            // Two slow repetitions: ease in, hold, ease out.
            const phase = (elapsed % (SECONDS / 2)) / (SECONDS / 2);
            const t = phase < 0.3 ? 0.5 - Math.cos((phase / 0.3) * Math.PI) / 2 : phase < 0.7 ? 1 : 0.5 + Math.cos(((phase - 0.7) / 0.3) * Math.PI) / 2;
            draw(t);
            requestAnimationFrame(frame);
          };
          requestAnimationFrame(frame);
        });
        recorder.stop();
        await stopped;
        const buffer = new Uint8Array(await new Blob(chunks, { type: 'video/webm' }).arrayBuffer());
        let binary = '';
        for (const byte of buffer) binary += String.fromCharCode(byte);
        canvas.remove();
        return btoa(binary);
      },
      { start, end, W, H, FLOOR, SECONDS },
    );
    writeFileSync(join(OUT, `${id}.webm`), Buffer.from(base64, 'base64'));
    process.stdout.write(`${id}.webm: ${Math.round((base64.length * 3) / 4 / 1024)} KB\n`);
  }
} finally {
  await browser.close();
}
