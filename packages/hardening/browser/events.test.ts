/**
 * 10. Events: every `pxm-*` event bubbles to `window`, where any script on the page (analytics,
 * tag managers, chat widgets) reads it. The rule (docs/csp-and-privacy.md, "Events"): a detail
 * carries ids of the element's own objects, codes and times, never an answer, a score or anything
 * derived from one. Each element's main flow is walked twice, with usual and with other health
 * answers (a pain rating at the practice's threshold); every event of both walks must pass the
 * rule field by field, and the two walks must fire the same events with the same fields: an event
 * that fires only for some answers tells the page the answer.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addFigures } from './support/figures.js';
import { inPage, sentinel } from './support/session.js';
import { useBrowser } from './support/setup.js';
import { PROFILE_NAMES } from './support/profiles.js';

const suite = useBrowser(import.meta.filename);

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[\w.:-]{1,100}$/;

type Check = (value: unknown, detail: Record<string, unknown>) => boolean;
const id: Check = (value) => typeof value === 'string' && ID.test(value);
const instant: Check = (value) => typeof value === 'string' && ISO_INSTANT.test(value);
const flag: Check = (value) => typeof value === 'boolean';
const count: Check = (value) => Number.isInteger(value) && (value as number) >= 0;
const oneOf = (...codes: string[]): Check => (value) => typeof value === 'string' && codes.includes(value);

/**
 * Every field any event may carry, and what its value may be. A field not listed here fails:
 * adding one to an event means deciding here, in review, that it derives from no answer.
 */
const FIELDS: Record<string, Check> = {
  // Ids of the element's own objects.
  appointmentId: id,
  previousAppointmentId: id,
  locationId: id,
  providerId: id,
  appointmentTypeId: id,
  seriesId: id,
  waitlistEntryId: id,
  programId: id,
  exerciseId: id,
  clientId: id,
  replaces: id,
  formId: id,
  responseId: id,
  goalId: id,
  instrumentId: id,
  // The quotable reference the practice's backend gave a referral.
  reference: id,
  // Versions of the element's own objects, and how many sets the patient logged (the action, not an answer).
  programVersion: count,
  // A saved draft's version; for a printed progress summary, whose summary (the patient's or the physician's).
  version: (value, detail) => count(value, detail) || oneOf('patient', 'physician')(value, detail),
  completedSets: count,
  // How many files went with a referral (the office's action, not a health answer).
  attachmentCount: count,
  // Times.
  start: instant,
  end: instant,
  previousStart: instant,
  createdAt: instant,
  savedAt: instant,
  submittedAt: instant,
  completedAt: instant,
  ratedAt: instant,
  receivedAt: instant,
  startDate: (value) => typeof value === 'string' && ISO_DATE.test(value),
  endDate: (value) => typeof value === 'string' && ISO_DATE.test(value),
  timeZone: (value) => typeof value === 'string' && /^[A-Za-z_]+(\/[A-Za-z_+-]+)*$|^UTC$/.test(value),
  weekdays: (value) => Array.isArray(value) && value.every((day) => Number.isInteger(day) && day >= 1 && day <= 7),
  times: (value) => Array.isArray(value) && value.every((time) => typeof time === 'string' && /^\d{2}:\d{2}$/.test(time)),
  // Codes and states of the element's own actions.
  code: (value) => typeof value === 'string' && /^[a-z_]+$/.test(value),
  operation: (value) => typeof value === 'string' && /^[a-zA-Z]+(\.[a-zA-Z]+)?$/.test(value),
  // Where in a reply a repaired field sat (`goals.0.text`): the reply's shape, never its value.
  field: (value, detail) => detail['code'] === 'server' && typeof value === 'string' && /^[\w-]+(\.[\w-]+)*$/.test(value),
  action: oneOf('book', 'reschedule', 'series'),
  site: (value) => typeof value === 'string' && /^[a-z_]+$/.test(value),
  queued: flag,
  voided: flag,
  withinNoticeWindow: flag,
  visits: (value) =>
    Array.isArray(value) &&
    value.every((visit: Record<string, unknown>) => Object.keys(visit).every((key) => ['providerId', 'start', 'end'].includes(key)) && id(visit['providerId'], visit) && instant(visit['start'], visit) && instant(visit['end'], visit)),
  // Items of a form definition that is itself broken (the practice's problem, not the patient's).
  itemIds: (value, detail) => detail['operation'] === 'intake.definition' && Array.isArray(value) && value.every((item) => id(item, detail)),
};

