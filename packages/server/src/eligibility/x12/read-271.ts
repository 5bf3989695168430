/**
 * Reads a 271 (005010X279A1) into plain records: the payer, the benefit (EB) lines of the
 * subscriber or dependent, the AAA rejections with the loop they came in, and the segments the
 * reader does not know (kept and reported, never fatal). Normalizing is `normalize-271.ts`.
 */
import { X12Interchange, X12Parser, type X12Segment } from 'node-x12';
import { KNOWN_271_SEGMENTS } from './x12-codes.js';

/** One EB segment (loop 2110C/2110D), its elements by name. Empty elements are left out. */
export interface BenefitLine {
  info: string;
  coverageLevel?: string;
  serviceTypes: string[];
  insuranceType?: string;
  planDescription?: string;
  timePeriod?: string;
  amount?: string;
  percent?: string;
  quantityQualifier?: string;
  quantity?: string;
  authorizationRequired?: string;
  inPlanNetwork?: string;
  /** DTP*292 (benefit) dates given for this line. */
  benefitDates: string[];
}

export type X12Loop = 'payer' | 'receiver' | 'subscriber' | 'dependent';

export interface Rejection {
  loop: X12Loop;
  /** AAA01: Y when the request was valid (the payer could not answer), N when it was not. */
  validRequest: boolean;
  /** AAA03 Reject Reason code. */
  reason: string;
  /** AAA04 Follow-up Action code. */
  followUp?: string;
}

export interface UnknownSegment {
  tag: string;
  /** 1-based position of the segment inside the transaction set. */
  position: number;
  /** The segment as received, for the staff view. */
  text: string;
}

export interface Read271 {
  payerName?: string;
  lines: BenefitLine[];
  rejections: Rejection[];
  unknownSegments: UnknownSegment[];
}

export class X12ReadError extends Error {
  override name = 'X12ReadError';
}

const HL_LEVELS: Readonly<Record<string, X12Loop>> = { '20': 'payer', '21': 'receiver', '22': 'subscriber', '23': 'dependent' };

/** The element value, or `undefined` when absent or empty. */
function element(segment: X12Segment, position: number): string | undefined {
  const value = segment.valueOf(position);
  return value === null || value === undefined || value === '' ? undefined : value;
}

function benefitLine(segment: X12Segment, repetition: string): BenefitLine {
  const optional = (key: keyof BenefitLine, position: number) => {
    const value = element(segment, position);
    return value === undefined ? {} : { [key]: value };
  };
  return {
    info: element(segment, 1) ?? '',
    ...optional('coverageLevel', 2),
    serviceTypes: (element(segment, 3) ?? '').split(repetition).filter((code) => code !== ''),
    ...optional('insuranceType', 4),
    ...optional('planDescription', 5),
    ...optional('timePeriod', 6),
    ...optional('amount', 7),
    ...optional('percent', 8),
    ...optional('quantityQualifier', 9),
    ...optional('quantity', 10),
    ...optional('authorizationRequired', 11),
    ...optional('inPlanNetwork', 12),
    benefitDates: [],
  };
}

/** Parses one 271 interchange. Throws `X12ReadError` when it is not X12 or not a 271. */
export function read271(raw: string): Read271 {
  let parsed;
  try {
    parsed = new X12Parser(true).parse(raw.trim());
  } catch (error) {
    throw new X12ReadError(`Not an X12 interchange: ${(error as Error).message}`);
  }
  if (!(parsed instanceof X12Interchange)) throw new X12ReadError('Expected one interchange.');
  const repetition = element(parsed.header, 11) ?? '^';
  const transaction = parsed.functionalGroups[0]?.transactions[0];
  if (!transaction || element(transaction.header, 1) !== '271') throw new X12ReadError('Expected a 271 transaction set.');

  const result: Read271 = { lines: [], rejections: [], unknownSegments: [] };
  let loop: X12Loop | undefined;
  let currentLine: BenefitLine | undefined;
  // LS ... LE wraps a benefit's related entity (2120C): its NM1 is not the payer's or member's.
  let insideRelatedEntity = false;
  transaction.segments.forEach((segment, index) => {
    const tag = segment.tag;
    if (!KNOWN_271_SEGMENTS.has(tag)) {
      result.unknownSegments.push({ tag, position: index + 2, text: segment.toString().replace(/[~\n\r]+$/, '') });
      return;
    }
    switch (tag) {
      case 'HL':
        loop = HL_LEVELS[element(segment, 3) ?? ''];
        currentLine = undefined;
        break;
      case 'LS':
        insideRelatedEntity = true;
        break;
      case 'LE':
        insideRelatedEntity = false;
        break;
      case 'NM1':
        if (!insideRelatedEntity && loop === 'payer' && element(segment, 1) === 'PR') result.payerName = element(segment, 3);
        break;
      case 'AAA':
        if (loop) {
          const followUp = element(segment, 4);
          result.rejections.push({ loop, validRequest: element(segment, 1) === 'Y', reason: element(segment, 3) ?? '', ...(followUp ? { followUp } : {}) });
        }
        break;
      case 'EB':
        if (loop === 'subscriber' || loop === 'dependent') {
          currentLine = benefitLine(segment, repetition);
          result.lines.push(currentLine);
        }
        break;
      case 'DTP':
        if (currentLine && !insideRelatedEntity && element(segment, 1) === '292') {
          const date = element(segment, 3);
          if (date) currentLine.benefitDates.push(date);
        }
        break;
      default:
        break;
    }
  });
  return result;
}
