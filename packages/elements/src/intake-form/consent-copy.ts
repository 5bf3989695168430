/**
 * A copy of the signed consents for the patient to keep (the electronic-records disclosure
 * promises one), saved from the confirmation. It comes with the signing part, so saving works at
 * once and offline (the patient may have lost the network by then). It is one self-contained HTML
 * file, saved through a `blob:` URL and `<a download>` (nothing inline runs, so a strict CSP allows it):
 * the form title, each consent's text and disclosure exactly as shown with its version, and each
 * signature (name, time in UTC and local time, method, SHA-256 of the text signed, the drawing).
 * No other answer goes in. Every text is escaped; a drawing is rebuilt from its own path data,
 * never copied in as markup; the file carries no script and a policy that forbids any.
 */
import type { FormEngine, FormItem, SignatureRecord } from '@pxm/core/forms';
import { readSignatureSvg } from '@pxm/core/signing';

type ConsentItem = Extract<FormItem, { type: 'consent' }>;

export interface ConsentCopyEntry {
  /** The consent shown (absent for a signature that stands alone). */
  consent?: ConsentItem | undefined;
  disclosure?: string | undefined;
  /** When "I agree" was checked. */
  agreedAt?: string | undefined;
  /** The signature item's label, for a signature without a consent. */
  label?: string | undefined;
  signature?: SignatureRecord | undefined;
}

export interface ConsentCopyText {
  lang: string;
  formTitle: string;
  intro: string;
  version: (version: string) => string;
  disclosureTitle: string;
  agreedAt: string;
  signature: string;
  signedBy: string;
  signedUtc: string;
  signedLocal: string;
  method: (record: SignatureRecord) => string;
  hash: string;
  /** An instant in UTC and in the patient's zone, as the patient reads them. */
  utc: (instant: string) => string;
  local: (instant: string) => string;
}

const isRecord = (value: unknown): value is Partial<Record<string, unknown>> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Every consent agreed to and every signature given on the shown pages, in form order, each
 * signature with the consent it signs. Only top-level items: a consent never sits in a
 * repeating group.
 */
export function consentCopyEntries(engine: FormEngine, disclosureOf: (item: ConsentItem) => string): ConsentCopyEntry[] {
  const entries: ConsentCopyEntry[] = [];
  const byConsent = new Map<string, ConsentCopyEntry>();
  for (const id of engine.index.itemIds) {
    const { item, groups } = engine.index.items.get(id)!;
    if (groups.length > 0 || !engine.isVisible(id)) continue;
    const value: unknown = engine.getAnswer(id);
    if (item.type === 'consent' && isRecord(value) && value.agreed === true && value.version === item.version) {
      const entry: ConsentCopyEntry = { consent: item, disclosure: disclosureOf(item), agreedAt: typeof value.agreedAt === 'string' ? value.agreedAt : undefined };
      byConsent.set(id, entry);
      entries.push(entry);
    } else if (item.type === 'signature' && isRecord(value) && typeof value.signerName === 'string') {
      const signature = value as unknown as SignatureRecord;
      const entry = item.consentItemId ? byConsent.get(item.consentItemId) : undefined;
      if (entry && !entry.signature) entry.signature = signature;
      else entries.push({ label: item.label, signature });
    }
  }
  return entries;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** Blank lines make paragraphs, as on screen; single line breaks are kept by `pre-line`. */
const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .filter((part) => part.trim())
    .map((part) => `<p>${escape(part.trim())}</p>`)
    .join('');

/** The drawing redrawn from its path data (digits, spaces and M/L only), or nothing. */
function drawing(record: SignatureRecord): string {
  const read = record.svg ? readSignatureSvg(record.svg) : undefined;
  if (!read || read.paths.length === 0) return '';
  const { width, height } = read.box;
  const paths = read.paths.map((d) => `<path d="${escape(d)}"/>`).join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${Number(width)} ${Number(height)}" width="${Number(width)}" height="${Number(height)}" role="img" aria-label="${escape(record.signerName)}">` +
    `<g fill="none" stroke="#000" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round">${paths}</g></svg>`
  );
}

