// Finds the exact source text of a member of a JSON document (e.g. a vector's `input`), so
// that the runner can hand the core the same bytes Rust reads: number lexemes such as `15.0`
// survive, which a JSON.parse round trip would lose. Minimal scanner for well-formed JSON.

function skipWs(s, i) {
  while (i < s.length && ' \t\r\n'.includes(s[i])) i++;
  return i;
}

function skipString(s, i) {
  // s[i] === '"'
  i++;
  while (i < s.length && s[i] !== '"') i += s[i] === '\\' ? 2 : 1;
  return i + 1;
}

// Returns the end index of the value starting at i.
function skipValue(s, i) {
  i = skipWs(s, i);
  const c = s[i];
  if (c === '"') return skipString(s, i);
  if (c === '{' || c === '[') {
    let depth = 0;
    for (; i < s.length; i++) {
      const ch = s[i];
      if (ch === '"') {
        i = skipString(s, i) - 1;
      } else if (ch === '{' || ch === '[') {
        depth++;
      } else if (ch === '}' || ch === ']') {
        depth--;
        if (depth === 0) return i + 1;
      }
    }
    throw new Error('unterminated JSON value');
  }
  while (i < s.length && !',}] \t\r\n'.includes(s[i])) i++;
  return i;
}

// Start index of member `key` (string) or element `key` (number) of the container at i.
function child(s, i, key) {
  i = skipWs(s, i);
  const open = s[i];
  i++;
  let index = 0;
  for (;;) {
    i = skipWs(s, i);
    if (s[i] === '}' || s[i] === ']') return -1;
    if (open === '{') {
      const kEnd = skipString(s, i);
      const k = JSON.parse(s.slice(i, kEnd));
      i = skipWs(s, kEnd) + 1; // past ':'
      i = skipWs(s, i);
      if (k === key) return i;
    } else if (index === key) {
      return i;
    }
    i = skipWs(s, skipValue(s, i));
    index++;
    if (s[i] === ',') i++;
  }
}

/** The raw text of the value at `path` (keys and indexes), or undefined when absent. */
export function rawAt(text, path) {
  let i = 0;
  for (const key of path) {
    i = child(text, i, key);
    if (i < 0) return undefined;
  }
  i = skipWs(text, i);
  return text.slice(i, skipValue(text, i));
}
