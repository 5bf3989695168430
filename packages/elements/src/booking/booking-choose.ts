/**
 * Step 1: where, what and with whom. Visit types are offered only to the patients they fit
 * (new or returning); choices fixed by attributes are not asked again.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { addressLine, mapLink, type AppointmentType } from '@pxm/core/booking';
import { radioGroup } from './booking-fields.js';
import type { BookingView } from './booking-view.js';
import { spokenLabel } from '../internal/spoken-label.js';

/** Types at the location that fit the patient (any type while we do not know them yet). */
export function typesFor(v: BookingView): AppointmentType[] {
  const kind = v.s.draft.kind;
  return v.catalog.types.filter(
    (t) =>
      (!t.locationIds || !v.s.locationId || t.locationIds.includes(v.s.locationId)) &&
      (!kind || t.patientEligibility === 'any' || t.patientEligibility === kind),
  );
}

export function providersFor(v: BookingView) {
  return v.catalog.providers.filter(
    (p) => (!v.s.locationId || p.locationIds.includes(v.s.locationId)) && (!v.s.typeId || p.appointmentTypeIds.includes(v.s.typeId)),
  );
}

function optionGroup(
  v: BookingView,
  name: 'locationId' | 'typeId' | 'providerId',
  legend: string,
  options: Array<{ value: string; label: string; hint?: string; extra?: TemplateResult }>,
): TemplateResult {
  const missing = v.s.errors.choice === name;
  return html`<fieldset class="choices cards" part="choices">
    <legend>${legend}</legend>
    ${options.map(
      (o) => html`<div class="card">
        <label class="choice">
          <input
            type="radio"
            name=${name}
            value=${o.value}
            .checked=${v.s[name] === o.value}
            aria-invalid=${missing ? 'true' : 'false'}
            aria-describedby=${missing ? `${name}-error` : nothing}
            @change=${() => v.a.set({ [name]: o.value, errors: {} })}
          />
          <span class="choice-text"><strong>${o.label}</strong>${o.hint ? html`<span class="hint">${o.hint}</span>` : nothing}</span>
        </label>
        ${o.extra ?? nothing}
      </div>`,
    )}
    ${missing ? html`<span class="error-text" id=${`${name}-error`}>${v.l.t('errChoose')}</span>` : nothing}
  </fieldset>`;
}

export function renderChoose(v: BookingView): TemplateResult {
  const { l } = v;
  const types = typesFor(v);
  const providers = providersFor(v);
  const askKind = !v.fixed.type && !v.s.rescheduling;
  return html`<div class="step-body">
    ${askKind
      ? radioGroup(v, 'kind', l.t('kindQuestion'), [
          { value: 'new', label: l.t('kindNew') },
          { value: 'returning', label: l.t('kindReturning') },
        ])
      : nothing}
    ${v.fixed.location || v.s.rescheduling
      ? nothing
      : optionGroup(
          v,
          'locationId',
          l.t('chooseLocation'),
          v.catalog.locations.map((loc) => ({
            value: loc.id,
            label: loc.name,
            hint: addressLine(loc.address),
            extra: html`<a class="map-link" href=${mapLink(loc)} target="_blank" rel="noopener noreferrer"
              >${spokenLabel(l.t('mapLink'), `${l.t('mapLink')}: ${loc.name} ${l.t('newWindow')}`)}</a
            >`,
          })),
        )}
    ${v.fixed.type || v.s.rescheduling || (askKind && !v.s.draft.kind)
      ? nothing
      : optionGroup(
          v,
          'typeId',
          l.t('chooseType'),
          types.map((t) => ({
            value: t.id,
            label: t.name,
            hint: [l.t('minutes', t.durationMinutes), l.t(t.modality === 'telehealth' ? 'telehealth' : 'inClinic'), t.description]
              .filter(Boolean)
              .join(' · '),
          })),
        )}
    ${v.fixed.provider || !v.s.locationId || !v.s.typeId
      ? nothing
      : optionGroup(v, 'providerId', l.t('chooseProvider'), [
          { value: '', label: l.t('anyProvider'), hint: l.t('anyProviderHint') },
          ...providers.map((p) => ({ value: p.id, label: p.name, hint: [p.credentials, p.bio].filter(Boolean).join(' · ') })),
        ])}
    <div class="actions">
      ${v.s.rescheduling ? html`<button type="button" class="button" @click=${v.a.keepCurrent}>${l.t('keepCurrent')}</button>` : nothing}
      <button type="button" class="button primary" part="next-button" @click=${v.a.toTimes}>${l.t('seeTimes')}</button>
    </div>
  </div>`;
}
