// Reports with issues read their `errors`/`warnings` lazily: nothing of that may show to users.
// Each check takes a fresh report (lists not read yet) and compares it with the eager reading
// of the same report text: JSON.parse of what the addon returns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { inspect } from 'node:util';
import lex from './lex.mjs';
import { NOW, lead } from './fixtures.mjs';

const require = createRequire(import.meta.url);
const native = require('../lib/native.js');
const { validateArgs } = require('../lib/args.js');

// An invalid lead (year out of range, bad email) and the same report read eagerly.
const m = lead();
m.lex.payload.lead.desiredProduct.year = 1500;
m.lex.payload.lead.customer.emailAddress = 'not an email';
const INVALID = JSON.stringify(m);
const fresh = () => lex.validate(INVALID, { now: NOW });
const eager = () => JSON.parse(native.validateText(INVALID, validateArgs({ now: NOW })));

test('the fixture gives a report with issues, which the addon returns as text', () => {
  assert.equal(typeof native.validateText(INVALID, validateArgs({ now: NOW })), 'string');
  const e = eager();
  assert.equal(e.valid, false);
  assert.ok(e.errors.length >= 2, JSON.stringify(e));
  assert.deepEqual(e.errors.map((i) => i.code).includes('VALUE_OUT_OF_RANGE'), true);
});

test('a fresh report is a plain object with the keys, values and prototype of the eager one', () => {
  const r = fresh();
  assert.equal(Object.getPrototypeOf(r), Object.prototype);
  assert.deepEqual(Object.keys(r), ['valid', 'errors', 'warnings']);
  assert.equal(r.valid, false);
  assert.deepStrictEqual(fresh(), eager());
  assert.deepStrictEqual(eager(), fresh());
  assert.ok(Array.isArray(fresh().errors));
  assert.ok(Array.isArray(fresh().warnings));
  assert.equal(JSON.stringify(fresh()), JSON.stringify(eager()));
  assert.deepStrictEqual({ ...fresh() }, eager());
  assert.deepStrictEqual(Object.assign({}, fresh()), eager());
  assert.deepStrictEqual(Object.entries(fresh()), Object.entries(eager()));
  assert.deepStrictEqual(structuredClone(fresh()), eager());
  assert.deepEqual(Object.keys(fresh()), Object.keys(eager()));
  for (const key of ['valid', 'errors', 'warnings']) {
    assert.ok(key in fresh() && Object.hasOwn(fresh(), key), key);
    assert.equal(Object.getOwnPropertyDescriptor(fresh(), key).enumerable, true, key);
  }
});

test('util.inspect and console.log formatting show the plain report, even with showHidden', () => {
  for (const opts of [{}, { depth: Infinity }, { showHidden: true }, { compact: false, depth: 0 }]) {
    assert.equal(inspect(fresh(), opts), inspect(eager(), opts), JSON.stringify(opts));
  }
  assert.doesNotMatch(inspect(fresh()), /Getter|Setter|Symbol/);
  // Nested in another object, the report prints as a plain one too.
  assert.equal(inspect({ report: fresh() }, { depth: 5 }), inspect({ report: eager() }, { depth: 5 }));
});

test('after the first read the lists are ordinary data properties, read once', () => {
  for (const first of ['errors', 'warnings']) {
    const r = fresh();
    void r[first];
    assert.deepEqual(Reflect.ownKeys(r), ['valid', 'errors', 'warnings'], first);
    for (const key of ['errors', 'warnings']) {
      const d = Object.getOwnPropertyDescriptor(r, key);
      assert.deepEqual(Object.keys(d), ['value', 'writable', 'enumerable', 'configurable'], key);
      assert.equal(d.writable && d.enumerable && d.configurable, true, key);
    }
    assert.equal(r.errors, r.errors, 'the same array every time');
    assert.deepStrictEqual(r, eager());
  }
});

