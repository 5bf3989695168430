import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AdapterError, parseResponse } from '@pxm/core';
import { parseWithRepair, type RepairedField } from '@pxm/core/reply-repair';
import { HepProgramSchema } from '@pxm/core/hep';
import { LocationListSchema, PracticeSchema } from '@pxm/core/booking';
import { demoPractice, demoHepProgramAt } from '@pxm/core/demo';

const NOW = new Date('2027-01-13T17:00:00Z');

function parseCollecting<T>(schema: Parameters<typeof parseResponse<T>>[0], value: unknown): { data: T; repaired: RepairedField[] } {
  const { result, repaired } = parseWithRepair(schema, value);
  assert.ok(result.success, 'the reply was saved');
  return { data: result.data, repaired };
}

test('a non-http link on an optional field is dropped, the rest of the reply kept', () => {
  const practice = { ...structuredClone(demoPractice), website: 'javascript:alert(1)' };
  const { data, repaired } = parseCollecting(PracticeSchema, practice);
  assert.equal(data.website, undefined);
  assert.equal(data.name, demoPractice.name);
  assert.deepEqual(repaired, [{ path: 'website', action: 'dropped' }]);
  // The adapter's own object is left as it was.
  assert.equal(practice.website, 'javascript:alert(1)');
});

test('a list item that cannot do without its bad link is left out of the list', () => {
  const practice = {
    ...structuredClone(demoPractice),
    reviewLinks: [
      { site: 'google', url: 'https://g.example/review' },
      { site: 'yelp', url: 'data:text/html,hi' },
      { site: 'other', url: 'https://other.example/' },
    ],
  };
  const { data, repaired } = parseCollecting(PracticeSchema, practice);
  assert.deepEqual(data.reviewLinks?.map((link) => link.site), ['google', 'other']);
  assert.deepEqual(repaired, [{ path: 'reviewLinks.1.url', action: 'dropped' }]);
});

test('bad media links in a program: video dropped, caption track and image left out', () => {
  const program = structuredClone(demoHepProgramAt(NOW));
  const exercise = program.exercises[0]!;
  exercise.media = {
    videoUrl: 'ftp://media.example/a.mp4',
    captions: [{ src: 'javascript:void 0', srclang: 'en', label: 'English' }],
    imageUrls: ['https://media.example/a.jpg', 'file:///etc/passwd'],
  };
  const { data, repaired } = parseCollecting(HepProgramSchema, program);
  const media = data.exercises[0]!.media!;
  assert.equal(media.videoUrl, undefined);
  assert.deepEqual(media.captions, []);
  assert.deepEqual(media.imageUrls, ['https://media.example/a.jpg']);
  assert.deepEqual(repaired.map((field) => field.path).sort(), [
    'exercises.0.media.captions.0.src',
    'exercises.0.media.imageUrls.1',
    'exercises.0.media.videoUrl',
  ]);
});

test('an over-long text is shortened to its limit', () => {
  const practice = { ...structuredClone(demoPractice), whatToBring: 'x'.repeat(25_000) };
  const { data, repaired } = parseCollecting(PracticeSchema, practice);
  assert.equal(data.whatToBring?.length, 20_000);
  assert.ok(data.whatToBring?.endsWith('…'));
  assert.deepEqual(repaired, [{ path: 'whatToBring', action: 'shortened' }]);
});

test('identifiers are never cut, and any other mismatch still fails naming every issue', () => {
  const locations = [{ id: 'x'.repeat(300), name: 'Main', address: { line1: '1 Main St', city: 'Denver' }, timeZone: 'America/Denver' }];
  assert.deepEqual(parseWithRepair(LocationListSchema, locations).repaired, []);
  assert.equal(parseWithRepair(LocationListSchema, locations).result.success, false);
  // The element then throws the reply's own failure, which names every issue.
  assert.throws(() => parseResponse(LocationListSchema, locations, 'booking.listLocations'), (error: unknown) => {
    assert.ok(error instanceof AdapterError);
    assert.equal(error.code, 'server');
    assert.deepEqual(error.issues?.map((issue) => issue.path), ['0.id']);
    return true;
  });
  // A bad link beside a real problem is not repaired: the reply is malformed.
  const practice = { ...structuredClone(demoPractice), website: 'javascript:x', cancellationPolicy: undefined };
  const unsaved = parseWithRepair(PracticeSchema, practice);
  assert.equal(unsaved.result.success, false);
  assert.deepEqual(unsaved.repaired, []);
});