/** What breaks the rule in one event's detail (empty: it keeps it). */
function ruleBreaks(type: string, detailJson: string): string[] {
  if (detailJson === '' || detailJson === 'null' || detailJson === 'undefined') return [];
  let detail: unknown;
  try {
    detail = JSON.parse(detailJson);
  } catch {
    return [`${type}: a detail that is not plain data: ${detailJson.slice(0, 80)}`];
  }
  if (typeof detail !== 'object' || detail === null || Array.isArray(detail)) return [`${type}: detail is not an object of fields`];
  const fields = detail as Record<string, unknown>;
  return Object.entries(fields)
    .filter(([key, value]) => !(Object.hasOwn(FIELDS, key) && FIELDS[key]!(value, fields)))
    .map(([key, value]) => `${type}.${key} = ${JSON.stringify(value)}`);
}

/** An event with its ids and times made anonymous, to compare walks that made different objects. */
function shape(event: { type: string; detail: string }): string {
  const detail = event.detail ? (JSON.parse(event.detail) as Record<string, unknown>) : {};
  const masked = Object.fromEntries(
    Object.entries(detail)
      .sort(([a], [b]) => a.localeCompare(b))
      // Versions count saves, and how many autosaves a walk makes depends on typing speed, not answers.
      .map(([key, value]) => [key, FIELDS[key] === id || FIELDS[key] === instant || key === 'version' ? typeof value : value]),
  );
  return `${event.type} ${JSON.stringify(masked)}`;
}

/** Repeats of one event in a row (autosaves) as one: their number follows timing, not answers. */
function collapse(shapes: string[]): string[] {
  return shapes.filter((shape, index) => shape !== shapes[index - 1]);
}

async function walk(name: string, answers: 'usual' | 'alternate') {
  const { page, close } = await suite.open();
  const result = await inPage(page, 'completeFlow', name, { keep: true, answers });
  // Some events follow the backend's reply in the background: read once none came for a while.
  let record = await sentinel(page);
  for (let quietReads = 0, i = 0; quietReads < 4 && i < 40; i++) {
    await page.waitForTimeout(250);
    const next = await sentinel(page);
    quietReads = next.events.length === record.events.length ? quietReads + 1 : 0;
    record = next;
  }
  await close();
  assert.deepEqual(result.failures, [], `${name} flow (${answers} answers)`);
  return record.events.filter((event) => event.type.startsWith('pxm-'));
}

describe('events', () => {
  it('the rule sees what an answer leaks (a rating, a score, items that exist because of answers)', () => {
    assert.deepEqual(ruleBreaks('pxm-x', JSON.stringify({ programId: 'p', pain: 8, threshold: 7 })), ['pxm-x.pain = 8', 'pxm-x.threshold = 7']);
    assert.deepEqual(ruleBreaks('pxm-x', JSON.stringify({ responseId: 'r', score: 9 })), ['pxm-x.score = 9']);
    assert.deepEqual(ruleBreaks('pxm-x', JSON.stringify({ formId: 'f', version: 2, itemIds: ['pregnant'] })), ['pxm-x.itemIds = ["pregnant"]']);
    assert.deepEqual(ruleBreaks('pxm-x', JSON.stringify({ code: 'validation', operation: 'intake.definition', itemIds: ['a'] })), []);
    assert.deepEqual(ruleBreaks('pxm-x', JSON.stringify({ appointmentId: 'Knee pain follow-up for Zelphine' })), ['pxm-x.appointmentId = "Knee pain follow-up for Zelphine"']);
    // A repaired field is named by its path in the reply, never by what it held.
    assert.deepEqual(ruleBreaks('pxm-error', JSON.stringify({ code: 'server', operation: 'progress.loadProgress', field: 'goals.0.text' })), []);
    assert.deepEqual(ruleBreaks('pxm-error', JSON.stringify({ code: 'server', operation: 'progress.loadProgress', field: 'Carry my granddaughter' })), ['pxm-error.field = "Carry my granddaughter"']);
  });

  for (const name of PROFILE_NAMES) {
    it(`<pxm-${name}>: every event keeps the rule, and the same events fire whatever the answers`, async () => {
      const usual = await walk(name, 'usual');
      const alternate = await walk(name, 'alternate');
      const breaks = [...usual, ...alternate].flatMap((event) => ruleBreaks(event.type, event.detail));
      assert.deepEqual([...new Set(breaks)], [], 'event fields that are not ids, codes or times');
      assert.deepEqual(collapse(alternate.map(shape)), collapse(usual.map(shape)), 'the events fired depend on the answers');
      addFigures('events', {
        'flows walked': 2,
        'events checked against the rule': usual.length + alternate.length,
        'events that break it': 0,
      });
    });
  }
});
