/**
 * Insurance card photos, loaded on demand: one block per side; take a photo (the camera on
 * phones) or choose a file; the photo is shrunk on the device (longest side 1600 px, JPEG, EXIF
 * gone), uploaded through the adapter, and the answer keeps only the attachment reference.
 * A failed upload keeps the shrunk photo so "Retry" needs no new choice.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { FormItem, InsuranceCardAnswer } from '@pxm/core/forms';
import type { LocalizeController } from '../l10n/localize-controller.js';
import { fieldId, type FieldContext, type PartActions } from './field-context.js';
import { cardPhotosEn } from './card-photos.messages.en.js';
import { cardPhotosEs } from './card-photos.messages.es.js';
import { fieldDescription, renderError, renderHelp, requiredMark } from './field-markup.js';
import { paintBitmap } from './paint-bitmap.js';
import { shrinkImage } from './shrink-image.js';
import { spokenLabel } from '../internal/spoken-label.js';

export { cardPhotosStyles as styles } from './card-photos.styles.js';

type CardSide = 'front' | 'back';

/** Where one card photo is on its way to the backend. */
interface CardUpload {
  status: 'preparing' | 'uploading' | 'done' | 'failed' | 'unreadable';
  /** The shrunk JPEG, kept so a failed upload can be retried without choosing again. */
  blob?: Blob;
  preview?: ImageBitmap;
}

/**
 * The photo shown back to the patient is an `ImageBitmap` painted on a canvas: an `<img>` of a
 * `blob:` URL is refused by a page whose policy allows images from its own origin only
 * (`default-src 'self'`).
 */
async function previewOf(blob: Blob): Promise<ImageBitmap | undefined> {
  if (typeof createImageBitmap !== 'function') return undefined;
  return createImageBitmap(blob).catch(() => undefined);
}

function cardOf(value: unknown): InsuranceCardAnswer {
  return value && typeof value === 'object' && !Array.isArray(value) && ('front' in value || 'back' in value) ? { ...(value as InsuranceCardAnswer) } : {};
}

export class CardPhotos {
  readonly l10n: LocalizeController<typeof cardPhotosEn>;
  private readonly uploads = new Map<string, CardUpload>();

  constructor(private readonly actions: PartActions) {
    this.l10n = actions.localize('pxm-intake-form-cards', { en: cardPhotosEn, es: cardPhotosEs });
  }

  /** Drops upload states (a reloaded form, or a removed group instance) and their previews. */
  forget(prefix = ''): void {
    for (const [slot, upload] of [...this.uploads]) {
      if (!slot.startsWith(prefix)) continue;
      upload.preview?.close();
      this.uploads.delete(slot);
    }
  }

  sideLabel(side: CardSide): string {
    return this.l10n.text(side);
  }

  render(context: FieldContext, item: Extract<FormItem, { type: 'insurance-card' }>, key: string): TemplateResult {
    const card = cardOf(context.engine.getAnswer(key));
    const { canUpload } = context;
    return html`<fieldset
      class="field card"
      part="item card"
      data-item=${item.id}
      aria-describedby=${fieldDescription(context, item, key)}
    >
      <legend part="label">${item.label}${requiredMark(context, key)}</legend>
      ${renderHelp(item, key)} ${canUpload ? nothing : html`<p class="notice warning">${this.l10n.text('unavailable')}</p>`}
      <div class="card-sides">${(item.sides ?? ['front', 'back']).map((side, index) => this.renderSide(context, key, side, card, index === 0))}</div>
      ${renderError(context, key)}
    </fieldset>`;
  }

