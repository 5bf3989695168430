/** Answers for every item of a form (each repeating group once), for end-to-end write tests. */
import type { AnswerValue, Answers, AttachmentRef, FormDefinition, FormItem } from '@pxm/core/forms';

export interface FillOptions {
  card: AttachmentRef;
  signedAt: string;
  overrides?: Answers;
}

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 40"><path d="M5 30 C 20 5, 40 5, 55 30 S 90 35, 95 10" fill="none" stroke="black"/></svg>';

function valueFor(item: FormItem, options: FillOptions, consentVersion: Map<string, { id: string; version: string }>): AnswerValue | undefined {
  switch (item.type) {
    case 'text':
      return 'Example text';
    case 'long-text':
      return 'A longer answer, on two lines.\nSecond line.';
    case 'number':
      return item.min ?? 1;
    case 'scale':
      return item.min + 1 <= item.max ? item.min + 1 : item.min;
    case 'date':
      return '1990-05-17';
    case 'yes-no':
      return true;
    case 'single-choice':
      return item.options[0]!.value;
    case 'multiple-choice':
      return [item.options[0]!.value];
    case 'phone':
      return '+1 303-555-0100';
    case 'email':
      return 'test.patient@example.com';
    case 'address':
      return { line1: '12 Elm St', city: 'Denver', region: 'CO', postalCode: '80211', country: 'US' };
    case 'insurance-card':
      return { front: options.card };
    case 'consent':
      return { agreed: true, agreedAt: options.signedAt, version: item.version };
    case 'signature': {
      const consent = item.consentItemId ? consentVersion.get(item.consentItemId) : undefined;
      return {
        signerName: 'Test Patient',
        signedAt: options.signedAt,
        method: 'drawn',
        ...(consent ? { consentId: consent.id, consentVersion: consent.version } : {}),
        textSha256: 'a'.repeat(64),
        svg: SVG,
        userAgent: 'node-test',
      };
    }
    default:
      return undefined;
  }
}

export function fillForm(definition: FormDefinition, options: FillOptions): Answers {
  const consents = new Map<string, { id: string; version: string }>();
  const collect = (items: readonly FormItem[]) =>
    items.forEach((item) => {
      if (item.type === 'consent') consents.set(item.id, { id: item.consentId, version: item.version });
      if (item.type === 'section' || item.type === 'group') collect(item.items);
    });
  definition.pages.forEach((page) => collect(page.items));

  const fill = (items: readonly FormItem[], into: Answers) => {
    for (const item of items) {
      if (item.type === 'section') fill(item.items, into);
      else if (item.type === 'group') {
        const instance: Answers = {};
        fill(item.items, instance);
        into[item.id] = [instance];
      } else {
        const value = valueFor(item, options, consents);
        if (value !== undefined) into[item.id] = value;
      }
    }
  };
  const answers: Answers = {};
  definition.pages.forEach((page) => fill(page.items, answers));
  return { ...answers, ...options.overrides };
}
