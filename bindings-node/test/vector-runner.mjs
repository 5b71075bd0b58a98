// The shared-vector runner (format: tests/vectors/README.md). Every operation the README
// defines has a branch here; results are compared exactly as the README says (codes,
// levels, fields, structure; never message text).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rawAt } from './raw-json.mjs';
import lex from './lex.mjs';

export const DEFAULT_NOW = '2026-04-03T12:00:00Z';

/** The repository root. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The upstream standard: $LEX_SPEC_DIR (the Makefile exports it), else beside the repository. */
export const specDir = path.resolve(root, process.env.LEX_SPEC_DIR || '../shared/spec/lex-1.0');

/** Why the vector in `file` cannot run here (it names a `specFile` and the standard is absent), or false. */
export function skipReason(file) {
  const v = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (v.specFile === undefined || fs.existsSync(specDir)) return false;
  return `${v.id}: LEX_SPEC_DIR ${specDir} not found: skipped`;
}

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
    // The exact bytes of a JSON member (templates applied), or of inputText/inputFile/specFile.
    raw(pathInVector) {
      const r = rawAt(text, pathInVector);
      return r === undefined ? undefined : applyTemplates(r, now);
    },
  };
}

/** The input bytes of a vector (or of a step): `input`, `inputText`, `inputFile` or `specFile`. */
function inputOf(vec, base, holder) {
  if (holder.inputText !== undefined) return Buffer.from(applyTemplates(holder.inputText, vec.now), 'utf8');
  if (holder.inputFile !== undefined) return fs.readFileSync(path.resolve(path.dirname(vec.file), holder.inputFile));
  if (holder.specFile !== undefined) return fs.readFileSync(path.resolve(specDir, holder.specFile));
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

// Extra issues a fuller validator legitimately adds to some public conformance vectors
// (docs/decisions.md D20): an actual issue not listed in `expected` is accepted only when it
// is one of these. The same table as the Rust runner's (core `vectors::PUBLIC_EXTRAS`), so
// both runners judge every vector alike.
export const PUBLIC_EXTRAS = [
  ['TC-010', 'ALIAS_NORMALIZED', 'WARNING'],
  ['TC-012', 'CONSENT_RECORD_REQUIRED', 'ERROR'],
  ['TC-014', 'ALIAS_NORMALIZED', 'WARNING'],
  ['TC-014', 'LI-009', 'WARNING'],
  ['TC-014', 'REQUIRED_FIELD_MISSING', 'WARNING'],
  ['TC-015', 'ALIAS_NORMALIZED', 'WARNING'],
  ['TC-015', 'LI-009', 'WARNING'],
  ['TC-015', 'CONSENT_RECORD_REQUIRED', 'ERROR'],
];

const tolerated = (id, issue) => PUBLIC_EXTRAS.some(([i, c, l]) => i === id && c === issue.code && l === issue.level);

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

/**
 * Asserts that every expected issue matches a distinct actual issue and that every other
 * actual issue is tolerated (README comparison rules; PUBLIC_EXTRAS).
 */
export function assertIssues(actual, expected, what, id) {
  const summary = (l) => l.map((i) => `${i.level} ${i.code} ${i.field ?? ''}`).join('; ');
  const msg = `${id}: ${what} differ\n  actual:   ${summary(actual)}\n  expected: ${summary(expected)}`;
  const unused = [...actual];
  for (const e of [...expected].sort((a, b) => specificity(b) - specificity(a))) {
    const i = unused.findIndex((a) => matches(a, e));
    assert.ok(i >= 0, `${msg}\n  missing: ${JSON.stringify(e)}`);
    unused.splice(i, 1);
  }
  const unexpected = unused.filter((a) => !tolerated(id, a));
  assert.deepEqual(
    unexpected.map((a) => `${a.level} ${a.code} ${a.field}`),
    [],
    `${msg}\n  unexpected issues`,
  );
}

function assertReport(report, expected, id) {
  if (expected.valid !== undefined) {
    assert.equal(report.valid, expected.valid, `${id}: valid is ${report.valid}: ${summaryOf(report)}`);
  }
  if (expected.httpStatus !== undefined) assert.equal(lex.httpStatus(report), expected.httpStatus, `${id}: httpStatus`);
  if (expected.errors !== undefined) assertIssues(report.errors, expected.errors, 'errors', id);
  if (expected.warnings !== undefined) assertIssues(report.warnings, expected.warnings, 'warnings', id);
}

const summaryOf = (r) => [...r.errors, ...r.warnings].map((i) => `${i.level} ${i.code}`).join(', ');

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

/** The message's tree equals the raw JSON `tree`: key order, values and number lexemes. */
function assertTree(message, rawTree, id) {
  const actual = message.toJson();
  assert.equal(JSON.stringify(JSON.parse(actual)), JSON.stringify(JSON.parse(rawTree)), `${id}: tree`);
  const want = lex.parse(rawTree, 'json');
  if (want.readIssues.length === 0)
    assert.ok(message.equals(want), `${id}: number lexemes\n  actual:   ${actual}\n  expected: ${want.toJson()}`);
}

function ackBody(ack) {
  return ack.toObject().lex.payload.acknowledgment;
}

const ops = {
  validate(vec) {
    const { v } = vec;
    const idempotent =
      v.duplicate !== undefined || v.scenario === 'DUPLICATE_SUBMISSION' || v.expected.idempotent === true;
    if (idempotent) return ops.idempotency(vec);
    const options = validateOptions(v, vec.now);
    const message = lex.parse(inputOf(vec, [], v), { format: v.format, mode: v.mode });
    const report = lex.validate(message, options);
    assertReport(report, v.expected, v.id);
    if (v.expected.acknowledgmentStatus !== undefined) {
      const ack = lex.acknowledge(message, { report, now: vec.now });
      assert.equal(ackBody(ack).status, v.expected.acknowledgmentStatus, `${v.id}: acknowledgment status`);
    }
    // Text and bytes give the same report, and so does the message handed over as a plain
    // object whenever the object holds the identical tree (no number lexeme lost).
    assert.deepEqual(lex.validate(inputOf(vec, [], v), options), report, `${v.id}: byte input`);
    if (v.input !== undefined && v.format === undefined) {
      const fromObject = lex.parse(JSON.parse(vec.raw(['input'])));
      if (fromObject.equals(message)) {
        assert.deepEqual(lex.validate(fromObject, options), report, `${v.id}: object input`);
      }
    }
  },

  // The same message twice through one Receiver (public TC-004 shape: `input` then
  // `duplicate`; or `input` twice when the vector says it is idempotent).
  idempotency(vec) {
    const { v } = vec;
    const receiver = new lex.Receiver(validateOptions(v, vec.now));
    const first = receiver.receive(lex.parse(inputOf(vec, [], v), { format: v.format, mode: v.mode }));
    const againText = v.duplicate !== undefined ? Buffer.from(vec.raw(['duplicate']), 'utf8') : inputOf(vec, [], v);
    const second = receiver.receive(lex.parse(againText, { format: v.format, mode: v.mode }));
    assert.equal(first.duplicate, false, `${v.id}: first submission`);
    assert.equal(second.duplicate, true, `${v.id}: the second submission is recognised as a duplicate`);
    assert.deepEqual(second.report, first.report, `${v.id}: the duplicate gets the original report`);
    assert.equal(second.httpStatus, first.httpStatus, `${v.id}: the duplicate gets the original status`);
    assert.equal(second.outcome, first.outcome, `${v.id}: the duplicate gets the original outcome`);
    assert.ok(
      (second.ack === null && first.ack === null) || second.ack.equals(first.ack),
      `${v.id}: the duplicate gets the original acknowledgment`,
    );
    const e1 = v.expected.firstSubmission ?? v.expected;
    const e2 = v.expected.firstSubmission ? v.expected.duplicateSubmission : v.expected;
    for (const [r, e] of [
      [first, e1],
      [second, e2],
    ]) {
      if (!e) continue;
      assertReport(r.report, e, v.id);
      if (e.acknowledgmentStatus !== undefined) {
        assert.equal(
          r.ack ? ackBody(r.ack).status : '(no acknowledgment)',
          e.acknowledgmentStatus,
          `${v.id}: acknowledgment status`,
        );
      }
    }
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
      assertTree(all[0], vec.raw(['expected', 'tree']), v.id);
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
      before.forEach((m, i) =>
        assert.ok(
          after[i].equals(m),
          `${v.id}: message ${i} changed\n  before: ${m.toJson()}\n  after:  ${after[i].toJson()}`,
        ),
      );
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
      assertTree(ack, vec.raw(['expected', 'tree']), `${v.id} (acknowledgment)`);
    }
    const body = ackBody(ack);
    if (v.expected.status !== undefined) assert.equal(body.status, v.expected.status, `${v.id}: status`);
    if (v.expected.correlationId !== undefined)
      assert.equal(body.correlationId, v.expected.correlationId, `${v.id}: correlationId`);
  },

  receive(vec) {
    const { v } = vec;
    const receiver = new lex.Receiver(validateOptions(v, vec.now));
    v.steps.forEach((step, i) => {
      const id = `${v.id} step ${i + 1}`;
      const e = step.expected;
      if (e.error) return assertError(() => receiver.receive(inputOf(vec, ['steps', i], step)), e.error, id);
      const r = receiver.receive(inputOf(vec, ['steps', i], step));
      if (e.outcome !== undefined) assert.equal(r.outcome, e.outcome, `${id}: outcome`);
      if (e.duplicate !== undefined) assert.equal(r.duplicate, e.duplicate, `${id}: duplicate`);
      if (e.httpStatus !== undefined) assert.equal(r.httpStatus, e.httpStatus, `${id}: httpStatus`);
      if (e.valid !== undefined) assert.equal(r.report.valid, e.valid, `${id}: valid`);
      if (e.codes !== undefined) {
        // The codes of the report's errors (CRITICAL/ERROR), as a multiset.
        const codes = r.report.errors.map((x) => x.code).sort();
        assert.deepEqual(codes, [...e.codes].sort(), `${id}: codes`);
      }
      if (e.routing !== undefined) assert.equal(r.routing, e.routing, `${id}: routing`);
      if (e.ackStatus !== undefined)
        assert.equal(r.ack ? ackBody(r.ack).status : null, e.ackStatus, `${id}: ackStatus`);
      if (e.duplicateOfLead !== undefined) assert.equal(r.duplicateOfLead, e.duplicateOfLead, `${id}: duplicateOfLead`);
    });
  },

  'may-forward'(vec) {
    const { v } = vec;
    const message = lex.parse(Buffer.from(vec.raw(['input', 'message']), 'utf8'));
    const decision = lex.mayForward(message, v.input.recipient, { now: vec.now });
    for (const [k, want] of Object.entries(v.expected)) {
      assert.deepEqual(decision[k], want, `${v.id}: decision.${k}`);
    }
  },
};

/** Runs one vector file; throws an AssertionError on any difference. */
export function runVector(file) {
  const vec = loadVector(file);
  const op = vec.v.operation ?? 'validate';
  assert.ok(Object.hasOwn(ops, op) && op !== 'idempotency', `${vec.v.id}: unknown operation "${op}"`);
  ops[op](vec);
}
