/**
 * The zod-free readers the survey element uses must accept exactly what the schemas accept:
 * checked here on the demo invitation and on hundreds of broken copies of it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AdapterError } from '@pxm/core';
import {
  SurveyInvitationSchema,
  SurveyResponseSchema,
  readSurveyInvitation,
  readSurveyResponse,
  surveyDefinitionProblems,
} from '@pxm/core/survey';
import { demoPractice, demoSurvey } from '@pxm/core/demo';

const invitation = {
  id: 'inv-1',
  status: 'open',
  expiresAt: '2027-03-31T16:00:00Z',
  definition: { ...demoSurvey, questions: demoSurvey.questions.map((q) => (q.id === 'why' ? { ...q, afterScore: true } : q)) },
  partialAnswers: { nps: 8, why: 'Good', helped: ['hands-on'], goals: null },
  practiceName: demoPractice.name,
  reviewLinks: demoPractice.reviewLinks,
};

/** Values that break things in different ways. */
const oddValues: unknown[] = [
  undefined, null, '', ' ', 'x', 'x'.repeat(501), 0, -1, 1.5, 11, Number.NaN, Number.POSITIVE_INFINITY, true, [], [''], {}, { default: 'a' },
  '2027-03-31T16:00:00', '2027-13-31T16:00:00Z', 'javascript:alert(1)', 'https://ok.example/x', 'ftp://files.example', 'nps', 'csat',
];

/** Every path to a value inside `value`, e.g. ['definition', 'questions', 0, 'type']. */
function paths(value: unknown, prefix: PropertyKey[] = []): PropertyKey[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const inner = Object.entries(value).flatMap(([key, child]) => paths(child, [...prefix, Array.isArray(value) ? Number(key) : key]));
  return [prefix, ...inner];
}

function withValue(root: unknown, path: PropertyKey[], replacement: unknown): unknown {
  const copy = structuredClone(root) as Record<PropertyKey, unknown>;
  if (path.length === 0) return replacement;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<PropertyKey, unknown>;
  const last = path[path.length - 1]!;
  if (replacement === undefined && !Array.isArray(node)) delete node[last];
  else node[last] = replacement;
  return copy;
}

function readerAccepts(read: (value: unknown) => unknown, value: unknown): boolean {
  try {
    read(value);
    return true;
  } catch (error) {
    assert.ok(AdapterError.is(error), 'fails only with an AdapterError');
    assert.equal(error.code, 'server');
    return false;
  }
}

describe('survey readers', () => {
  it('accept the demo invitation and return a copy without unknown keys', () => {
    const read = readSurveyInvitation({ ...invitation, extra: 'dropped', definition: { ...invitation.definition, future: 1 } });
    assert.deepEqual(read, SurveyInvitationSchema.parse(invitation));
    assert.equal('extra' in read, false);
  });

  it('agree with SurveyInvitationSchema on every broken copy of an invitation', () => {
    let compared = 0;
    let rejected = 0;
    for (const path of paths(invitation)) {
      for (const odd of oddValues) {
        const candidate = withValue(invitation, path, odd);
        const parsed = SurveyInvitationSchema.safeParse(candidate);
        // The reader also refuses definitions the schema alone cannot see are broken.
        const schema = parsed.success && surveyDefinitionProblems(parsed.data.definition).length === 0;
        const reader = readerAccepts(readSurveyInvitation, candidate);
        if (reader !== schema) {
          assert.fail(`disagree at ${path.join('.')} = ${JSON.stringify(odd)}: schema ${schema}, reader ${reader}`);
        }
        compared += 1;
        if (!schema) rejected += 1;
      }
    }
    assert.ok(compared > 2000, `compared ${compared}`);
    assert.ok(rejected > 1000, `rejected ${rejected}`);
  });

  it('refuse a definition with duplicate question ids, naming where', () => {
    const broken = structuredClone(invitation);
    broken.definition.questions[1]!.id = 'nps';
    assert.equal(SurveyInvitationSchema.safeParse(broken).success, true, 'the schema alone lets it through');
    assert.throws(() => readSurveyInvitation(broken), (error: unknown) => AdapterError.is(error) && error.code === 'server' && error.issues[0]?.path === 'definition.questions.1.id');
  });

  it('never let a link that is not http(s) through', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,hi', 'https:/no-host', ' vbscript:x', '//cedar.example/review']) {
      const candidate = { ...invitation, reviewLinks: [{ site: 'google', url }] };
      assert.equal(readerAccepts(readSurveyInvitation, candidate), false, url);
    }
  });

  it('agree with SurveyResponseSchema', () => {
    const response = { id: 'r1', invitationId: 'inv-1', submittedAt: '2027-03-01T16:00:00.123+02:00', npsScore: 7 };
    for (const path of paths(response)) {
      for (const odd of oddValues) {
        const candidate = withValue(response, path, odd);
        assert.equal(readerAccepts(readSurveyResponse, candidate), SurveyResponseSchema.safeParse(candidate).success, `${path.join('.')} = ${JSON.stringify(odd)}`);
      }
    }
  });
});
