import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import { createFaultyAdapter } from '@pxm/adapter-testkit/faults';
import { DEMO_BENEFITS_MEMBER_IDS } from '@pxm/core/booking';
import { DEMO_MANAGE_TOKENS } from '@pxm/core/demo';
import type { PxmAdapter } from '@pxm/core';
import { check, click, fill, heading, host } from '../test-helpers/story-play.js';
import '../define/pxm-booking.js';

/**
 * `<pxm-booking>` against the in-browser demo backend. Language, direction and theme come from
 * the toolbar (a story pins them with `globals`); each story gets a fresh backend.
 */
interface BookingArgs {
  location: string;
  'appointment-type': string;
  provider: string;
  'manage-token': string;
  'time-zone': string;
  mode: 'inline' | 'dialog';
  /** Which parts of the coverage check show (space-separated). */
  benefits: string;
  discipline: string;
}

const memory = (): PxmAdapter => createMemoryAdapter({ latencyMs: { min: 150, max: 450 } });

/** A backend with faults planned by the story (see @pxm/adapter-testkit/faults). */
const faulty = (plan: (faults: ReturnType<typeof createFaultyAdapter>) => void) => () => {
  const faults = createFaultyAdapter(memory());
  plan(faults);
  return faults.adapter;
};

const meta: Meta<BookingArgs> = {
  title: 'Elements/pxm-booking',
  component: 'pxm-booking',
  args: { location: '', 'appointment-type': '', provider: '', 'manage-token': '', 'time-zone': 'America/Denver', mode: 'inline', benefits: 'status cost visits prior-auth', discipline: 'physical-therapy' },
  argTypes: {
    location: { control: 'select', options: ['', 'denver-highlands', 'phoenix-arcadia'] },
    'appointment-type': { control: 'select', options: ['', 'initial-evaluation', 'follow-up', 'telehealth-check-in'] },
    provider: { control: 'select', options: ['', 'ana-rivera', 'james-okafor', 'mei-chen', 'sam-haddad', 'linh-nguyen'] },
    'manage-token': { control: 'select', options: ['', ...Object.values(DEMO_MANAGE_TOKENS)] },
    'time-zone': { control: 'text' },
    mode: { control: 'inline-radio', options: ['inline', 'dialog'] },
    benefits: { control: 'text' },
    discipline: { control: 'select', options: ['physical-therapy', 'occupational-therapy', 'speech-therapy'] },
  },
  render: (args, context) => html`<pxm-booking
    .adapter=${(context.parameters['adapter'] as (() => PxmAdapter) | undefined)?.() ?? memory()}
    location=${args.location || nothing}
    appointment-type=${args['appointment-type'] || nothing}
    provider=${args.provider || nothing}
    manage-token=${args['manage-token'] || nothing}
    time-zone=${args['time-zone']}
    mode=${args.mode}
    benefits=${args.benefits}
    discipline=${args.discipline}
  ></pxm-booking>`,
};

export default meta;
type Story = StoryObj<BookingArgs>;

const denverEvaluation = { location: 'denver-highlands', 'appointment-type': 'initial-evaluation' };

/** The whole flow from the first question. */
export const Default: Story = {};

/** Location and visit type set by attributes: straight to the times. */
export const PickATime: Story = { args: denverEvaluation };

/** A time was picked and is held for ten minutes while the patient types. */
export const DetailsStep: Story = {
  args: denverEvaluation,
  play: async ({ canvasElement }) => {
    const el = await host(canvasElement, 'pxm-booking');
    await heading(el.shadowRoot, 'Pick a time');
    (await waitForTime(el.shadowRoot)).click();
    await heading(el.shadowRoot, 'Your details');
  },
};

/** Review with nothing typed: every problem is listed and the first field gets focus. */
export const DetailsWithErrors: Story = {
  args: denverEvaluation,
  play: async (context) => {
    await DetailsStep.play!(context);
    const el = await host(context.canvasElement, 'pxm-booking');
    await click(el.shadowRoot, 'Review booking');
  },
};

/** Details given, self-pay: the last look before booking. */
export const ReviewStep: Story = {
  args: denverEvaluation,
  play: async (context) => {
    await DetailsStep.play!(context);
    const root = (await host(context.canvasElement, 'pxm-booking')).shadowRoot;
    await fill(root, 'First name', 'Ana');
    await fill(root, 'Last name', 'Prueba');
    await fill(root, 'Date of birth', '1990-05-17');
    await fill(root, 'Mobile phone', '+1 303 555 0100');
    await fill(root, 'Email', 'ana@example.com');
    await check(root, 'Self-pay');
    await click(root, 'Review booking');
    await heading(root, 'Review and confirm');
  },
};

/** Booked: the summary, the calendar file and the manage link. */
export const Confirmed: Story = {
  args: denverEvaluation,
  play: async (context) => {
    await ReviewStep.play!(context);
    const root = (await host(context.canvasElement, 'pxm-booking')).shadowRoot;
    await click(root, 'Confirm booking');
    await heading(root, 'You’re booked');
  },
};

/** Insured, coverage checked with a demo member id (`DEMO_BENEFITS_MEMBER_IDS`). */
function coverageChecked(memberId: string): Story['play'] {
  return async (context) => {
    await DetailsStep.play!(context);
    const root = (await host(context.canvasElement, 'pxm-booking')).shadowRoot;
    await fill(root, 'First name', 'Ana');
    await fill(root, 'Last name', 'Prueba');
    await fill(root, 'Date of birth', '1990-05-17');
    await fill(root, 'Mobile phone', '+1 303 555 0100');
    await fill(root, 'Email', 'ana@example.com');
    await check(root, 'I’ll use insurance');
    await fill(root, 'Insurance company', 'Aetna');
    await fill(root, 'Member ID', memberId);
    await click(root, 'Check my coverage');
  };
}

