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
import type { FormDefinition, FormEngine, FormItem, SignatureRecord } from '@pxm/core/forms';
import { createSignatureRecord, readSignatureSvg } from '@pxm/core/signing';
import { localDateIn } from '@pxm/core/time';
import type { LocalizeController } from '../l10n/localize-controller.js';
import { errorId, fieldId, type FieldContext, type PartActions } from './field-context.js';
import { describedBy, paragraphs, renderError, renderHelp, requiredMark } from './field-markup.js';
// The copy comes with signing: a patient saves it from the confirmation, maybe offline by then.
import { consentCopyEntries, consentCopyFileName, consentCopyHtml, saveFile } from './consent-copy.js';
import { onElement } from './on-element.js';
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

  constructor(private readonly actions: PartActions) {
    this.l10n = actions.localize('pxm-intake-form-signing', { en: signingEn, es: signingEs });
  }

  /** Forgets drafts (a reloaded form), or those under a removed group instance. */
  forget(prefix = ''): void {
    for (const key of [...this.drafts.keys()]) if (key.startsWith(prefix)) this.drafts.delete(key);
  }

  disclosureOf(item: ConsentItem): string {
    return item.disclosure ?? this.l10n.text('defaultDisclosure');
  }

  renderConsent(context: FieldContext, item: ConsentItem, key: string): TemplateResult {
    const { engine } = context;
    const value = engine.getAnswer(key);
    const agreed = typeof value === 'object' && value !== null && !Array.isArray(value) && 'agreed' in value && value.agreed && value.version === item.version;
    const titleId = `${fieldId(key)}-title`;
    const disclosureId = `${fieldId(key)}-disclosure`;
    const error = context.errorFor(key);
    return html`<div class="consent" part="consent" data-item=${item.id}>
      ${this.actions.heading(context.itemHeadingLevel, item.title, { id: titleId, className: 'consent-title' })}
      <p class="hint">${this.l10n.text('consentVersion', item.version)}</p>
      <div class="consent-text" part="consent-text" tabindex="0" role="region" aria-labelledby=${titleId}>${paragraphs(item.text)}</div>
      <div class="disclosure" part="disclosure" id=${disclosureId}>
        ${this.actions.heading(Math.min(context.itemHeadingLevel + 1, 6), this.l10n.text('disclosureTitle'), { className: 'disclosure-title' })}
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
            context.setAnswer(key, { agreed: checked, version: item.version, ...(checked ? { agreedAt: new Date().toISOString() } : {}) });
            context.touch(key);
          }}
        />
        <span>${this.l10n.text('agree')}${requiredMark(context, key)}</span>
      </label>
      ${renderError(context, key)}
    </div>`;
  }

  renderSignature(context: FieldContext, item: SignatureItem, key: string): TemplateResult {
    const { engine } = context;
    const { l10n } = this;
    const record = recordOf(engine.getAnswer(key));
    const consentItem = item.consentItemId ? engine.itemOf(item.consentItemId) : undefined;
    const consent = item.consentItemId ? engine.getAnswer(item.consentItemId) : undefined;
    const consentAgreed =
      !item.consentItemId ||
      (typeof consent === 'object' && consent !== null && !Array.isArray(consent) && 'agreed' in consent && consent.agreed && consentItem?.type === 'consent' && consent.version === consentItem.version);
    const draft = this.draft(context, key);
    const intentId = `${fieldId(key)}-intent`;
    const messageId = `${fieldId(key)}-message`;
    // A missing drawing is not the name's fault: only a name too short marks the name field.
    const nameProblem = draft.name.trim().length < 2;

    let body: TemplateResult;
    if (record) {
      body = html`<div class="signed" part="signed" tabindex="-1" data-signed=${key}>
        ${record.method === 'drawn' ? drawnPreview(record) : html`<p class="typed-signature" aria-hidden="true">${record.signerName}</p>`}
        <p><strong>${l10n.text('signedBy', record.signerName, context.formatInstant(record.signedAt))}</strong></p>
        <p class="hint">${l10n.text(record.method === 'drawn' ? 'signedDrawn' : 'signedTyped')}</p>
        <button type="button" class="button" data-focus=${key} @click=${() => this.unsign(context, key)}>${l10n.text('signAgain')}</button>
      </div>`;
    } else if (!consentAgreed) {
      body = html`<p class="notice" data-focus=${key} tabindex="-1">${l10n.text('signatureNeedsConsent')}</p>`;
    } else {
      body = html`<div class="signing">
        <div class="field">
          <label for=${fieldId(key)}>${l10n.text('fullName')}</label>
          <input
            id=${fieldId(key)}
            data-focus=${key}
            type="text"
            autocomplete="name"
            maxlength="200"
            required
            aria-invalid=${nameProblem && (context.errorFor(key) || draft.message) ? 'true' : 'false'}
            aria-describedby=${describedBy(nameProblem && draft.message && messageId, nameProblem && context.errorFor(key) && errorId(key))}
            .value=${live(draft.name)}
            @input=${(event: Event) => this.update(context, key, { name: (event.target as HTMLInputElement).value })}
          />
        </div>
        <fieldset class="choice method">
          <legend>${l10n.text('signMethod')}</legend>
          <div class="options">
            ${(['draw', 'type'] as const).map(
              (method) => html`<label class="option">
                <input type="radio" name=${`${fieldId(key)}-method`} .checked=${live(draft.method === method)} @change=${() => this.update(context, key, { method })} />
                <span>${l10n.text(method === 'draw' ? 'signDraw' : 'signType')}</span>
              </label>`,
            )}
          </div>
        </fieldset>
        ${draft.method === 'draw'
          ? html`<div class="draw" part="signature-pad">
              <p class="hint">${l10n.text('drawHint')} ${l10n.text('drawAlternative')}</p>
              <canvas
                class="pad"
                role="img"
                aria-label=${l10n.text('drawArea')}
                aria-describedby=${describedBy(!nameProblem && draft.message && messageId)}
                ${onElement(draft.canvas.attach)}
              ></canvas>
              <button type="button" class="button link" ?disabled=${!draft.hasDrawing} @click=${() => draft.canvas.clear()}>${l10n.text('clearDrawing')}</button>
            </div>`
          : html`<div class="typed" part="typed-signature">
              <p class="hint">${l10n.text('typedPreview')}</p>
              <p class="typed-signature" aria-hidden="true">${draft.name.trim() || '\u00a0'}</p>
            </div>`}
        <p class="intent" id=${intentId}>${l10n.text('signIntent')}</p>
        ${draft.message ? html`<p class="error-text" id=${messageId} role="alert">${draft.message}</p>` : nothing}
        <button type="button" class="button primary sign" aria-describedby=${intentId} ?disabled=${draft.busy} @click=${() => void this.sign(context, key, item)}>
          ${l10n.text('sign')}
        </button>
      </div>`;
    }

    return html`<fieldset class="field signature" part="item signature" data-item=${item.id}>
      <legend part="label">${item.label ?? l10n.text('sign')}${requiredMark(context, key)}</legend>
      ${renderHelp(item, key)} ${body} ${renderError(context, key)}
    </fieldset>`;
  }

  /** The patient's name as given earlier in the form, to start the signature with. */
  private nameFromAnswers(engine: FormEngine): string {
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

  private draft(context: FieldContext, key: string): SignatureDraft {
    let draft = this.drafts.get(key);
    if (!draft) {
      // Drawing is natural on a touch screen; elsewhere typing is quicker and fully accessible.
      const coarse = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
      const created: SignatureDraft = {
        method: coarse ? 'draw' : 'type',
        name: this.nameFromAnswers(context.engine),
        hasDrawing: false,
        canvas: new SignatureCanvas((strokes) => {
          created.hasDrawing = strokes.some((stroke) => stroke.length > 0);
          if (created.hasDrawing) created.message = undefined;
          this.actions.host.requestUpdate();
        }),
      };
      draft = created;
      this.drafts.set(key, draft);
    }
    return draft;
  }

  // The signing step's own state (name, method, drawing) lives here until it becomes an answer.
  private update(context: FieldContext, key: string, change: Partial<Pick<SignatureDraft, 'method' | 'name'>>): void {
    Object.assign(this.draft(context, key), change, { message: undefined });
    this.actions.host.requestUpdate();
  }

  private async sign(context: FieldContext, key: string, item: SignatureItem): Promise<void> {
    const { actions } = this;
    const draft = this.draft(context, key);
    const name = draft.name.trim();
    if (name.length < 2 || (draft.method === 'draw' && draft.canvas.isEmpty)) {
      draft.message = this.l10n.text(name.length < 2 ? 'needName' : 'needDrawing');
      if (name.length < 2) actions.afterRender(() => actions.focusKey(key));
      actions.host.requestUpdate();
      return;
    }
    const consent = item.consentItemId ? context.engine.itemOf(item.consentItemId) : undefined;
    const consentItem = consent?.type === 'consent' ? consent : undefined;
    draft.busy = true;
    actions.host.requestUpdate();
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
      context.setAnswer(key, record);
      context.touch(key);
      actions.announce(this.l10n.text('signedNow'));
      actions.afterRender(() => actions.focusSelector(`[data-signed="${key}"]`));
    } catch (error) {
      draft.message = actions.errorText(actions.reportError(error, 'intake.sign'));
    } finally {
      draft.busy = false;
      actions.host.requestUpdate();
    }
  }

  /** Consents agreed to and signatures given, for the copy to keep; empty when there are none. */
  private copyCount(engine: FormEngine): number {
    return engine.index.itemIds.filter((id) => {
      const { item, groups } = engine.index.items.get(id)!;
      const value = engine.getAnswer(id);
      if (groups.length > 0 || !engine.isVisible(id) || typeof value !== 'object' || value === null || Array.isArray(value)) return false;
      return (item.type === 'consent' && 'agreed' in value && value.agreed) || (item.type === 'signature' && !item.consentItemId && 'signerName' in value);
    }).length;
  }

  /** On the confirmation: saves a copy of the signed consents as a file the patient keeps. */
  renderSaveCopy(engine: FormEngine, definition: FormDefinition, timeZone: string): TemplateResult | typeof nothing {
    const count = this.copyCount(engine);
    if (count === 0) return nothing;
    return html`<div class="consent-copy" part="consent-copy">
      <button type="button" class="button" @click=${() => this.saveCopy(engine, definition, timeZone)}>${this.l10n.text('saveCopy', count)}</button>
      <p class="hint">${this.l10n.text('saveCopyHint')}</p>
      ${this.copyFailed ? html`<p class="error-text" role="alert">${this.l10n.text('saveCopyFailed')}</p>` : nothing}
    </div>`;
  }

  private copyFailed = false;

  private saveCopy(engine: FormEngine, definition: FormDefinition, timeZone: string): void {
    const { l10n, actions } = this;
    try {
      const entries = consentCopyEntries(engine, (item) => this.disclosureOf(item));
      const when = (timeZone: string) => (instant: string) => l10n.dateTime(instant, timeZone, { dateStyle: 'long', timeStyle: 'long' });
      const contents = consentCopyHtml(entries, {
        lang: l10n.locale,
        formTitle: definition.title,
        intro: l10n.text('copyIntro'),
        version: (version) => l10n.text('consentVersion', version),
        disclosureTitle: l10n.text('disclosureTitle'),
        agreedAt: l10n.text('copyAgreedAt'),
        signature: l10n.text('copySignature'),
        signedBy: l10n.text('copySignedBy'),
        signedUtc: l10n.text('copySignedUtc'),
        signedLocal: l10n.text('copySignedLocal'),
        method: (record) => l10n.text(record.method === 'drawn' ? 'signedDrawn' : 'signedTyped'),
        hash: l10n.text('copyHash'),
        utc: (instant) => `${when('UTC')(instant)} (${instant})`,
        local: (instant) => `${when(timeZone)(instant)} (${timeZone})`,
      });
      const fileName = consentCopyFileName(definition.id, entries, (instant) => localDateIn(instant, timeZone));
      saveFile(contents, fileName, actions.host.renderRoot);
      this.copyFailed = false;
    } catch (error) {
      actions.reportError(error, 'intake.saveCopy');
      this.copyFailed = true;
    }
    actions.host.requestUpdate();
  }

  private unsign(context: FieldContext, key: string): void {
    this.draft(context, key).canvas.clear();
    context.setAnswer(key, undefined);
    this.actions.afterRender(() => this.actions.focusKey(key));
  }
}