function entryHtml(entry: ConsentCopyEntry, text: ConsentCopyText): string {
  const { consent, signature } = entry;
  /** Term, and its detail as markup already escaped. */
  const rows: Array<[string, string]> = [];
  if (entry.agreedAt) rows.push([text.agreedAt, `${escape(text.utc(entry.agreedAt))}<br>${escape(text.local(entry.agreedAt))}`]);
  let signed = '';
  if (signature) {
    rows.push(
      [text.signedBy, escape(signature.signerName)],
      [text.signedUtc, escape(text.utc(signature.signedAt))],
      [text.signedLocal, escape(text.local(signature.signedAt))],
    );
    if (signature.textSha256) rows.push([text.hash, `<code>${escape(signature.textSha256)}</code>`]);
    signed =
      `<h3>${escape(text.signature)}</h3>${signature.method === 'drawn' ? drawing(signature) : `<p class="typed">${escape(signature.signerName)}</p>`}` +
      `<p>${escape(text.method(signature))}</p>`;
  }
  const list = rows.map(([term, detail]) => `<dt>${escape(term)}</dt><dd>${detail}</dd>`).join('');
  return (
    '<section>' +
    (consent
      ? `<h2>${escape(consent.title)}</h2><p class="version">${escape(text.version(consent.version))}</p><div class="text">${paragraphs(consent.text)}</div>` +
        (entry.disclosure ? `<h3>${escape(text.disclosureTitle)}</h3><div class="text">${paragraphs(entry.disclosure)}</div>` : '')
      : `<h2>${escape(entry.label ?? text.signature)}</h2>`) +
    signed +
    `<dl>${list}</dl></section>`
  );
}

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;color:#111;background:#fff;max-width:42rem;margin:2rem auto;padding:0 1rem}' +
  'h1{font-size:1.5rem}h2{font-size:1.25rem;margin-bottom:0}h3{font-size:1rem;margin-bottom:.25rem}' +
  'section{border-top:1px solid #999;margin-top:2rem;padding-top:.5rem}.version{color:#444;margin-top:0}' +
  '.text p{white-space:pre-line}.typed{font:italic 1.75rem Georgia,serif;margin:.25rem 0}' +
  'svg{display:block;max-width:100%;height:auto;border-bottom:1px solid #999}' +
  'dl{display:grid;gap:0 1rem}dt{font-weight:600}dd{margin:0 0 .5rem;overflow-wrap:anywhere}' +
  '@media (min-width:36rem){dl{grid-template-columns:max-content 1fr}dd{margin:0 0 .25rem}}' +
  '@media print{body{margin:0;max-width:none}section{break-inside:avoid}}';

/** The whole document: no script, and a policy that would refuse one. */
export function consentCopyHtml(entries: readonly ConsentCopyEntry[], text: ConsentCopyText): string {
  return (
    `<!doctype html><html lang="${escape(text.lang)}"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'none'; style-src 'unsafe-inline'">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(text.formTitle)}</title><style>${STYLE}</style></head>` +
    `<body><h1>${escape(text.formTitle)}</h1><p>${escape(text.intro)}</p>${entries.map((entry) => entryHtml(entry, text)).join('')}</body></html>\n`
  );
}

/** `signed-consent-<form id>-<yyyy-mm-dd>.html`, dated (`localDate`) when the patient last signed or agreed. */
export function consentCopyFileName(formId: string, entries: readonly ConsentCopyEntry[], localDate: (instant: string) => string): string {
  const instants = entries.flatMap((entry) => [entry.signature?.signedAt, entry.agreedAt]).filter((instant): instant is string => Boolean(instant));
  const latest = instants.sort().at(-1) ?? new Date().toISOString();
  return `signed-consent-${formId.replace(/[^\w.-]/g, '-')}-${localDate(latest)}.html`;
}

/** Hands the file to the browser's download, then lets the `blob:` URL go. */
export function saveFile(contents: string, fileName: string, parent: ParentNode & Node): void {
  const url = URL.createObjectURL(new Blob([contents], { type: 'text/html;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  parent.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The download has its URL once the click is handled; revoke on the next task.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