/** The coverage check: active, the estimated cost ($25 copay) and 3 visits left in a pool shared by the three therapies, each as of the check. */
export const CoverageBenefits: Story = { args: denverEvaluation, play: coverageChecked(DEMO_BENEFITS_MEMBER_IDS.sharedPool) };

/** Coinsurance with the deductible not met; the visits left are unknown (the payer did not say). */
export const CoverageCoinsurance: Story = { args: denverEvaluation, play: coverageChecked(DEMO_BENEFITS_MEMBER_IDS.coinsurance) };

/** Prior authorization needed: the clinic will request it. This practice shows only status and prior authorization. */
export const CoveragePriorAuthorization: Story = { args: { ...denverEvaluation, benefits: 'status prior-auth' }, play: coverageChecked(DEMO_BENEFITS_MEMBER_IDS.priorAuthorization) };

/** The payer did not answer: booking proceeds, the clinic confirms coverage before the visit. */
export const CoverageConfirmLater: Story = { args: denverEvaluation, play: coverageChecked(DEMO_BENEFITS_MEMBER_IDS.providerDown) };

/** The first adapter calls never answer: the loading state (it times out after 20 s). */
export const Loading: Story = {
  parameters: { adapter: faulty((faults) => faults.always('booking.getPractice', { hang: true })) },
};

/** No openings in the coming months: an empty state that offers the waitlist. */
export const NoOpenings: Story = {
  args: denverEvaluation,
  parameters: { adapter: faulty((faults) => faults.always('booking.findSlots', { reply: [] })) },
};

/** The backend is unreachable: a clear message and a retry, never a blank. */
export const NetworkError: Story = {
  parameters: { adapter: faulty((faults) => faults.always('booking.listLocations', { error: 'network' })) },
};

/** An adapter without the booking capability: says so, with no retry that cannot help. */
export const AdapterWithoutBooking: Story = {
  parameters: { adapter: () => ({ name: 'survey-only' }) as PxmAdapter },
};

/** A patient in London booking the Denver clinic: clinic time first, with a switch to theirs. */
export const PatientInAnotherZone: Story = { args: { ...denverEvaluation, 'time-zone': 'Europe/London' } };

/** Video visits default to the patient's zone. */
export const Telehealth: Story = { args: { location: 'phoenix-arcadia', 'appointment-type': 'telehealth-check-in', 'time-zone': 'America/New_York' } };

export const Spanish: Story = { args: { location: 'phoenix-arcadia', 'appointment-type': 'initial-evaluation' }, globals: { locale: 'es' } };

export const RightToLeft: Story = { args: { location: 'denver-highlands', 'appointment-type': 'follow-up' }, globals: { direction: 'rtl' } };

export const Dark: Story = { args: denverEvaluation, globals: { theme: 'dark' } };

/** The Harbor theme of docs/theming.md: tokens and two ::part() rules. */
export const CustomTheme: Story = { args: denverEvaluation, globals: { theme: 'harbor' } };

/** Manage link of a visit a few days ahead: reschedule or cancel. */
export const Manage: Story = { args: { 'manage-token': DEMO_MANAGE_TOKENS.upcoming } };

/** Less than a day ahead: changes ask to acknowledge the late fee. */
export const ManageInsideNoticeWindow: Story = { args: { 'manage-token': DEMO_MANAGE_TOKENS.withinNotice } };

export const ManageCancelled: Story = { args: { 'manage-token': DEMO_MANAGE_TOKENS.cancelled } };

export const ManageExpiredLink: Story = { args: { 'manage-token': DEMO_MANAGE_TOKENS.past } };

/** Every time picked is "just taken": the patient is sent back to that day's times. */
export const SlotTaken: Story = {
  args: denverEvaluation,
  parameters: { adapter: faulty((faults) => faults.always('booking.holdSlot', { error: 'slot_unavailable' })) },
  play: async ({ canvasElement }) => {
    const el = await host(canvasElement, 'pxm-booking');
    (await waitForTime(el.shadowRoot)).click();
  },
};

/** The backend never answers for times: after the timeout, a message and a retry. */
export const SlowBackend: Story = {
  args: denverEvaluation,
  parameters: { adapter: faulty((faults) => faults.plan('booking.findSlots', { delayMs: 25_000 })) },
};

/** A malformed slot list: an error state with retry, never a blank. */
export const MalformedReply: Story = {
  args: denverEvaluation,
  parameters: { adapter: faulty((faults) => faults.plan('booking.findSlots', { reply: [{ id: 1 }] })) },
};

/** `mode="dialog"`: any element with `data-pxm-booking-open` opens it. */
export const Dialog: Story = {
  render: () => html`<button type="button" data-pxm-booking-open data-location="denver-highlands">Book online</button>
    <pxm-booking mode="dialog" .adapter=${memory()} time-zone="America/Denver"></pxm-booking>`,
};

function waitForTime(root: ShadowRoot): Promise<HTMLElement> {
  return new Promise((resolve, reject) => {
    const until = Date.now() + 10_000;
    const look = () => {
      const time = root.querySelector<HTMLElement>('[part~="time"]');
      if (time) resolve(time);
      else if (Date.now() > until) reject(new Error('no time buttons'));
      else setTimeout(look, 50);
    };
    look();
  });
}
