// index.d.ts declares exactly what the package exports at run time, and the native layer
// exports what the JavaScript layer uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import lex from './lex.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dts = fs.readFileSync(path.join(here, '..', 'index.d.ts'), 'utf8');

test('index.d.ts declares every runtime export and nothing else', () => {
  const declared = new Set([...dts.matchAll(/^export (?:declare )?(?:function|class|const) (\w+)/gm)].map((m) => m[1]));
  const runtime = new Set(Object.keys(lex));
  assert.deepEqual([...runtime].filter((k) => !declared.has(k)).sort(), [], 'exported but not declared');
  assert.deepEqual([...declared].filter((k) => !runtime.has(k)).sort(), [], 'declared but not exported');
  for (const k of runtime) {
    const kind = typeof lex[k] === 'function' ? (/^[A-Z][a-z]/.test(k) ? 'class' : 'function') : 'const';
    assert.match(dts, new RegExp(`^export ${kind} ${k}\\b`, 'm'), `${k} is declared as a ${kind}`);
  }
});

test('Message methods declared in index.d.ts exist', () => {
  const body = dts.slice(dts.indexOf('export class Message'), dts.indexOf('export interface Receipt'));
  const members = [...body.matchAll(/^ {2}(?:readonly )?(\w+)[(:]/gm)]
    .map((m) => m[1])
    .filter((n) => n !== 'constructor');
  assert.ok(members.length >= 15, members.join());
  const m = lex.parse('{"lex":{"header":{},"payload":{}}}');
  for (const name of members) assert.notEqual(m[name], undefined, name);
});

test('the native exports the JavaScript layer relies on exist', () => {
  const native = createRequire(import.meta.url)('../lib/native.js');
  const used = new Set();
  for (const f of ['index.js', 'lib/message.js']) {
    const src = fs.readFileSync(path.join(here, '..', f), 'utf8');
    for (const m of src.matchAll(/(?<![#.\w])native\.(\w+)\(/g)) used.add(m[1]);
  }
  for (const name of used) assert.equal(typeof native[name], 'function', name);
  assert.ok(used.size >= 15, [...used].join());
});
