/**
 * Builds a 270 eligibility inquiry (005010X279A1) for one subscriber, asking about plan coverage
 * and each therapy service type. The member id travels only inside this body (never in a URL).
 */
import { X12Interchange } from 'node-x12';
import { INQUIRY_SERVICE_TYPES } from './x12-codes.js';

export interface Inquiry270 {
  /** Who sends: the practice's id with the clearinghouse (ISA06/GS02). */
  senderId: string;
  /** Who receives: the clearinghouse's id (ISA08/GS03). */
  receiverId: string;
  payer: { name: string; id: string };
  /** The practice (information receiver) and its NPI. */
  provider: { name: string; npi: string };
  subscriber: { memberId: string; lastName?: string; firstName?: string; dateOfBirth?: string /* YYYY-MM-DD */ };
  /** ISA13/GS06 control number, 1..999999999. */
  controlNumber: number;
  /** BHT03 and TRN02: ties the 271 back to this inquiry. No member data in it. */
  traceId: string;
  /** When the inquiry is made (UTC), also the date of service asked about. */
  at: Date;
}

const pad = (value: string, width: number) => value.slice(0, width).padEnd(width, ' ');
const digits = (value: number, width: number) => String(value).padStart(width, '0');
/** X12 text must not contain the delimiters it is written with. */
const clean = (value: string) => value.replace(/[*~^:\r\n]/g, ' ').trim().toUpperCase();

/** The 270 as X12 text (`*` elements, `~` segments, `^` repetitions, `:` components). */
export function build270(inquiry: Inquiry270): string {
  const at = inquiry.at;
  const yyyymmdd = `${at.getUTCFullYear()}${digits(at.getUTCMonth() + 1, 2)}${digits(at.getUTCDate(), 2)}`;
  const hhmm = `${digits(at.getUTCHours(), 2)}${digits(at.getUTCMinutes(), 2)}`;
  const control = digits(inquiry.controlNumber, 9);

  const interchange = new X12Interchange({ segmentTerminator: '~', elementDelimiter: '*', subElementDelimiter: ':', repetitionDelimiter: '^' });
  interchange.setHeader([
    '00', pad('', 10), '00', pad('', 10),
    'ZZ', pad(clean(inquiry.senderId), 15), 'ZZ', pad(clean(inquiry.receiverId), 15),
    yyyymmdd.slice(2), hhmm, '^', '00501', control, '0', 'P', ':',
  ]);
  const group = interchange.addFunctionalGroup();
  group.setHeader(['HS', clean(inquiry.senderId), clean(inquiry.receiverId), yyyymmdd, hhmm, String(inquiry.controlNumber), 'X', '005010X279A1']);
  const transaction = group.addTransaction();
  transaction.setHeader(['270', '0001', '005010X279A1']);
  const trace = clean(inquiry.traceId);
  transaction.addSegment('BHT', ['0022', '13', trace, yyyymmdd, hhmm]);
  // 2000A/2100A information source: the payer.
  transaction.addSegment('HL', ['1', '', '20', '1']);
  transaction.addSegment('NM1', ['PR', '2', clean(inquiry.payer.name), '', '', '', '', 'PI', clean(inquiry.payer.id)]);
  // 2000B/2100B information receiver: the practice.
  transaction.addSegment('HL', ['2', '1', '21', '1']);
  transaction.addSegment('NM1', ['1P', '2', clean(inquiry.provider.name), '', '', '', '', 'XX', clean(inquiry.provider.npi)]);
  // 2000C/2100C subscriber.
  transaction.addSegment('HL', ['3', '2', '22', '0']);
  transaction.addSegment('TRN', ['1', trace, `9${clean(inquiry.senderId).slice(0, 9).padEnd(9, '0')}`]);
  const subscriber = inquiry.subscriber;
  transaction.addSegment('NM1', ['IL', '1', clean(subscriber.lastName ?? ''), clean(subscriber.firstName ?? ''), '', '', '', 'MI', clean(subscriber.memberId)]);
  if (subscriber.dateOfBirth) transaction.addSegment('DMG', ['D8', subscriber.dateOfBirth.replaceAll('-', '')]);
  transaction.addSegment('DTP', ['291', 'D8', yyyymmdd]);
  // 2110C: one inquiry per service type (payers need not support repeated EQ01 codes).
  for (const serviceType of INQUIRY_SERVICE_TYPES) transaction.addSegment('EQ', [serviceType]);
  return interchange.toString();
}
