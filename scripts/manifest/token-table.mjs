/** The theming guide's token table: every global token with its light and dark defaults. */
import { GLOBAL_TOKENS } from './global-tokens.mjs';

export function tokenTable(manifest) {
  // The defaults as the manifest recorded them (read from the host styles).
  const defaults = new Map();
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      for (const property of declaration.cssProperties ?? []) if (property.default && !defaults.has(property.name)) defaults.set(property.name, property.default);
    }
  }
  const split = (value = '') => {
    const pair = /^light-dark\((.+),\s*(.+)\)$/.exec(value);
    return pair ? [pair[1], pair[2]] : [value, value];
  };
  const rows = GLOBAL_TOKENS.map(({ name, description }) => {
    const [light, dark] = split(defaults.get(name));
    const cell = (v) => `\`${v.replace(/\|/g, '\\|')}\``;
    return `| \`${name}\` | ${cell(light)} | ${light === dark ? 'same' : cell(dark)} | ${description} |`;
  });
  return ['| Token | Light default | Dark default | What it styles |', '|---|---|---|---|', ...rows, ''].join('\n');
}