  private renderSide(context: FieldContext, key: string, side: CardSide, card: InsuranceCardAnswer, first: boolean): TemplateResult {
    const { l10n } = this;
    const { canUpload } = context;
    const label = l10n.text('side', this.sideLabel(side));
    const upload = this.uploads.get(`${key}|${side}`);
    const ref = card[side];
    const busy = upload?.status === 'preparing' || upload?.status === 'uploading';
    const statusId = `${fieldId(key)}-${side}-status`;
    // Never disabled while busy: that would drop keyboard focus on the page for the whole upload.
    // Choosing again meanwhile simply replaces the photo on its way.
    const choose = (camera: boolean) => {
      const action = l10n.text(camera ? 'takePhoto' : 'choosePhoto');
      return html`<label class="button file ${camera ? 'camera primary' : 'pick'}" ?hidden=${!canUpload}>
        <input
          class="file-input"
          type="file"
          accept="image/*"
          capture=${camera ? 'environment' : nothing}
          data-focus=${first && !camera ? key : nothing}
          ?disabled=${!canUpload}
          aria-describedby=${statusId}
          @change=${(event: Event) => {
            const input = event.target as HTMLInputElement;
            const file = input.files?.[0];
            input.value = '';
            if (file) void this.choose(context, key, side, file);
          }}
        />
        <span>${spokenLabel(action, `${action}, ${label}`)}</span>
      </label>`;
    };

    let status: TemplateResult | string | typeof nothing = nothing;
    if (busy) status = html`<span class="spinner small" aria-hidden="true"></span> ${l10n.text(upload.status === 'preparing' ? 'preparing' : 'uploading')}`;
    else if (upload?.status === 'unreadable' || upload?.status === 'failed') status = html`<span class="error-text">${l10n.text(upload.status)}</span>`;
    else if (ref) status = upload?.status === 'done' ? l10n.text('uploaded', l10n.number(Math.max(1, Math.round(ref.size / 1024)))) : l10n.text('onFile');

    return html`<div class="card-side" part="card-side" data-side=${side}>
      ${this.actions.heading(context.itemHeadingLevel, label, { className: 'card-side-title' })}
      ${upload?.preview && (ref || busy)
        ? html`<canvas
            class="card-preview"
            role="img"
            aria-label=${l10n.text('preview', this.sideLabel(side))}
            width=${upload.preview.width}
            height=${upload.preview.height}
            ${paintBitmap(upload.preview)}
          ></canvas>`
        : nothing}
      <p class="card-status" id=${statusId}>${status}</p>
      <div class="card-actions">
        ${upload?.status === 'failed'
          ? html`<button type="button" class="button primary" @click=${() => void this.upload(context, key, side)}>
              ${spokenLabel(l10n.text('retry'), `${l10n.text('retry')}, ${label}`)}
            </button>`
          : nothing}
        ${choose(true)} ${choose(false)}
        ${ref && !busy
          ? html`<button type="button" class="button link" @click=${() => this.remove(context, key, side)}>
              ${spokenLabel(l10n.text('removePhoto'), `${l10n.text('removePhoto')}, ${label}`)}
            </button>`
          : nothing}
      </div>
    </div>`;
  }

  // Uploads have a life of their own (they outlast a render): this part holds them and re-renders its host.
  private set(slot: string, upload: CardUpload): CardUpload {
    this.uploads.set(slot, upload);
    this.actions.host.requestUpdate();
    return upload;
  }

  private async choose(context: FieldContext, key: string, side: CardSide, file: File): Promise<void> {
    const slot = `${key}|${side}`;
    this.forget(slot);
    const preparing = this.set(slot, { status: 'preparing' });
    try {
      const shrunk = await shrinkImage(file);
      if (this.uploads.get(slot) !== preparing) return;
      const preview = await previewOf(shrunk.blob);
      if (this.uploads.get(slot) !== preparing) {
        preview?.close();
        return;
      }
      this.set(slot, { status: 'uploading', blob: shrunk.blob, ...(preview ? { preview } : {}) });
    } catch (error) {
      if (this.uploads.get(slot) !== preparing) return;
      this.set(slot, { status: 'unreadable' });
      this.actions.reportUnreadableImage(error, 'intake.uploadAttachment');
      return;
    }
    await this.upload(context, key, side);
  }

  private async upload(context: FieldContext, key: string, side: CardSide): Promise<void> {
    const slot = `${key}|${side}`;
    const previous = this.uploads.get(slot);
    if (!previous?.blob || !context.canUpload) return;
    const uploading = this.set(slot, { ...previous, status: 'uploading' });
    try {
      const ref = await this.actions.uploadAttachment(previous.blob, { contentType: 'image/jpeg', purpose: `insurance-card-${side}` });
      if (this.uploads.get(slot) !== uploading) return;
      this.set(slot, { status: 'done', ...(uploading.preview ? { preview: uploading.preview } : {}) });
      context.setAnswer(key, { ...cardOf(context.engine.getAnswer(key)), [side]: ref });
      context.touch(key);
      this.actions.announce(this.l10n.text('added', this.sideLabel(side)));
    } catch (error) {
      if (this.uploads.get(slot) !== uploading) return;
      this.set(slot, { ...uploading, status: 'failed' });
      this.actions.reportError(error, 'intake.uploadAttachment');
    }
  }

  private remove(context: FieldContext, key: string, side: CardSide): void {
    this.forget(`${key}|${side}`);
    const card = cardOf(context.engine.getAnswer(key));
    delete card[side];
    context.setAnswer(key, card.front || card.back ? card : undefined);
    this.actions.afterRender(() => this.actions.focusKey(key));
  }
}
