/**
 * A one-page PDF of plain text: a fax carries pages, not text, so a status message to a referrer
 * who is reached by fax goes out as this page. Helvetica, Letter size, printable ASCII only (a fax
 * is read by a person; anything else becomes '?'), long lines wrapped, the byte offsets of the
 * cross-reference table counted as written.
 */
const PAGE_WIDTH_POINTS = 612;
const PAGE_HEIGHT_POINTS = 792;
const MARGIN_POINTS = 72;
const FONT_SIZE_POINTS = 12;
const LINE_HEIGHT_POINTS = 16;
/** Helvetica at 12 pt averages about 6 points a character: 78 fit between the margins. */
const CHARACTERS_PER_LINE = 78;
const MAX_LINES = Math.floor((PAGE_HEIGHT_POINTS - 2 * MARGIN_POINTS) / LINE_HEIGHT_POINTS);

function wrap(paragraph: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (candidate.length <= CHARACTERS_PER_LINE) line = candidate;
    else {
      if (line) lines.push(line);
      line = word.slice(0, CHARACTERS_PER_LINE);
    }
  }
  lines.push(line);
  return lines;
}

const printable = (text: string) => text.replace(/[^\x20-\x7e\n]/g, '?');
const escapePdfString = (text: string) => text.replace(/[\\()]/g, (character) => `\\${character}`);

export function textPagePdf(text: string): Uint8Array {
  const lines = printable(text).split('\n').flatMap(wrap).slice(0, MAX_LINES);
  const operations = [`BT /F1 ${FONT_SIZE_POINTS} Tf ${LINE_HEIGHT_POINTS} TL ${MARGIN_POINTS} ${PAGE_HEIGHT_POINTS - MARGIN_POINTS} Td`];
  for (const line of lines) operations.push(`(${escapePdfString(line)}) Tj T*`);
  operations.push('ET');
  const content = operations.join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH_POINTS} ${PAGE_HEIGHT_POINTS}] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(pdf.length);
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefAt = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  // Every character is ASCII, so string length is byte length.
  return new TextEncoder().encode(pdf);
}
