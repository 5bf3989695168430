/**
 * The consent and signature step, loaded on demand. A consent shows its versioned text, the
 * electronic-records disclosure and an explicit "I agree". The signature then asks for the full
 * name (the signer's identity in the record), drawing or typing as the signature (typing is the
 * keyboard and screen-reader path), the statement of intent, and an explicit "Sign"; the record
 * keeps the name, the UTC time, the consent version, the SHA-256 of the text signed and the
 * strokes as SVG.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { ref } from 'lit/directives/ref.js';
import {
  createSignatureRecord,
  readSignatureSvg,
  type FormDefinition,
  type FormItem,
  type SignatureRecord,
} from '@pxm/core/forms';
import { localDateIn } from '@pxm/core/time';
import { LocalizeController } from '../l10n/localize-controller.js';
import { errorId, fieldId, type FeatureHost } from './field-host.js';
import { describedBy, paragraphs, renderError, renderHelp, requiredMark } from './render-fields.js';
import { SIGNATURE_BOX, SignatureCanvas } from './signature-canvas.js';
import { signingEn } from './signing.messages.en.js';
import { signingEs } from './signing.messages.es.js';

export { signingStyles as styles } from './signing.styles.js';

type ConsentItem = Extract<FormItem, { type: 'consent' }>;
type SignatureItem = Extract<FormItem, { type: 'signature' }>;

/** The signing step of one signature item, before it is signed. */
interface SignatureDraft {
  method: 'draw' | 'type';
  name: string;
  canvas: SignatureCanvas;
  hasDrawing: boolean;
  message?: string | undefined;
  busy?: boolean;
}

function recordOf(value: unknown): SignatureRecord | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'signerName' in value ? (value as SignatureRecord) : undefined;
}

/** A stored drawn signature, redrawn from its own vector paths (never injected as markup). */
function drawnPreview(record: SignatureRecord): TemplateResult | typeof nothing {
  const read = record.svg ? readSignatureSvg(record.svg) : undefined;
  if (!read) return nothing;
  return html`<svg class="signature-preview" viewBox=${`0 0 ${read.box.width} ${read.box.height}`} aria-hidden="true" focusable="false">
    ${read.paths.map((d) => svg`<path d=${d}></path>`)}
  </svg>`;
}

export class Signing {
  readonly l10n: LocalizeController<typeof signingEn>;
  private readonly drafts = new Map<string, SignatureDraft>();

  constructor(private readonly host: FeatureHost) {
    this.l10n = new LocalizeController(host.element, 'pxm-intake-form-signing', { en: signingEn, es: signingEs });
  }

  /** Forgets drafts (a reloaded form), or those under a removed group instance. */
  forget(prefix = ''): void {
    for (const key of [...this.drafts.keys()]) if (key.startsWith(prefix)) this.drafts.delete(key);
  }

  disclosureOf(item: ConsentItem): string {
    return item.disclosure ?? this.l10n.t('defaultDisclosure');
  }

  renderConsent(item: ConsentItem, key: string): TemplateResult {
    const { engine } = this.host;
    const value = engine.getAnswer(key);
    const agreed = typeof value === 'object' && value !== null && !Array.isArray(value) && 'agreed' in value && value.agreed && value.version === item.version;
    const titleId = `${fieldId(key)}-title`;
    const disclosureId = `${fieldId(key)}-disclosure`;
    const error = this.host.errorFor(key);
    return html`<div class="consent" part="consent" data-item=${item.id}>
      <h4 id=${titleId} class="consent-title">${item.title}</h4>
      <p class="hint">${this.l10n.t('consentVersion', item.version)}</p>
      <div class="consent-text" part="consent-text" tabindex="0" role="region" aria-labelledby=${titleId}>${paragraphs(item.text)}</div>
      <div class="disclosure" part="disclosure" id=${disclosureId}>
        <h5>${this.l10n.t('disclosureTitle')}</h5>
        ${paragraphs(this.disclosureOf(item))}
      </div>
      <label class="option agree">
        <input
          id=${fieldId(key)}
          type="checkbox"
          data-focus=${key}
          ?required=${engine.isRequired(key)}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${describedBy(disclosureId, error && errorId(key))}
          .checked=${live(Boolean(agreed))}
          @change=${(event: Event) => {
            const checked = (event.target as HTMLInputElement).checked;
            this.host.setAnswer(key, { agreed: checked, version: item.version, ...(checked ? { agreedAt: new Date().toISOString() } : {}) });
            this.host.touch(key);
          }}
        />
        <span>${this.l10n.t('agree')}${requiredMark(this.host, key)}</span>
      </label>
      ${renderError(this.host, key)}
    </div>`;
  }

