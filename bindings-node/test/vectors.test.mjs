// Every shared vector (tests/vectors/) and, when present, the public LEX conformance vectors
// (../shared/spec/lex-1.0/tests/conformance, read at run time) through the Node binding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { vectorFiles, runVector } from './vector-runner.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const own = path.join(root, 'tests', 'vectors');
const spec = path.join(path.resolve(root, process.env.SPEC_DIR ?? '../shared/spec/lex-1.0'), 'tests', 'conformance');

for (const file of vectorFiles(own)) {
  test(`vector ${path.relative(own, file)}`, () => runVector(file));
}

const publicVectors = vectorFiles(spec);
for (const file of publicVectors) {
  test(`conformance ${path.basename(file)}`, () => runVector(file));
}

test('the vector folders are found', () => {
  assert.ok(own.endsWith(path.join('tests', 'vectors')));
  // The public suite has 20 vectors when the upstream folder is present.
  assert.ok(publicVectors.length === 0 || publicVectors.length === 20, `found ${publicVectors.length} public vectors`);
});
