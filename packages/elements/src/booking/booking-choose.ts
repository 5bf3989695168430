/**
 * Step 1: where, what and with whom. Visit types are offered only to the patients they fit
 * (new or returning); choices fixed by attributes are not asked again.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { addressLine, mapLink, type AppointmentType } from '@pxm/core';
import { radioGroup } from './booking-fields.js';
import type { BookingView } from './booking-view.js';
import { spokenLabel } from '../internal/spoken-label.js';

/** Types at the location that fit the patient (any type while we do not know them yet). */
export function typesFor(v: BookingView): AppointmentType[] {
  const kind = v.state.draft.kind;
  return v.catalog.types.filter(
    (t) =>
      (!t.locationIds || !v.state.locationId || t.locationIds.includes(v.state.locationId)) &&
      (!kind || t.patientEligibility === 'any' || t.patientEligibility === kind),
  );
}

export function providersFor(v: BookingView) {
  return v.catalog.providers.filter(
    (p) => (!v.state.locationId || p.locationIds.includes(v.state.locationId)) && (!v.state.typeId || p.appointmentTypeIds.includes(v.state.typeId)),
  );
}

function optionGroup(
  v: BookingView,
  name: 'locationId' | 'typeId' | 'providerId',
  legend: string,
  options: Array<{ value: string; label: string; hint?: string; extra?: TemplateResult }>,
): TemplateResult {
  const missing = v.state.errors.choice === name;
  return html`<fieldset class="choices cards" part="choices">
    <legend>${legend}</legend>
    ${options.map(
      (o) => html`<div class="card">
        <label class="choice">
          <input
            type="radio"
            name=${name}
            value=${o.value}
            .checked=${v.state[name] === o.value}
            aria-invalid=${missing ? 'true' : 'false'}
            aria-describedby=${missing ? `${name}-error` : nothing}
            @change=${() => v.actions.set({ [name]: o.value, errors: {} })}
          />
          <span class="choice-text"><strong>${o.label}</strong>${o.hint ? html`<span class="hint">${o.hint}</span>` : nothing}</span>
        </label>
        ${o.extra ?? nothing}
      </div>`,
    )}
    ${missing ? html`<span class="error-text" id=${`${name}-error`}>${v.messages.t('errChoose')}</span>` : nothing}
  </fieldset>`;
}

export function renderChoose(v: BookingView): TemplateResult {
  const { messages } = v;
  const types = typesFor(v);
  const providers = providersFor(v);
  const askKind = !v.fixed.type && !v.state.rescheduling;
  return html`<div class="step-body">
    ${askKind
      ? radioGroup(v, 'kind', messages.t('kindQuestion'), [
          { value: 'new', label: messages.t('kindNew') },
          { value: 'returning', label: messages.t('kindReturning') },
        ])
      : nothing}
    ${v.fixed.location || v.state.rescheduling
      ? nothing
      : optionGroup(
          v,
          'locationId',
          messages.t('chooseLocation'),
          v.catalog.locations.map((loc) => ({
            value: loc.id,
            label: loc.name,
            hint: addressLine(loc.address),
            extra: html`<a class="map-link" href=${mapLink(loc)} target="_blank" rel="noopener noreferrer"
              >${spokenLabel(messages.t('mapLink'), `${messages.t('mapLink')}: ${loc.name} ${messages.t('newWindow')}`)}</a
            >`,
          })),
        )}
    ${v.fixed.type || v.state.rescheduling || (askKind && !v.state.draft.kind)
      ? nothing
      : optionGroup(
          v,
          'typeId',
          messages.t('chooseType'),
          types.map((t) => ({
            value: t.id,
            label: t.name,
            hint: [messages.t('minutes', t.durationMinutes), messages.t(t.modality === 'telehealth' ? 'telehealth' : 'inClinic'), t.description]
              .filter(Boolean)
              .join(' · '),
          })),
        )}
    ${v.fixed.provider || !v.state.locationId || !v.state.typeId
      ? nothing
      : optionGroup(v, 'providerId', messages.t('chooseProvider'), [
          { value: '', label: messages.t('anyProvider'), hint: messages.t('anyProviderHint') },
          ...providers.map((p) => ({ value: p.id, label: p.name, hint: [p.credentials, p.bio].filter(Boolean).join(' · ') })),
        ])}
    <div class="actions">
      ${v.state.rescheduling ? html`<button type="button" class="button" @click=${v.actions.keepCurrent}>${messages.t('keepCurrent')}</button>` : nothing}
      <button type="button" class="button primary" part="next-button" @click=${v.actions.toTimes}>${messages.t('seeTimes')}</button>
    </div>
  </div>`;
}
