/** A glob as a RegExp over `/`-separated paths: `**` spans folders, `*` stays inside one. */
export function globToRegExp(glob) {
  let source = '';
  const text = glob.replace(/^\.\//, '');
  for (let i = 0; i < text.length; i++) {
    if (text.startsWith('**/', i)) {
      source += '(?:.*/)?';
      i += 2;
    } else if (text.startsWith('**', i)) {
      source += '.*';
      i += 1;
    } else if (text[i] === '*') source += '[^/]*';
    else source += text[i].replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
