/** Spanish, a language switch at runtime, and a survey defined as a FHIR Questionnaire. */
import { expect } from '@open-wc/testing';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import { surveyFromQuestionnaire } from '@pxm/core/survey';
import { DEMO_SURVEY_TOKENS, demoSurveyQuestionnaire } from '@pxm/core/demo';
import { expectNoAxeViolations } from '../test-helpers/axe.js';
import { until } from '../test-helpers/events.js';
import { $, $$, heading, mountSurvey, radiosOf, textOf, untilThanks } from '../test-helpers/survey-harness.js';

describe('pxm-survey languages and sources', () => {
  it('speaks Spanish', async () => {
    const adapter = createMemoryAdapter({ latencyMs: 0 });
    const survey = await mountSurvey({ adapter, token: DEMO_SURVEY_TOKENS.open, locale: 'es-MX' });
    const radios = radiosOf(survey, 'nps');
    expect(radios[0]!.textContent).to.contain('Nada probable');
    expect(radios[10]!.textContent).to.contain('Muy probable');
    expect(radiosOf(survey, 'therapist').map((r) => r.textContent!.trim())).to.deep.equal([
      'Muy insatisfecho',
      'Insatisfecho',
      'Ni satisfecho ni insatisfecho',
      'Satisfecho',
      'Muy satisfecho',
    ]);
    expect($(survey, '#q-why-count')!.textContent!.trim()).to.equal('Quedan 1,000 caracteres', 'Mexican Spanish groups thousands with a comma');
    expect(textOf(survey)).to.contain('(obligatoria)');
    expect($(survey, '[part="submit"]')!.textContent!.trim()).to.equal('Enviar mis respuestas');
    await expectNoAxeViolations(survey);

    $<HTMLButtonElement>(survey, '[part="submit"]')!.click();
    await until(() => textOf(survey).includes('Por favor, responda esta pregunta.'), 'Spanish error');
    expect(textOf(survey)).to.contain('Una pregunta necesita su atención.');

    radios[9]!.click();
    $<HTMLButtonElement>(survey, '[part="submit"]')!.click();
    await untilThanks(survey);
    expect(heading(survey)).to.equal('Gracias, ya tenemos sus respuestas');
    expect($$(survey, '[part="review-link"]').map((a) => a.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'Escribir una reseña en Google (se abre en una pestaña nueva)',
      'Escribir una reseña en Facebook (se abre en una pestaña nueva)',
    ]);
    expect(textOf(survey)).to.contain('Escriba a Cedar Ridge Physical Therapy en privado');
    await expectNoAxeViolations(survey);
  });

  it('switches language while open, keeping the answers', async () => {
    const survey = await mountSurvey({ adapter: createMemoryAdapter({ latencyMs: 0 }), token: DEMO_SURVEY_TOKENS.open });
    radiosOf(survey, 'nps')[3]!.click();
    expect($(survey, '[part="submit"]')!.textContent!.trim()).to.equal('Send my answers');
    survey.locale = 'es';
    await until(() => $(survey, '[part="submit"]')!.textContent!.trim() === 'Enviar mis respuestas', 'Spanish arrives');
    expect(radiosOf(survey, 'nps')[3]!.getAttribute('aria-checked')).to.equal('true');
  });

  it('runs a survey defined as a FHIR Questionnaire', async () => {
    const { definition } = surveyFromQuestionnaire(demoSurveyQuestionnaire);
    const adapter = createMemoryAdapter({
      latencyMs: 0,
      seed: { surveys: [{ token: 'fhir-survey-invitation', definition: definition!, expiresAt: new Date(Date.now() + 86_400_000).toISOString() }] },
    });
    const survey = await mountSurvey({ adapter, token: 'fhir-survey-invitation' });
    expect(heading(survey)).to.equal('How was your care at Cedar Ridge?');
    expect(radiosOf(survey, 'nps')).to.have.length(11);
    expect(radiosOf(survey, 'therapist')).to.have.length(5);
    const prompt = () => $(survey, 'label[for="q-why-detractor"]')!.textContent!.trim();
    expect($(survey, '#q-why-detractor'), 'the follow-up waits for the score, as enableWhen does').to.equal(null);
    radiosOf(survey, 'nps')[2]!.click();
    await survey.updateComplete;
    expect(prompt()).to.equal('We are sorry we fell short. What should we have done better?');
    radiosOf(survey, 'nps')[8]!.click();
    await survey.updateComplete;
    expect(prompt()).to.equal('What would have made your care excellent?');
    $<HTMLButtonElement>(survey, '[part="submit"]')!.click();
    await untilThanks(survey);
    expect(adapter.survey.listResponses()[0]!.npsScore).to.equal(8);
    await expectNoAxeViolations(survey);
  });
});
