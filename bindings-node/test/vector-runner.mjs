// The shared-vector runner (format: tests/vectors/README.md). Every operation the README
// defines has a branch here; results are compared exactly as the README says (codes,
// levels, fields, structure; never message text).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { rawAt } from './raw-json.mjs';
import lex from './lex.mjs';

export const DEFAULT_NOW = '2026-04-03T12:00:00Z';

/** Every `*.json` vector under `dir` (recursive, sorted), except README-like files. */
export function vectorFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.json')) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

function plusSeconds(now, n) {
  return new Date(Date.parse(now) + n * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function applyTemplates(text, now) {
  return text.replace(/\{\{NOW_PLUS_(-?\d+)S\}\}/g, (_, n) => plusSeconds(now, Number(n)));
}

/** A loaded vector: the parsed object plus raw access to its members. */
export function loadVector(file) {
  const text = fs.readFileSync(file, 'utf8');
  const v = JSON.parse(text);
  const now = v.now ?? DEFAULT_NOW;
  return {
    file,
    v,
    now,
    // The exact bytes of a JSON member (templates applied), or of inputText/inputFile.
    raw(pathInVector) {
      const r = rawAt(text, pathInVector);
      return r === undefined ? undefined : applyTemplates(r, now);
    },
  };
}

/** The input bytes of a vector (or of a step): `input`, `inputText` or `inputFile`. */
function inputOf(vec, base, holder) {
  if (holder.inputText !== undefined) return Buffer.from(applyTemplates(holder.inputText, vec.now), 'utf8');
  if (holder.inputFile !== undefined) return fs.readFileSync(path.resolve(path.dirname(vec.file), holder.inputFile));
  const raw = vec.raw([...base, 'input']);
  assert.notEqual(raw, undefined, `${vec.v.id}: no input`);
  return Buffer.from(raw, 'utf8');
}

function validateOptions(v, now) {
  const o = { now };
  const level = v.level ?? v.conformanceLevel;
  if (level !== undefined) o.level = level;
  if (v.mode) o.mode = v.mode;
  if (v.policy) o.policy = v.policy;
  if (v.previousState && v.previousState.status) o.previousStatus = v.previousState.status;
  if (v.format) o.format = v.format;
  return o;
}

const EXTRA_KEYS = ['rejectedValue', 'allowedValues', 'fromStatus', 'toStatus', 'threshold'];

function matches(actual, exp) {
  if (actual.code !== exp.code || actual.level !== exp.level) return false;
  if (exp.field !== undefined && actual.field !== exp.field) return false;
  if (exp.pointer !== undefined && actual.pointer !== exp.pointer) return false;
  for (const k of EXTRA_KEYS) {
    if (exp[k] !== undefined && !isDeepEqual(actual[k], exp[k])) return false;
  }
  return true;
}

function isDeepEqual(a, b) {
  try {
    assert.deepStrictEqual(a, b);
    return true;
  } catch {
    return false;
  }
}

const specificity = (e) => ['field', 'pointer', ...EXTRA_KEYS].filter((k) => e[k] !== undefined).length;

/** Asserts that `actual` issues equal the `expected` multiset (README comparison rules). */
export function assertIssues(actual, expected, what, id) {
  const summary = (l) => l.map((i) => `${i.level} ${i.code} ${i.field ?? ''}`).join('; ');
  const msg = `${id}: ${what} differ\n  actual:   ${summary(actual)}\n  expected: ${summary(expected)}`;
  assert.equal(actual.length, expected.length, msg);
  const unused = [...actual];
  for (const e of [...expected].sort((a, b) => specificity(b) - specificity(a))) {
    const i = unused.findIndex((a) => matches(a, e));
    assert.ok(i >= 0, `${msg}\n  unmatched: ${JSON.stringify(e)}`);
    unused.splice(i, 1);
  }
}

function assertReport(report, expected, id) {
  assert.equal(report.valid, expected.valid, `${id}: valid is ${report.valid}, errors: ${JSON.stringify(report.errors.map((e) => e.code))}`);
  assertIssues(report.errors, expected.errors ?? [], 'errors', id);
  assertIssues(report.warnings, expected.warnings ?? [], 'warnings', id);
}

function assertError(f, expected, id) {
  let thrown;
  try {
    f();
  } catch (e) {
    thrown = e;
  }
  assert.ok(thrown instanceof lex.LexError, `${id}: expected a LexError ${expected.code}, got ${thrown}`);
  for (const [k, want] of Object.entries(expected)) {
    assert.deepEqual(thrown[k], want, `${id}: error.${k}`);
  }
}

function ackBody(ack) {
  return ack.toObject().lex.payload.acknowledgment;
}

const ops = {
  validate(vec) {
    const { v } = vec;
    if (v.duplicate !== undefined) return ops.duplicateSubmission(vec);
    const report = lex.validate(inputOf(vec, [], v), validateOptions(v, vec.now));
    assertReport(report, v.expected, v.id);
    // The same message handed over as a plain object must give the same report whenever
    // the object holds the identical tree (no number lexeme lost to JavaScript numbers).
    if (v.input !== undefined && v.format === undefined) {
      const fromText = lex.parse(inputOf(vec, [], v));
      const fromObject = lex.parse(JSON.parse(vec.raw(['input'])));
      if (fromText.equals(fromObject)) {
        assert.deepEqual(lex.validate(fromObject, validateOptions(v, vec.now)), report, `${v.id}: object input`);
      }
    }
  },

  // Public TC-004 shape: `input` then `duplicate` through one Receiver.
  duplicateSubmission(vec) {
    const { v } = vec;
    const receiver = new lex.Receiver(validateOptions(v, vec.now));
    const first = receiver.receive(inputOf(vec, [], v));
    const second = receiver.receive(Buffer.from(vec.raw(['duplicate']), 'utf8'));
    const steps = [
      [first, v.expected.firstSubmission, false],
      [second, v.expected.duplicateSubmission, true],
    ];
    for (const [r, exp, dup] of steps) {
      assert.equal(r.report.valid, exp.valid, `${v.id}: valid`);
      assert.equal(r.httpStatus, exp.httpStatus, `${v.id}: httpStatus`);
      if (exp.acknowledgmentStatus) assert.equal(ackBody(r.ack).status, exp.acknowledgmentStatus, `${v.id}: ack status`);
      assert.equal(r.duplicate, dup, `${v.id}: duplicate`);
    }
    assert.deepEqual(second.report, first.report, `${v.id}: the duplicate gets the original report`);
    assert.ok(second.ack.equals(first.ack), `${v.id}: the duplicate gets the original acknowledgment`);
  },

  parse(vec) {
    const { v } = vec;
    const opts = { format: v.format, mode: v.mode };
    const input = inputOf(vec, [], v);
    if (v.expected.error) return assertError(() => lex.parseAll(input, opts), v.expected.error, v.id);
    const all = lex.parseAll(input, opts);
    if (v.expected.messages !== undefined) assert.equal(all.length, v.expected.messages, `${v.id}: messages`);
    if (v.expected.tree !== undefined) {
      assert.equal(all.length, 1, `${v.id}: a tree needs exactly one message`);
      const want = lex.parse(vec.raw(['expected', 'tree']), 'json');
      assert.ok(all[0].equals(want), `${v.id}: tree\n  actual:   ${all[0].toJson()}\n  expected: ${want.toJson()}`);
    }
    if (v.expected.warnings !== undefined) {
      const codes = all.flatMap((m) => m.readIssues.map((i) => i.code));
      assert.deepEqual(codes, v.expected.warnings, `${v.id}: read warnings`);
    }
  },

  convert(vec) {
    const { v } = vec;
    const input = inputOf(vec, [], v);
    const from = v.from ?? v.format;
    const opts = { from, pretty: v.pretty ?? false, mode: v.mode };
    if (v.expected.error) return assertError(() => lex.convert(input, v.to, opts), v.expected.error, v.id);
    const output = lex.convert(input, v.to, opts);
    if (v.expected.output !== undefined) assert.equal(output, v.expected.output, `${v.id}: output`);
    if (v.expected.roundTrip) {
      const before = lex.parseAll(input, { format: from });
      const after = lex.parseAll(output, { format: v.to });
      assert.equal(after.length, before.length, `${v.id}: message count after the round trip`);
      before.forEach((m, i) => assert.ok(after[i].equals(m), `${v.id}: message ${i} changed\n  before: ${m.toJson()}\n  after:  ${after[i].toJson()}`));
    }
  },

  fingerprint(vec) {
    const { v } = vec;
    const { email, phone, lastName } = v.input;
    assert.equal(lex.fingerprint(email, phone, lastName), v.expected.fingerprint, `${v.id}: fingerprint`);
  },

  transition(vec) {
    const { v } = vec;
    const { from, to, policy } = v.input;
    if (v.expected.error) return assertError(() => lex.checkTransition(from, to, policy), v.expected.error, v.id);
    assert.equal(lex.checkTransition(from, to, policy), v.expected.verdict, `${v.id}: verdict`);
    if (!policy || policy === 'default') {
      assert.equal(lex.transitionAllowed(from, to), v.expected.verdict !== 'forbidden', `${v.id}: transitionAllowed`);
    }
  },

  acknowledge(vec) {
    const { v } = vec;
    const run = () => {
      const message = lex.parse(inputOf(vec, [], v), v.format);
      const report = v.validate === false ? undefined : lex.validate(message, validateOptions(v, vec.now));
      return lex.acknowledge(message, { status: v.status, report, now: vec.now, messageId: v.messageId });
    };
    if (v.expected.error) return assertError(run, v.expected.error, v.id);
    const ack = run();
    if (v.expected.tree !== undefined) {
      const want = lex.parse(vec.raw(['expected', 'tree']), 'json');
      assert.ok(ack.equals(want), `${v.id}: ack tree\n  actual:   ${ack.toJson()}\n  expected: ${want.toJson()}`);
    }
    const body = ackBody(ack);
    if (v.expected.status !== undefined) assert.equal(body.status, v.expected.status, `${v.id}: status`);
    if (v.expected.correlationId !== undefined) assert.equal(body.correlationId, v.expected.correlationId, `${v.id}: correlationId`);
  },

  receive(vec) {
    const { v } = vec;
    const receiver = new lex.Receiver(validateOptions(v, vec.now));
    v.steps.forEach((step, i) => {
      const id = `${v.id} step ${i + 1}`;
      const r = receiver.receive(inputOf(vec, ['steps', i], step));
      const e = step.expected;
      if (e.outcome !== undefined) assert.equal(r.outcome, e.outcome, `${id}: outcome`);
      if (e.duplicate !== undefined) assert.equal(r.duplicate, e.duplicate, `${id}: duplicate`);
      if (e.httpStatus !== undefined) assert.equal(r.httpStatus, e.httpStatus, `${id}: httpStatus`);
      if (e.valid !== undefined) assert.equal(r.report.valid, e.valid, `${id}: valid`);
      if (e.codes !== undefined) {
        const codes = [...r.report.errors, ...r.report.warnings].map((x) => x.code).sort();
        assert.deepEqual(codes, [...e.codes].sort(), `${id}: codes`);
      }
      if (e.ackStatus !== undefined) assert.equal(r.ack ? ackBody(r.ack).status : null, e.ackStatus, `${id}: ackStatus`);
      if (e.duplicateOfLead !== undefined) assert.equal(r.duplicateOfLead, e.duplicateOfLead, `${id}: duplicateOfLead`);
    });
  },
};

/** Runs one vector file; throws an AssertionError on any difference. */
export function runVector(file) {
  const vec = loadVector(file);
  const op = vec.v.operation ?? 'validate';
  assert.ok(Object.hasOwn(ops, op) && op !== 'duplicateSubmission', `${vec.v.id}: unknown operation "${op}"`);
  ops[op](vec);
}