test('a fresh report can be written, deleted and frozen like a plain object', () => {
  const a = fresh();
  a.errors = [];
  assert.deepEqual(a.errors, []);
  assert.deepStrictEqual(a.warnings, eager().warnings);
  assert.deepStrictEqual(a, { ...eager(), errors: [] });

  const b = fresh();
  b.warnings = ['x'];
  assert.deepStrictEqual(b, { ...eager(), warnings: ['x'] });

  const c = fresh();
  assert.equal(delete c.warnings, true);
  assert.deepStrictEqual(c.errors, eager().errors);
  assert.deepEqual(Object.keys(c), ['valid', 'errors'], 'a deleted list stays deleted');
  assert.equal(c.warnings, undefined);

  const d = fresh();
  Object.freeze(d);
  assert.ok(Object.isFrozen(d));
  assert.deepStrictEqual(d.errors, eager().errors);
  assert.equal(d.errors, d.errors, 'the same array every time');
  assert.throws(() => {
    d.errors = [];
  }, TypeError);
  assert.deepStrictEqual(d.errors, eager().errors);
  assert.equal(inspect(d), inspect(eager()));
  assert.equal(JSON.stringify(d), JSON.stringify(eager()));
});

test('a fresh report feeds httpStatus and acknowledge like an eager one', () => {
  assert.equal(lex.httpStatus(fresh()), 422);
  assert.equal(lex.httpStatus(fresh()), lex.httpStatus(eager()));
  const ack = (report) =>
    lex.acknowledge(INVALID, { report, now: NOW, messageId: 'a1b2c3d4-e5f6-4a7b-8c9d-0000000a0009' });
  assert.deepStrictEqual(ack(fresh()).toJSON(), ack(eager()).toJSON());
});

test('validateAsync, Buffer and Message input, and Receiver receipts give the same lazy report', async () => {
  for (const r of [
    await lex.validateAsync(INVALID, { now: NOW }),
    await lex.validateAsync(m, { now: NOW }),
    lex.validate(Buffer.from(INVALID), { now: NOW }),
    lex.validate(lex.parse(INVALID), { now: NOW }),
    new lex.Receiver({ now: NOW }).receive(INVALID).report,
    new lex.Receiver({ now: NOW }).receiveAll(Buffer.from(INVALID))[0].report,
  ]) {
    assert.deepStrictEqual(r, eager());
  }
  const receipt = new lex.Receiver({ now: NOW }).receive(INVALID);
  assert.equal(inspect(receipt.report), inspect(eager()));
});

test('a valid report with warnings only is lazy and plain too', () => {
  const w = lead();
  delete w.lex.payload.lead.customer.emailAddress;
  const text = JSON.stringify(w);
  const r = lex.validate(text, { now: NOW });
  assert.equal(r.valid, true);
  const expected = JSON.parse(native.validateText(text, validateArgs({ now: NOW })));
  assert.deepStrictEqual(expected.errors, []);
  assert.deepEqual(
    expected.warnings.map((i) => [i.code, i.pointer]),
    [['REQUIRED_FIELD_MISSING', '/lex/payload/lead/customer/emailAddress']],
  );
  assert.equal(inspect(r), inspect(expected));
  assert.deepStrictEqual(lex.validate(text, { now: NOW }), expected);
  assert.equal(lex.httpStatus(lex.validate(text, { now: NOW })), 200);
});

test('reports without issues stay eager plain objects', () => {
  const r = lex.validate(JSON.stringify(lead()), { now: NOW });
  assert.deepStrictEqual(r, { valid: true, errors: [], warnings: [] });
  for (const key of ['errors', 'warnings']) assert.ok('value' in Object.getOwnPropertyDescriptor(r, key), key);
  assert.deepEqual(Reflect.ownKeys(r), ['valid', 'errors', 'warnings']);
});

test('lib/report.js takes `valid` from the first member of the canonical text, else parses at once', () => {
  const { report } = require('../lib/report.js');
  const issue = { level: 'WARNING', code: 'X', field: 'f', pointer: '/f', message: 'm' };
  for (const valid of [true, false]) {
    const plain = { valid, errors: valid ? [] : [issue], warnings: [issue] };
    const r = report(JSON.stringify(plain));
    assert.ok('get' in Object.getOwnPropertyDescriptor(r, 'errors'), 'lazy until read');
    assert.equal(r.valid, valid);
    assert.deepStrictEqual(r, plain);
  }
  // Any other layout (never written by the core) is parsed eagerly, never misread.
  const other = { errors: [issue], valid: false, warnings: [] };
  const r = report(JSON.stringify(other));
  assert.ok('value' in Object.getOwnPropertyDescriptor(r, 'errors'));
  assert.deepStrictEqual(r, other);
  assert.deepStrictEqual(report(' {"valid":true,"errors":[],"warnings":[]}'), {
    valid: true,
    errors: [],
    warnings: [],
  });
  const obj = { valid: true, errors: [], warnings: [] };
  assert.equal(report(obj), obj, 'objects from the addon pass through');
});
