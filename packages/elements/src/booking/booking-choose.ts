/**
 * Step 1: where, what and with whom. Visit types are offered only to the patients they fit
 * (new or returning); choices fixed by attributes are not asked again.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { AppointmentType } from '@pxm/core/booking';
import { addressLine, mapLink } from '@pxm/core/booking-display';
import { radioGroup } from './booking-fields.js';
import type { BookingView } from './booking-view.js';
import { spokenLabel } from '../internal/spoken-label.js';

/** Types at the location that fit the patient (any type while we do not know them yet). */
export function typesFor(view: BookingView): AppointmentType[] {
  const kind = view.state.draft.kind;
  return view.catalog.types.filter(
    (type) =>
      (!type.locationIds || !view.state.locationId || type.locationIds.includes(view.state.locationId)) &&
      (!kind || type.patientEligibility === 'any' || type.patientEligibility === kind),
  );
}

export function providersFor(view: BookingView) {
  return view.catalog.providers.filter(
    (provider) => (!view.state.locationId || provider.locationIds.includes(view.state.locationId)) && (!view.state.typeId || provider.appointmentTypeIds.includes(view.state.typeId)),
  );
}

function optionGroup(
  view: BookingView,
  name: 'locationId' | 'typeId' | 'providerId',
  legend: string,
  options: Array<{ value: string; label: string; hint?: string; extra?: TemplateResult }>,
): TemplateResult {
  const missing = view.state.errors.choice === name;
  return html`<fieldset class="choices cards" part="choices">
    <legend>${legend}</legend>
    ${options.map(
      (option) => html`<div class="card">
        <label class="choice">
          <input
            type="radio"
            name=${name}
            value=${option.value}
            .checked=${view.state[name] === option.value}
            aria-invalid=${missing ? 'true' : 'false'}
            aria-describedby=${missing ? `${name}-error` : nothing}
            @change=${() => view.actions.set({ [name]: option.value, errors: {} })}
          />
          <span class="choice-text"><strong>${option.label}</strong>${option.hint ? html`<span class="hint">${option.hint}</span>` : nothing}</span>
        </label>
        ${option.extra ?? nothing}
      </div>`,
    )}
    ${missing ? html`<span class="error-text" id=${`${name}-error`}>${view.messages.text('errChoose')}</span>` : nothing}
  </fieldset>`;
}

export function renderChoose(view: BookingView): TemplateResult {
  const { messages } = view;
  const types = typesFor(view);
  const providers = providersFor(view);
  const askKind = !view.fixed.type && !view.state.rescheduling;
  return html`<div class="step-body">
    ${askKind
      ? radioGroup(view, 'kind', messages.text('kindQuestion'), [
          { value: 'new', label: messages.text('kindNew') },
          { value: 'returning', label: messages.text('kindReturning') },
        ])
      : nothing}
    ${view.fixed.location || view.state.rescheduling
      ? nothing
      : optionGroup(
          view,
          'locationId',
          messages.text('chooseLocation'),
          view.catalog.locations.map((loc) => ({
            value: loc.id,
            label: loc.name,
            hint: addressLine(loc.address),
            extra: html`<a class="map-link" href=${mapLink(loc)} target="_blank" rel="noopener noreferrer"
              >${spokenLabel(messages.text('mapLink'), `${messages.text('mapLink')}: ${loc.name} ${messages.text('newWindow')}`)}</a
            >`,
          })),
        )}
    ${view.fixed.type || view.state.rescheduling || (askKind && !view.state.draft.kind)
      ? nothing
      : optionGroup(
          view,
          'typeId',
          messages.text('chooseType'),
          types.map((type) => ({
            value: type.id,
            label: type.name,
            hint: [messages.text('minutes', type.durationMinutes), messages.text(type.modality === 'telehealth' ? 'telehealth' : 'inClinic'), type.description]
              .filter(Boolean)
              .join(' · '),
          })),
        )}
    ${view.fixed.provider || !view.state.locationId || !view.state.typeId
      ? nothing
      : optionGroup(view, 'providerId', messages.text('provider'), [
          { value: '', label: messages.text('anyProvider'), hint: messages.text('anyProviderHint') },
          ...providers.map((provider) => ({ value: provider.id, label: provider.name, hint: [provider.credentials, provider.bio].filter(Boolean).join(' · ') })),
        ])}
    <div class="actions">
      ${view.state.rescheduling ? html`<button type="button" class="button" @click=${view.actions.keepCurrent}>${messages.text('keepCurrent')}</button>` : nothing}
      <button type="button" class="button primary" part="next-button" @click=${view.actions.toTimes}>${messages.text('seeTimes')}</button>
    </div>
  </div>`;
}
