/** Strings every element shares: states, errors by adapter code, generic actions. */
export const commonEn = {
  loading: 'Loading…',
  retry: 'Try again',
  close: 'Close',
  back: 'Back',
  next: 'Next',
  cancel: 'Cancel',
  saving: 'Saving…',
  saved: 'Saved',
  required: 'Required',
  optional: 'optional',
  noAdapter: 'This page is not connected to a scheduling or patient system yet.',
  // One message per AdapterError code: what happened and what to do.
  error_slot_unavailable: 'That time was just taken. Please choose another.',
  error_hold_expired: 'We could only hold that time for a few minutes. Please choose a time again.',
  error_not_found: 'We could not find what you were looking for.',
  error_conflict: 'This was changed somewhere else in the meantime.',
  error_already_submitted: 'This was already sent. Thank you!',
  error_token_invalid: 'This link is not valid. Please check the link you received, or contact the practice.',
  error_token_expired: 'This link has expired. Please contact the practice for a new one.',
  error_unauthorized: 'You are not signed in, or your session ended.',
  error_validation: 'Some details need your attention.',
  error_network: 'You seem to be offline. Check your connection and try again.',
  error_unreachable: 'We could not reach the practice’s online service. Please try again in a moment; if it keeps happening, contact the practice.',
  error_timeout: 'This is taking too long. Please try again.',
  error_server: 'Something went wrong on our side. Please try again.',
  error_unsupported: 'This feature is not available here.',
};

export type CommonMessages = typeof commonEn;
