import type { Translation } from '../l10n/translation-registry.js';
import type { DefinitionProblemsMessages } from './definition-problems.messages.en.js';

export const definitionProblemsEs: Translation<DefinitionProblemsMessages> = {
  title: 'Este formulario no se puede mostrar',
  body: 'Hay un error en la configuración de este formulario. Comuníquese con la clínica.',
  details: (count: number) => (count === 1 ? '1 problema en la definición del formulario' : `${count} problemas en la definición del formulario`),
};
