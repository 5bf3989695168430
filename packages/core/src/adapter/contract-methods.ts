/**
 * Every method of the adapter contract, by capability: the list an adapter starts from when it
 * hands out an API whose code loads later (`lazyCapability`), marking off the optional methods it
 * does not offer. The types make a method added to the contract show up here.
 */
import type { Capability, CapabilityApi } from './adapter.js';
import type { CapabilityMethods } from './lazy-capability.js';

export const CONTRACT_METHODS: { readonly [C in Capability]: CapabilityMethods<CapabilityApi[C]> } = {
  booking: {
    getPractice: true,
    listLocations: true,
    listAppointmentTypes: true,
    listProviders: true,
    findSlots: true,
    holdSlot: true,
    renewHold: true,
    releaseHold: true,
    book: true,
    getAppointment: true,
    cancelAppointment: true,
    rescheduleAppointment: true,
    joinWaitlist: true,
    confirmAppointment: true,
    verifyEligibility: true,
    getReferralContext: true,
  },
  intake: { loadForm: true, saveDraft: true, uploadAttachment: true, submit: true },
  hep: { loadProgram: true, logActivity: true, listActivity: true },
  survey: { loadInvitation: true, savePartial: true, submit: true, sendFeedback: true },
  progress: { loadProgress: true, rateGoal: true },
  referral: { submitReferral: true, uploadReferralAttachment: true },
};
