// Every shared vector (tests/vectors/) and, when present, the public LEX conformance vectors
// ($LEX_SPEC_DIR/tests/conformance, read at run time) through the Node binding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { vectorFiles, runVector, root, specDir, skipReason } from './vector-runner.mjs';

const own = path.join(root, 'tests', 'vectors');
const spec = path.join(specDir, 'tests', 'conformance');

for (const file of vectorFiles(own)) {
  test(`vector ${path.relative(own, file)}`, { skip: skipReason(file) }, () => runVector(file));
}

const publicVectors = vectorFiles(spec);
for (const file of publicVectors) {
  test(`conformance ${path.basename(file)}`, () => runVector(file));
}

test('the vector folders are found', () => {
  assert.ok(own.endsWith(path.join('tests', 'vectors')));
});

test(
  'the public conformance vectors are found',
  { skip: fs.existsSync(spec) ? false : `LEX_SPEC_DIR ${specDir} not found: public vectors skipped` },
  () => {
    assert.equal(publicVectors.length, 20, `found ${publicVectors.length} public vectors`);
  },
);
