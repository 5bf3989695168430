/** Spanish wording of the coverage check's findings and a series beyond what a plan covers. */
import type { Translation } from '../l10n/translation-registry.js';
import type { BookingBenefitsMessages } from './booking-benefits.messages.en.js';
import { plural } from './booking-plural.js';

export const bookingBenefitsEs: Translation<BookingBenefitsMessages> = {
  benefitStatus: 'Cobertura',
  benefitActive: 'Activa',
  benefitInactive: 'No activa',
  benefitUnknown: 'Desconocido: su aseguradora no lo indicó',
  benefitAsOf: (when: string) => `Al ${when}`,
  benefitCost: 'Costo estimado de esta cita',
  costCopay: (amount: string) => `Copago de ${amount}`,
  costCoinsurance: (percent: string) => `coseguro del ${percent} %`,
  costCoinsuranceShare: 'Su parte de coseguro de la cita',
  costAbout: (amount: string, basis: string) => `Unos ${amount} (${basis})`,
  costDeductible: (amount: string) => `Unos ${amount}, hasta cubrir su deducible`,
  costDeductibleUnknown: 'El precio de la cita, hasta cubrir su deducible',
  costSelfPay: (amount: string) => `${amount} (precio de pago particular)`,
  deductibleLeft: (amount: string) => `Deducible pendiente: ${amount}`,
  deductibleMet: 'Ya cubrió su deducible',
  benefitVisits: 'Citas restantes este año',
  benefitVisitsPlanYear: 'Citas restantes este año del plan',
  visitsShared: (disciplines: string) => `Compartidas con ${disciplines}`,
  'discipline_physical-therapy': 'fisioterapia',
  'discipline_occupational-therapy': 'terapia ocupacional',
  'discipline_speech-therapy': 'terapia del habla',
  benefitPriorAuth: 'Autorización previa',
  priorAuthNeeded: 'Se necesita autorización previa: la clínica la solicitará.',
  priorAuthNotNeeded: 'No se necesita',
  estimateNote: 'Esto es un estimado, no una garantía. Su aseguradora decide lo que paga después de la cita.',
  coverageChecked: 'Verificamos su cobertura.',
  confirmLater: 'Confirmaremos su cobertura antes de su cita. Puede reservar ahora.',
  confirmLaterBooked: 'Confirmaremos su cobertura antes de su cita.',
  selfPayPrice: (amount: string) => `Precio de pago particular: ${amount} por cita.`,
  seriesCovered: (covered: number, total: number) => (covered ? `Su plan cubre ${covered} de estas ${total} citas` : `Su plan no cubre ninguna de estas ${total} citas`),
  seriesCoveredText: (covered: number, rest: number) =>
    covered
      ? `Reservaremos ${plural(covered, 'la primera', `las primeras ${covered}`)} y dejaremos fuera ${plural(rest, 'la otra', `las otras ${rest}`)}, salvo que acepte pagar${plural(rest, 'la', 'las')} usted.`
      : `Solo podemos reservar${plural(rest, 'la', 'las')} si acepta pagar${plural(rest, 'la', 'las')} usted.`,
  seriesSelfPayAgree: (rest: number, price: string) => `Acepto pagar yo mismo ${plural(rest, 'la cita', `las ${rest} citas`)} que mi plan no cubre, al precio de pago particular de ${price} por cita.`,
  seriesSelfPayAgreeUnpriced: (rest: number) => `Acepto pagar yo mismo ${plural(rest, 'la cita', `las ${rest} citas`)} que mi plan no cubre, al precio de pago particular de la clínica (recepción le dirá el precio).`,
  errSelfPayAgree: 'Acepte pagar las citas que su plan no cubre, o elija menos citas.',
  confirmCovered: (count: number) => `Confirmar ${count} ${plural(count, 'cita cubierta', 'citas cubiertas')}`,
  seriesLeftOut: (count: number) => `${count} ${plural(count, 'cita que su plan no cubre no se reservó', 'citas que su plan no cubre no se reservaron')}.`,
};
