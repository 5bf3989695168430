/** The demo page promises only what the backend it runs on does: reloads and new tabs. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backendNote, demoSections, introFor } from '../sections.js';

const section = (id: string) => {
  const found = demoSections.find((s) => s.id === id);
  assert.ok(found, `the demo has a ${id} section`);
  return found;
};

describe('demo site words', () => {
  it('on the in-browser backend, nothing promises that a reload or a new tab keeps anything', () => {
    for (const s of demoSections) {
      // A sentence that promises continuing later must say it needs the reference server.
      for (const sentence of introFor(s, 'memory').split(/(?<=[.;])\s+/)) {
        if (/continue where you left off|resumes where you left off|works anywhere/i.test(sentence)) assert.match(sentence, /\?backend=rest/, `${s.id}: ${sentence}`);
      }
    }
    for (const id of ['intake', 'survey', 'book']) {
      const words = introFor(section(id), 'memory');
      assert.match(words, /reload/i, `${id} says what a reload does`);
      assert.match(words, /\?backend=rest/, `${id} says what needs the reference server`);
    }
    assert.match(introFor(section('book'), 'memory'), /new tab/);
    assert.match(backendNote('memory', 'http://127.0.0.1:8787'), /a reload starts over/);
  });

  it('on the reference server, the intake and survey say a reload or the link continues', () => {
    assert.match(introFor(section('intake'), 'rest'), /reload the page and you continue where you left off/);
    assert.match(introFor(section('survey'), 'rest'), /the link resumes where you left off/);
    assert.match(introFor(section('book'), 'rest'), /any tab/);
    assert.match(backendNote('rest', 'http://127.0.0.1:8787'), /reference server at http:\/\/127\.0\.0\.1:8787/);
  });
});
