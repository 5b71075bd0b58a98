// Runs the README's JavaScript example and checks every `// →` comment against the output of
// the console.log call on that line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = path.dirname(fileURLToPath(import.meta.url));
const readme = fs.readFileSync(path.join(here, '..', 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);

test('the README has a JavaScript example', () => {
  assert.equal(blocks.length, 1);
  assert.ok(blocks[0].includes("require('lexedi')"));
});

test('the README example runs and prints what its comments say', () => {
  const code = blocks[0];
  const expected = [...code.matchAll(/\/\/ → (.*)$/gm)].map((m) => m[1].trim());
  assert.ok(expected.length >= 8, `${expected.length} checked lines`);
  const printed = [];
  const fakeConsole = { log: (...args) => printed.push(args.map(String).join(' ')) };
  const requireFromHere = createRequire(import.meta.url);
  const req = (name) => (name === 'lexedi' ? requireFromHere('../index.js') : requireFromHere(name));
  new Function('require', 'console', code)(req, fakeConsole);
  assert.deepEqual(printed, expected);
});
