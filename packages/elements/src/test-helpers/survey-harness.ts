/** Mounting and reading `<pxm-survey>` in tests, through its shadow root's roles and labels. */
import { fixture, html } from '@open-wc/testing';
import { nothing } from 'lit';
import type { PxmAdapter } from '@pxm/core';
import '../define/pxm-survey.js';
import type { PxmSurvey } from '../survey/survey.js';
import { until } from './events.js';

export interface MountOptions {
  adapter: PxmAdapter;
  token?: string;
  locale?: string;
  dir?: 'ltr' | 'rtl';
  /** False sets `offline-queue="off"`; otherwise the element's default (on). */
  offlineQueue?: boolean;
}

/** Mounts the survey and waits until it has left the loading state. */
export async function mountSurvey(options: MountOptions): Promise<PxmSurvey> {
  const wrapper = await fixture<HTMLDivElement>(html`<div dir=${options.dir ?? 'ltr'}>
    <pxm-survey
      .adapter=${options.adapter}
      token=${options.token ?? ''}
      locale=${options.locale ?? 'en'}
      offline-queue=${options.offlineQueue === false ? 'off' : nothing}
    ></pxm-survey>
  </div>`);
  const survey = wrapper.querySelector('pxm-survey')!;
  await until(() => survey.shadowRoot && !survey.shadowRoot.querySelector('[part="loading"]'), 'survey loaded');
  await survey.updateComplete;
  return survey;
}

export const $ = <E extends Element = HTMLElement>(survey: PxmSurvey, selector: string) => survey.shadowRoot!.querySelector<E>(selector);
export const $$ = <E extends Element = HTMLElement>(survey: PxmSurvey, selector: string) => [...survey.shadowRoot!.querySelectorAll<E>(selector)];

/** The radios of a scale question, in order. */
export const radiosOf = (survey: PxmSurvey, questionId: string) => $$<HTMLButtonElement>(survey, `[data-question="${questionId}"] [role="radio"]`);

export const heading = (survey: PxmSurvey) => $(survey, 'h2')?.textContent?.trim() ?? '';

export const textOf = (survey: PxmSurvey) => survey.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();

/** The element the survey's shadow root has focused. */
export const focused = (survey: PxmSurvey) => survey.shadowRoot!.activeElement as HTMLElement | null;

/** Resolves once the thank-you state shows. */
export async function untilThanks(survey: PxmSurvey): Promise<void> {
  await until(() => $(survey, '[part="thanks"]'), 'thank-you state');
  await survey.updateComplete;
}
