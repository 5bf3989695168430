/**
 * The one-page text PDF a fax status message goes out as: a reader finds every object where the
 * cross-reference table says it is, the text is escaped, wrapped and limited to printable ASCII.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { textPagePdf } from '../src/referrals/notice-pdf.js';

describe('textPagePdf', () => {
  const pdf = new TextDecoder().decode(textPagePdf(`Referral REF-7K2M-9QXD: scheduled\n\nA (parenthesis) and a back\\slash, ünïcode, and ${'word '.repeat(40)}end.`));

  it('has a cross-reference table whose offsets point at each object', () => {
    assert.ok(pdf.startsWith('%PDF-1.4\n'));
    assert.ok(pdf.endsWith('%%EOF\n'));
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(pdf)![1]);
    assert.ok(pdf.slice(startxref).startsWith('xref\n0 6\n'));
    const offsets = pdf.slice(startxref).split('\n').slice(3, 8).map((line) => Number(line.slice(0, 10)));
    offsets.forEach((offset, index) => assert.ok(pdf.slice(offset).startsWith(`${index + 1} 0 obj\n`), `object ${index + 1}`));
    const length = Number(/\/Length (\d+) >>\nstream\n/.exec(pdf)![1]);
    const streamStart = pdf.indexOf('stream\n') + 'stream\n'.length;
    assert.equal(pdf.slice(streamStart + length), '\nendstream\nendobj\n' + pdf.slice(pdf.indexOf('xref\n')));
  });

  it('escapes, wraps at 78 characters and replaces what is not printable ASCII', () => {
    const lines = [...pdf.matchAll(/\((.*)\) Tj T\*/g)].map((match) => match[1]!);
    assert.equal(lines[0], 'Referral REF-7K2M-9QXD: scheduled');
    assert.ok(lines[2]!.startsWith('A \\(parenthesis\\) and a back\\\\slash, ?n?code, and word'));
    assert.ok(lines.every((line) => line.replace(/\\(.)/g, '$1').length <= 78));
    assert.ok(lines.length > 3, 'the long paragraph wraps');
    assert.doesNotMatch(pdf, /[^\n\x20-\x7e]/);
  });
});