  renderSignature(item: SignatureItem, key: string): TemplateResult {
    const { engine } = this.host;
    const { l10n } = this;
    const record = recordOf(engine.getAnswer(key));
    const consentItem = item.consentItemId ? engine.itemOf(item.consentItemId) : undefined;
    const consent = item.consentItemId ? engine.getAnswer(item.consentItemId) : undefined;
    const consentAgreed =
      !item.consentItemId ||
      (typeof consent === 'object' && consent !== null && !Array.isArray(consent) && 'agreed' in consent && consent.agreed && consentItem?.type === 'consent' && consent.version === consentItem.version);
    const draft = this.draft(key);
    const intentId = `${fieldId(key)}-intent`;
    const messageId = `${fieldId(key)}-message`;
    // A missing drawing is not the name's fault: only a name too short marks the name field.
    const nameProblem = draft.name.trim().length < 2;

    let body: TemplateResult;
    if (record) {
      body = html`<div class="signed" part="signed" tabindex="-1" data-signed=${key}>
        ${record.method === 'drawn' ? drawnPreview(record) : html`<p class="typed-signature" aria-hidden="true">${record.signerName}</p>`}
        <p><strong>${l10n.t('signedBy', record.signerName, this.host.formatInstant(record.signedAt))}</strong></p>
        <p class="hint">${l10n.t(record.method === 'drawn' ? 'signedDrawn' : 'signedTyped')}</p>
        <button type="button" class="button" data-focus=${key} @click=${() => this.unsign(key)}>${l10n.t('signAgain')}</button>
      </div>`;
    } else if (!consentAgreed) {
      body = html`<p class="notice" data-focus=${key} tabindex="-1">${l10n.t('signatureNeedsConsent')}</p>`;
    } else {
      body = html`<div class="signing">
        <div class="field">
          <label for=${fieldId(key)}>${l10n.t('fullName')}</label>
          <input
            id=${fieldId(key)}
            data-focus=${key}
            type="text"
            autocomplete="name"
            maxlength="200"
            required
            aria-invalid=${nameProblem && (this.host.errorFor(key) || draft.message) ? 'true' : 'false'}
            aria-describedby=${describedBy(nameProblem && draft.message && messageId, nameProblem && this.host.errorFor(key) && errorId(key))}
            .value=${live(draft.name)}
            @input=${(event: Event) => this.update(key, { name: (event.target as HTMLInputElement).value })}
          />
        </div>
        <fieldset class="choice method">
          <legend>${l10n.t('signMethod')}</legend>
          <div class="options">
            ${(['draw', 'type'] as const).map(
              (method) => html`<label class="option">
                <input type="radio" name=${`${fieldId(key)}-method`} .checked=${live(draft.method === method)} @change=${() => this.update(key, { method })} />
                <span>${l10n.t(method === 'draw' ? 'signDraw' : 'signType')}</span>
              </label>`,
            )}
          </div>
        </fieldset>
        ${draft.method === 'draw'
          ? html`<div class="draw" part="signature-pad">
              <p class="hint">${l10n.t('drawHint')} ${l10n.t('drawAlternative')}</p>
              <canvas
                class="pad"
                role="img"
                aria-label=${l10n.t('drawArea')}
                aria-describedby=${describedBy(!nameProblem && draft.message && messageId)}
                ${ref(draft.canvas.attach)}
              ></canvas>
              <button type="button" class="button link" ?disabled=${!draft.hasDrawing} @click=${() => draft.canvas.clear()}>${l10n.t('clearDrawing')}</button>
            </div>`
          : html`<div class="typed" part="typed-signature">
              <p class="hint">${l10n.t('typedPreview')}</p>
              <p class="typed-signature" aria-hidden="true">${draft.name.trim() || '\u00a0'}</p>
            </div>`}
        <p class="intent" id=${intentId}>${l10n.t('signIntent')}</p>
        ${draft.message ? html`<p class="error-text" id=${messageId} role="alert">${draft.message}</p>` : nothing}
        <button type="button" class="button primary sign" aria-describedby=${intentId} ?disabled=${draft.busy} @click=${() => void this.sign(key, item)}>
          ${l10n.t('sign')}
        </button>
      </div>`;
    }

    return html`<fieldset class="field signature" part="item signature" data-item=${item.id}>
      <legend part="label">${item.label ?? l10n.t('sign')}${requiredMark(this.host, key)}</legend>
      ${renderHelp(item, key)} ${body} ${renderError(this.host, key)}
    </fieldset>`;
  }

