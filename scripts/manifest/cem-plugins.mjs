/**
 * Analyzer plugins that make `custom-elements.json` the public contract and nothing else:
 * internal reactive state and private members are dropped, events get their class and detail
 * type, the global `--pxm-*` tokens are listed on every element, and `defineElement()` calls
 * become custom-element definitions.
 */
import { readFileSync } from 'node:fs';
import { GLOBAL_TOKENS } from './global-tokens.mjs';

/** Reads `static properties = {...}` and remembers the `state: true` entries per class. */
export function internalStatePlugin() {
  const stateByClass = new Map();
  return {
    name: 'pxm-internal-state',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      for (const member of node.members) {
        const isStatic = member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
        if (!isStatic || !ts.isPropertyDeclaration(member) || member.name.getText() !== 'properties') continue;
        const object = member.initializer;
        if (!object || !ts.isObjectLiteralExpression(object)) continue;
        const internal = new Set();
        for (const entry of object.properties) {
          if (!ts.isPropertyAssignment(entry) || !ts.isObjectLiteralExpression(entry.initializer)) continue;
          const isState = entry.initializer.properties.some(
            (option) => ts.isPropertyAssignment(option) && option.name.getText() === 'state' && option.initializer.kind === ts.SyntaxKind.TrueKeyword,
          );
          if (isState) internal.add(entry.name.getText().replace(/^['"]|['"]$/g, ''));
        }
        stateByClass.set(node.name.text, internal);
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const declaration of classes(customElementsManifest)) {
        const internal = new Set(stateByClass.get(declaration.name) ?? []);
        // Inherited state stays internal too.
        for (const member of declaration.members ?? []) {
          if (member.inheritedFrom && stateByClass.get(member.inheritedFrom.name)?.has(member.name)) internal.add(member.name);
        }
        const isPublic = (member) => !internal.has(member.name) && (member.privacy ?? 'public') === 'public' && !member.name.startsWith('#') && !member.name.startsWith('_');
        if (declaration.members) declaration.members = declaration.members.filter(isPublic);
        if (declaration.attributes) declaration.attributes = declaration.attributes.filter((a) => !a.fieldName || !internal.has(a.fieldName));
        // Members a subclass overrides without documenting keep the base class's words.
        for (const member of declaration.members ?? []) if (member.description === '') delete member.description;
      }
    },
  };
}

/**
 * Events: keep the ones the class documents with `@event` (plus `pxm-error`, which every element
 * inherits), and give each its event class (from the `GlobalEventHandlersEventMap` augmentations)
 * and its detail type, spelled out field by field.
 */
export function eventTypesPlugin({ baseClass = 'PxmElement', errorEvent = 'pxm-error' } = {}) {
  const eventClassByName = new Map(); // 'pxm-survey-submitted' -> 'PxmSurveySubmittedEvent'
  const eventClasses = new Map(); // 'PxmSurveySubmittedEvent' -> { module, detail: 'SurveySubmittedDetail' }
  const shapes = new Map(); // 'SurveySubmittedDetail' -> { fields: [...], bases: [...] } | { text }
  return {
    name: 'pxm-event-types',
    analyzePhase({ ts, node, moduleDoc }) {
      if (ts.isInterfaceDeclaration(node)) {
        if (node.name.text === 'GlobalEventHandlersEventMap') {
          for (const member of node.members) {
            if (!ts.isPropertySignature(member) || !member.type) continue;
            eventClassByName.set(member.name.getText().replace(/^['"]|['"]$/g, ''), member.type.getText());
          }
          return;
        }
        shapes.set(node.name.text, {
          fields: node.members.filter(ts.isPropertySignature).map((m) => ({
            name: m.name.getText(),
            optional: Boolean(m.questionToken),
            type: m.type ? m.type.getText().replace(/\s+/g, ' ') : 'unknown',
          })),
          bases: (node.heritageClauses ?? []).flatMap((clause) => clause.types.map((t) => t.expression.getText())),
        });
        return;
      }
      if (ts.isTypeAliasDeclaration(node)) {
        shapes.set(node.name.text, { text: node.type.getText().replace(/\s+/g, ' ') });
        return;
      }
      if (ts.isClassDeclaration(node) && node.name) {
        const heritage = node.heritageClauses?.flatMap((clause) => clause.types) ?? [];
        const custom = heritage.find((t) => t.expression.getText() === 'CustomEvent');
        if (custom) eventClasses.set(node.name.text, { module: moduleDoc.path, detail: custom.typeArguments?.[0]?.getText() ?? 'unknown' });
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const expand = (name, seen = new Set()) => {
        const shape = shapes.get(name);
        if (!shape || seen.has(name)) return undefined;
        seen.add(name);
        if (shape.text) return shape.text;
        const fields = [];
        for (const base of shape.bases) {
          const inner = expand(base, seen);
          if (inner?.startsWith('{')) fields.push(...inner.slice(2, -2).split('; ').filter(Boolean));
        }
        for (const field of shape.fields) fields.push(`${field.name}${field.optional ? '?' : ''}: ${field.type}`);
        return `{ ${fields.join('; ')} }`;
      };
      const problems = [];
      const all = classes(customElementsManifest);
      for (const declaration of all) {
        if (!declaration.tagName) continue;
        const inheritsBase = inheritsFrom(declaration, baseClass, all);
        const documented = (declaration.events ?? []).filter((event) => event.name && event.name.startsWith('pxm-') && event.description !== undefined);
        const byName = new Map();
        for (const event of documented) if (!byName.has(event.name)) byName.set(event.name, { name: event.name, description: event.description });
        if (inheritsBase && !byName.has(errorEvent)) {
          byName.set(errorEvent, { name: errorEvent, description: 'An adapter call failed. Detail: `code` (a stable error code) and `operation`; never patient data.' });
        }
        declaration.events = [...byName.values()].map((event) => {
          const className = eventClassByName.get(event.name);
          const info = className && eventClasses.get(className);
          if (!info) {
            problems.push(`${declaration.tagName}: @event ${event.name} has no event class in a GlobalEventHandlersEventMap augmentation`);
            return event;
          }
          return {
            ...event,
            type: { text: className, references: [{ name: className, module: info.module, start: 0, end: className.length }] },
            detail: { name: info.detail, text: expand(info.detail) ?? info.detail },
          };
        });
      }
      if (problems.length) throw new Error(`custom-elements.json would be incomplete:\n  ${problems.join('\n  ')}`);
    },
  };
}

/**
 * The global theme tokens (read from the shared host styles, described in global-tokens.mjs)
 * belong to every element that uses those styles.
 */
export function globalTokensPlugin({ hostStylesPath, baseClass = 'PxmElement' }) {
  return {
    name: 'pxm-global-tokens',
    packageLinkPhase({ customElementsManifest }) {
      const css = readFileSync(hostStylesPath, 'utf8');
      const found = new Map();
      // Defaults may nest parentheses two deep: clamp(0rem, calc(...), 1.25rem).
      const defaultValue = /(?:[^()]|\((?:[^()]|\([^()]*\))*\))+/.source;
      for (const match of css.matchAll(new RegExp(`--_[\\w-]+:\\s*var\\((--pxm-[\\w-]+),\\s*(${defaultValue})\\);`, 'g'))) found.set(match[1], match[2].trim());
      const documented = new Set(GLOBAL_TOKENS.map((t) => t.name));
      const undocumented = [...found.keys()].filter((name) => !documented.has(name));
      const gone = [...documented].filter((name) => !found.has(name));
      if (undocumented.length || gone.length) {
        throw new Error(`Global tokens and their descriptions (scripts/manifest/global-tokens.mjs) disagree: undocumented ${undocumented.join(', ') || 'none'}; no longer in the styles ${gone.join(', ') || 'none'}.`);
      }
      // A token may describe its default in words where the CSS is not meant for reading.
      const tokens = GLOBAL_TOKENS.map(({ name, description, syntax, defaultText }) => ({ name, description, syntax, default: defaultText ?? found.get(name) }));
      const all = classes(customElementsManifest);
      for (const declaration of all) {
        if (!declaration.tagName || !inheritsFrom(declaration, baseClass, all)) continue;
        const own = declaration.cssProperties ?? [];
        const names = new Set(own.map((p) => p.name));
        declaration.cssProperties = [...own, ...tokens.filter((t) => !names.has(t.name))];
      }
    },
  };
}

/** `defineElement('pxm-x', PxmX)` registers an element: record it as a custom-element definition. */
export function defineElementPlugin({ helper = 'defineElement' } = {}) {
  return {
    name: 'pxm-define-element',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || node.expression.getText() !== helper) return;
      const [tag, klass] = node.arguments;
      if (!tag || !klass || !ts.isStringLiteral(tag) || !ts.isIdentifier(klass)) return;
      const source = node.getSourceFile();
      let module = moduleDoc.path;
      for (const statement of source.statements) {
        if (!ts.isImportDeclaration(statement) || !statement.importClause?.namedBindings) continue;
        const bindings = statement.importClause.namedBindings;
        if (!ts.isNamedImports(bindings) || !bindings.elements.some((e) => e.name.text === klass.text)) continue;
        const specifier = statement.moduleSpecifier.text.replace(/\.js$/, '.ts');
        module = new URL(specifier, `file:///${moduleDoc.path}`).pathname.slice(1);
      }
      moduleDoc.exports ??= [];
      moduleDoc.exports.push({ kind: 'custom-element-definition', name: tag.text, declaration: { name: klass.text, module } });
    },
    packageLinkPhase({ customElementsManifest }) {
      // The helper's own generic `customElements.define(tag, constructor)` is no definition.
      const names = new Set(classes(customElementsManifest).map((d) => d.name));
      for (const module of customElementsManifest.modules) {
        if (!module.exports) continue;
        module.exports = module.exports.filter((e) => e.kind !== 'custom-element-definition' || (e.name.includes('-') && names.has(e.declaration.name)));
      }
    },
  };
}

function classes(manifest) {
  return manifest.modules.flatMap((module) => module.declarations ?? []).filter((d) => d.kind === 'class');
}

function inheritsFrom(declaration, baseName, all) {
  let current = declaration;
  for (let depth = 0; current && depth < 10; depth++) {
    if (current.name === baseName) return true;
    const superName = current.superclass?.name;
    current = superName ? all.find((d) => d.name === superName) : undefined;
  }
  return false;
}
