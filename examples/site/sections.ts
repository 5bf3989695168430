/**
 * The demo page's sections, one per element. Each element's issue adds its section here; the
 * page shows only sections whose element is registered.
 */
export interface DemoSection {
  id: string;
  title: string;
  /** A shorter name for the header's navigation, when the title is long. */
  nav?: string;
  /** The custom element tag the section needs. */
  tag: string;
  intro: string;
  /**
   * What survives a reload or a new tab depends on the backend: the in-browser one starts over
   * on every page load, the reference server (`?backend=rest`) keeps everything. Said per backend
   * so the page never promises what its backend cannot do.
   */
  keeps?: Record<DemoBackend, string>;
  /** Markup of the element, configured by attributes only. */
  markup: string;
}

/** `memory`: the in-browser demo backend (the default); `rest`: the reference server. */
export type DemoBackend = 'memory' | 'rest';

export const demoSections: DemoSection[] = [];

/** A section's words for the backend the page runs on. */
export function introFor(section: DemoSection, backend: DemoBackend): string {
  return section.keeps ? `${section.intro} ${section.keeps[backend]}` : section.intro;
}

/** The footer's note on where the data goes. */
export function backendNote(backend: DemoBackend, api: string): string {
  return backend === 'rest'
    ? `This is a demo. It runs against the reference server at ${api}; what you enter is stored there (demo data only, please).`
    : 'This is a demo. Everything runs in your browser against the built-in demo backend; nothing is sent anywhere, and a reload starts over. Add ?backend=rest to the address to use the reference server (pnpm server), which keeps what you enter.';
}

demoSections.push({
  id: 'book',
  // Not "Book a visit": the element's own heading says that right below.
  title: 'Appointments',
  tag: 'pxm-booking',
  intro:
    'Pick a clinic, a visit type and a time; we hold it while you fill in your details. Returning patient? Try García, born 1985-04-12, phone 303-555-0199. To manage an existing booking, open #pxm-manage=demo-manage-upcoming (or demo-manage-within-notice, demo-manage-cancelled, demo-manage-past).',
  keeps: {
    memory:
      'The “Reschedule or cancel” link of a visit you book here works on this page until you reload it; this in-browser demo forgets new bookings on reload, so in a new tab that link is not valid. With ?backend=rest it works anywhere.',
    rest: 'The “Reschedule or cancel” link of a visit you book here works in any tab, as a patient’s emailed link would.',
  },
  markup: '<pxm-booking></pxm-booking>',
});

demoSections.push({
  id: 'book-dialog',
  title: 'Book from any button',
  nav: 'Booking dialog',
  tag: 'pxm-booking',
  intro: 'The same element in dialog mode: any button or link with data-pxm-booking-open opens it, here preset to the Phoenix clinic.',
  markup:
    '<button type="button" class="button" data-pxm-booking-open data-location="phoenix-arcadia">Book in Phoenix</button> <pxm-booking mode="dialog"></pxm-booking>',
});

demoSections.push({
  id: 'home-exercises',
  title: 'Your home exercises',
  nav: 'Home exercises',
  tag: 'pxm-hep-viewer',
  intro:
    'The program your physical therapist set after knee surgery: today’s exercises with videos, one-tap logging that works offline, and your progress.',
  markup: '<pxm-hep-viewer token="demo-hep-acl-recovery"></pxm-hep-viewer>',
});

demoSections.push({
  id: 'survey',
  title: 'Tell us how we did',
  nav: 'Survey',
  tag: 'pxm-survey',
  intro:
    'The survey a patient receives after discharge. Every respondent sees the review links, whatever the score.',
  keeps: {
    memory: 'Answers save as you go while this page is open; this in-browser demo starts over on reload (the “Resumed” example below shows answers saved earlier). With ?backend=rest the link resumes where you left off.',
    rest: 'Answers save as you go, so the link resumes where you left off.',
  },
  markup: `<pxm-survey token="demo-survey-open"></pxm-survey>
<details class="demo-states">
  <summary>The other invitation states</summary>
  <h3>Resumed: answers saved earlier</h3>
  <pxm-survey token="demo-survey-resume"></pxm-survey>
  <h3>Already answered</h3>
  <pxm-survey token="demo-survey-answered"></pxm-survey>
  <h3>Expired link</h3>
  <pxm-survey token="demo-survey-expired"></pxm-survey>
  <h3>Link that is not valid</h3>
  <pxm-survey token="demo-survey-invalid"></pxm-survey>
</details>`,
});

demoSections.push({
  id: 'intake',
  title: 'New patient forms',
  nav: 'Patient forms',
  tag: 'pxm-intake-form',
  intro:
    'Fill in your intake before your first visit: about you, insurance (with photos of your card), medical history, why you are coming in, pain and function questionnaires, and the consent you sign on screen.',
  keeps: {
    memory: 'Answers save as you go while this page is open; this in-browser demo starts over on reload. With ?backend=rest, reload the page and you continue where you left off.',
    rest: 'Answers save as you go: reload the page and you continue where you left off.',
  },
  markup: `<pxm-intake-form token="demo-intake-new-patient"></pxm-intake-form>
<details class="demo-states">
  <summary>A progress check with change from baseline</summary>
  <pxm-intake-form token="demo-intake-progress-check"></pxm-intake-form>
</details>`,
});

demoSections.push({
  id: 'progress',
  title: 'Your progress',
  nav: 'Progress',
  tag: 'pxm-progress',
  intro:
    'Six weeks after knee surgery: the goals set with your therapist in your own words, where you rate yourself beside your therapist; your scores over time with what the change means; the questionnaire that is due again (take it here and watch the new score appear); and a summary to print for yourself or your doctor.',
  keeps: {
    memory: 'Ratings and new scores stay while this page is open; this in-browser demo starts over on reload. With ?backend=rest they are kept.',
    rest: 'Ratings and new scores are kept.',
  },
  markup: `<pxm-progress token="demo-progress"></pxm-progress>
<details class="demo-states">
  <summary>An expired link</summary>
  <pxm-progress token="demo-progress-expired"></pxm-progress>
</details>`,
});

demoSections.push({
  id: 'referral',
  title: 'For referring physicians',
  nav: 'Referrals',
  tag: 'pxm-referral',
  intro:
    'A physician’s office refers a patient here, without an account: the patient, the referring clinician (try NPI 1234567893, or change its last digit to see the check), ICD-10-CM codes such as M17.11, the order, the signed order as a PDF or a photo, and urgency. The office gets a reference to quote.',
  keeps: {
    memory: 'Referrals sent here stay in this in-browser demo until you reload the page. With ?backend=rest they reach the reference server’s referral tables.',
    rest: 'Referrals sent here are stored in the reference server’s referral tables.',
  },
  markup: '<pxm-referral></pxm-referral>',
});