  /** The patient's name as given earlier in the form, to start the signature with. */
  private nameFromAnswers(): string {
    const { engine } = this.host;
    const parts: string[] = [];
    for (const token of ['given-name', 'family-name']) {
      const id = engine.index.itemIds.find((candidate) => {
        const item = engine.index.items.get(candidate)!.item;
        return item.type === 'text' && (item.autocomplete === token || (token === 'given-name' && item.autocomplete === 'name'));
      });
      const value = id ? engine.getAnswer(id) : undefined;
      if (typeof value === 'string' && value.trim()) parts.push(value.trim());
    }
    return parts.join(' ');
  }

  private draft(key: string): SignatureDraft {
    let draft = this.drafts.get(key);
    if (!draft) {
      // Drawing is natural on a touch screen; elsewhere typing is quicker and fully accessible.
      const coarse = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
      const created: SignatureDraft = {
        method: coarse ? 'draw' : 'type',
        name: this.nameFromAnswers(),
        hasDrawing: false,
        canvas: new SignatureCanvas((strokes) => {
          created.hasDrawing = strokes.some((stroke) => stroke.length > 0);
          if (created.hasDrawing) created.message = undefined;
          this.host.element.requestUpdate();
        }),
      };
      draft = created;
      this.drafts.set(key, draft);
    }
    return draft;
  }

  private update(key: string, change: Partial<Pick<SignatureDraft, 'method' | 'name'>>): void {
    Object.assign(this.draft(key), change, { message: undefined });
    this.host.element.requestUpdate();
  }

  private async sign(key: string, item: SignatureItem): Promise<void> {
    const draft = this.draft(key);
    const name = draft.name.trim();
    if (name.length < 2 || (draft.method === 'draw' && draft.canvas.isEmpty)) {
      draft.message = this.l10n.t(name.length < 2 ? 'needName' : 'needDrawing');
      if (name.length < 2) this.host.afterRender(() => this.host.focusKey(key));
      this.host.element.requestUpdate();
      return;
    }
    const consent = item.consentItemId ? this.host.engine.itemOf(item.consentItemId) : undefined;
    const consentItem = consent?.type === 'consent' ? consent : undefined;
    draft.busy = true;
    this.host.element.requestUpdate();
    try {
      const record = await createSignatureRecord({
        signerName: name,
        consent: consentItem,
        disclosure: consentItem ? this.disclosureOf(consentItem) : undefined,
        strokes: draft.method === 'draw' ? draft.canvas.strokes : undefined,
        box: SIGNATURE_BOX,
        signedAt: new Date(),
        userAgent: globalThis.navigator?.userAgent,
      });
      draft.message = undefined;
      this.host.setAnswer(key, record);
      this.host.touch(key);
      this.host.announce(this.l10n.t('signedNow'));
      this.host.afterRender(() => this.host.focusSelector(`[data-signed="${key}"]`));
    } catch (error) {
      draft.message = this.host.errorText(this.host.emitError(error, 'intake.sign', [item.id]));
    } finally {
      draft.busy = false;
      this.host.element.requestUpdate();
    }
  }

