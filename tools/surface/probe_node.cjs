// Prints the public surface of the Node package as JSON (for check.py): the runtime exports
// and what index.d.ts declares, which must agree.
'use strict';
const fs = require('fs');
const path = require('path');
const root = path.resolve(__dirname, '../../bindings-node');
const lex = require(root);
const functions = [];
const types = [];
const members = [];
for (const [name, value] of Object.entries(lex)) {
  if (typeof value !== 'function') continue;
  if (/^[A-Z]/.test(name)) {
    types.push(name);
    const proto = value.prototype || {};
    for (const m of Object.getOwnPropertyNames(proto)) {
      // Methods only: getters (messageId, location, ...) are properties, not operations.
      const d = Object.getOwnPropertyDescriptor(proto, m);
      if (m !== 'constructor' && !m.startsWith('_') && typeof d.value === 'function') members.push(`${name}.${m}`);
    }
  } else {
    functions.push(name);
  }
}
const dts = fs.readFileSync(path.join(root, 'index.d.ts'), 'utf8');
const declared = { functions: [], types: [], members: [] };
for (const m of dts.matchAll(/^export (?:declare )?function (\w+)/gm)) declared.functions.push(m[1]);
for (const m of dts.matchAll(/^export (?:declare )?class (\w+)[^{]*\{([\s\S]*?)^\}/gm)) {
  declared.types.push(m[1]);
  for (const b of m[2].matchAll(/^ {2}(?:static )?(\w+)\(/gm)) {
    if (b[1] !== 'constructor') declared.members.push(`${m[1]}.${b[1]}`);
  }
}
const uniq = (a) => [...new Set(a)];
console.log(
  JSON.stringify({
    functions: uniq(functions),
    types: uniq(types),
    members: uniq(members),
    declared: { functions: uniq(declared.functions), types: uniq(declared.types), members: uniq(declared.members) },
  }),
);