  /** Consents agreed to and signatures given, for the copy to keep; empty when there are none. */
  private copyCount(): number {
    const { engine } = this.host;
    return engine.index.itemIds.filter((id) => {
      const { item, groups } = engine.index.items.get(id)!;
      const value = engine.getAnswer(id);
      if (groups.length > 0 || !engine.isVisible(id) || typeof value !== 'object' || value === null || Array.isArray(value)) return false;
      return (item.type === 'consent' && 'agreed' in value && value.agreed) || (item.type === 'signature' && !item.consentItemId && 'signerName' in value);
    }).length;
  }

  /** On the confirmation: saves a copy of the signed consents as a file the patient keeps. */
  renderSaveCopy(definition: FormDefinition): TemplateResult | typeof nothing {
    const count = this.copyCount();
    if (count === 0) return nothing;
    return html`<div class="consent-copy" part="consent-copy">
      <button type="button" class="button" @click=${() => void this.saveCopy(definition)}>${this.l10n.t('saveCopy', count)}</button>
      <p class="hint">${this.l10n.t('saveCopyHint')}</p>
      ${this.copyFailed ? html`<p class="error-text" role="alert">${this.l10n.t('saveCopyFailed')}</p>` : nothing}
    </div>`;
  }

  private copyFailed = false;

  private async saveCopy(definition: FormDefinition): Promise<void> {
    const { l10n, host } = this;
    const element = host.element as unknown as HTMLElement;
    try {
      const copy = await import('./consent-copy.js');
      const entries = copy.consentCopyEntries(host.engine, (item) => this.disclosureOf(item));
      const when = (timeZone: string) => (instant: string) => l10n.dateTime(instant, timeZone, { dateStyle: 'long', timeStyle: 'long' });
      const contents = copy.consentCopyHtml(entries, {
        lang: l10n.locale,
        formTitle: definition.title,
        intro: l10n.t('copyIntro'),
        version: (version) => l10n.t('consentVersion', version),
        disclosureTitle: l10n.t('disclosureTitle'),
        agreedAt: l10n.t('copyAgreedAt'),
        signature: l10n.t('copySignature'),
        signedBy: l10n.t('copySignedBy'),
        signedUtc: l10n.t('copySignedUtc'),
        signedLocal: l10n.t('copySignedLocal'),
        method: (record) => l10n.t(record.method === 'drawn' ? 'signedDrawn' : 'signedTyped'),
        hash: l10n.t('copyHash'),
        utc: (instant) => `${when('UTC')(instant)} (${instant})`,
        local: (instant) => `${when(host.timeZone)(instant)} (${host.timeZone})`,
        readDrawing: readSignatureSvg,
      });
      const fileName = copy.consentCopyFileName(definition.id, entries, (instant) => localDateIn(instant, host.timeZone));
      copy.saveFile(contents, fileName, element.shadowRoot ?? element);
      this.copyFailed = false;
    } catch (error) {
      host.emitError(error, 'intake.saveCopy');
      this.copyFailed = true;
    }
    host.element.requestUpdate();
  }

  private unsign(key: string): void {
    this.draft(key).canvas.clear();
    this.host.setAnswer(key, undefined);
    this.host.afterRender(() => this.host.focusKey(key));
  }
}
