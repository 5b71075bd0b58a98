// Error paths: the LexError family with stable codes and locations, and proof that a panic
// in the native code never aborts the Node process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import lex from './lex.mjs';
import { leadText } from './fixtures.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const native = createRequire(import.meta.url)('../lib/native.js');

function thrown(f) {
  try {
    f();
  } catch (e) {
    return e;
  }
  assert.fail('expected an error');
}

test('the class hierarchy', () => {
  const e = thrown(() => lex.parse('{"lex":'));
  assert.ok(e instanceof lex.ParseError && e instanceof lex.LexError && e instanceof Error);
  assert.equal(e.name, 'ParseError');
  assert.ok(new lex.LimitError('x') instanceof lex.LexError);
  assert.ok(new lex.ArgumentError('x') instanceof lex.LexError);
  assert.equal(new lex.ArgumentError('x').code, 'INVALID_ARGUMENT');
  assert.equal(new lex.LexError('x').code, 'INTERNAL_ERROR');
  assert.ok(e.stack.includes('ParseError'));
});

test('syntax errors carry line, column and byte offset', () => {
  const e = thrown(() => lex.parse('{\n  "lex": {\n    "header": [}\n}'));
  assert.equal(e.code, 'SYNTAX_ERROR');
  assert.equal(e.line, 3);
  assert.equal(e.column, 16);
  assert.equal(e.offset, 28);
  assert.equal(e.segment, null);
  assert.deepEqual(e.location, { line: 3, column: 16, offset: 28 });
  assert.match(e.message, /line 3, column 16/);
});

test('unreadable input gives stable codes', () => {
  const at = (offset, column = offset + 1) => ({ line: 1, column, offset });
  const cases = [
    ['', 'EMPTY_INPUT', lex.ParseError, at(0)],
    ['   \n', 'EMPTY_INPUT', lex.ParseError, at(0)],
    ['hello', 'UNKNOWN_FORMAT', lex.ParseError, at(0)],
    ['[1,2]', 'UNKNOWN_FORMAT', lex.ParseError, at(0)],
    ['{"a":1}', 'NOT_A_LEX_MESSAGE', lex.ParseError, { path: '' }],
    ['{"lex":1}', 'NOT_A_LEX_MESSAGE', lex.ParseError, { path: '/lex' }],
    ['{"lex":{},"lex":{}}', 'DUPLICATE_KEY', lex.ParseError, at(10)],
    [Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]), 'INVALID_ENCODING', lex.ParseError, at(2)],
    ['['.repeat(10000), 'UNKNOWN_FORMAT', lex.ParseError, at(0)],
    [`{"lex":${'['.repeat(10000)}`, 'DEPTH_LIMIT_EXCEEDED', lex.LimitError, at(134)],
    [`{"lex":{"n":${'1'.repeat(5000)}}}`, 'TOKEN_LIMIT_EXCEEDED', lex.LimitError, at(12)],
  ];
  for (const [input, code, cls, location] of cases) {
    const e = thrown(() => lex.parse(input));
    assert.ok(e instanceof cls, `${code}: ${e}`);
    assert.equal(e.code, code, String(input).slice(0, 20));
    assert.deepEqual(e.location, location, code);
  }
  assert.equal(thrown(() => lex.validate('{"lex":')).code, 'SYNTAX_ERROR', 'validate throws for unreadable input');
  assert.equal(thrown(() => lex.convert('{"lex":', 'json')).code, 'SYNTAX_ERROR');
});

test('limits are configurable and reported as LimitError', () => {
  const e = thrown(() => lex.parse(leadText(), { limits: { maxInputBytes: 10 } }));
  assert.ok(e instanceof lex.LimitError);
  assert.equal(e.code, 'SIZE_LIMIT_EXCEEDED');
  const deep = thrown(() => lex.parse('{"lex":{"a":{"b":{"c":{}}}}}', { limits: { maxDepth: 3 } }));
  assert.equal(deep.code, 'DEPTH_LIMIT_EXCEEDED');
  assert.equal(thrown(() => lex.parse(leadText(), { limits: { maxDepth: -1 } })).code, 'INVALID_ARGUMENT');
  assert.equal(thrown(() => lex.parse(leadText(), { limits: { maxDepth: '3' } })).name, 'ArgumentError');
});

test('a cyclic or oversized object is a LimitError with the path, not a crash', () => {
  const cyclic = { lex: { header: {} } };
  cyclic.lex.header.self = cyclic.lex.header;
  const e = thrown(() => lex.parse(cyclic));
  assert.ok(e instanceof lex.LimitError);
  assert.equal(e.code, 'DEPTH_LIMIT_EXCEEDED');
  assert.ok(e.path.startsWith('/lex/header/self/self'));
  const wide = { lex: { items: Array.from({ length: 50 }, (_, i) => i) } };
  assert.equal(thrown(() => lex.parse(wide, { limits: { maxNodes: 20 } })).code, 'COUNT_LIMIT_EXCEEDED');
  assert.equal(
    thrown(() => lex.parse({ lex: { s: 'x'.repeat(100) } }, { limits: { maxStringBytes: 10 } })).code,
    'TOKEN_LIMIT_EXCEEDED',
  );
  assert.equal(thrown(() => lex.parse({ notLex: 1 })).code, 'NOT_A_LEX_MESSAGE');
});

test('bad arguments are ArgumentErrors', () => {
  const cases = [
    () => lex.parse(42),
    () => lex.parse(null),
    () => lex.parse(undefined),
    () => lex.parse(leadText(), 'yaml'),
    () => lex.parse(leadText(), { mode: 3 }),
    () => lex.convert(leadText(), 'pdf'),
    () => lex.convert(leadText()),
    () => lex.validate(leadText(), 'strict'),
    () => lex.fingerprint(1, 2, 3),
    () => lex.newMessage('LEAD', {}, 5, 'R'),
    () => lex.acknowledge(leadText(), { now: new Date('nope') }),
    () => lex.acknowledge(leadText(), { report: 'valid' }),
    () => lex.detect({}),
  ];
  for (const f of cases) {
    const e = thrown(f);
    assert.ok(e instanceof lex.ArgumentError, `${f}: ${e && e.name} ${e && e.message}`);
    assert.equal(e.code, 'INVALID_ARGUMENT');
  }
});

test('codecs that cannot write yet fail with a LexError code, never a crash', () => {
  const m = lex.parse(leadText());
  for (const write of [() => m.toXml(), () => m.toX12(), () => m.toEdifact(), () => lex.convert(leadText(), 'x12')]) {
    let e;
    try {
      const out = write();
      assert.equal(typeof out, 'string');
      assert.ok(out.length > 0);
      continue;
    } catch (err) {
      e = err;
    }
    assert.ok(e instanceof lex.LexError, String(e));
    assert.ok(lex.ERROR_CODES.includes(e.code), e.code);
  }
});

test('every export catches panics (#[napi(catch_unwind)] on each one)', () => {
  const dir = path.join(here, '..', 'src');
  let exports = 0;
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.rs'))) {
    const lines = fs.readFileSync(path.join(dir, f), 'utf8').split('\n');
    lines.forEach((line, i) => {
      const attr = line.trim();
      if (!attr.startsWith('#[napi')) return;
      const next = lines.slice(i + 1).find((l) => !l.trim().startsWith('#[') && !l.trim().startsWith('///'));
      if (!/\bfn\b/.test(next)) return; // structs and impl blocks carry no code
      exports++;
      assert.match(attr, /catch_unwind/, `${f}:${i + 1} ${attr}`);
    });
  }
  assert.ok(exports >= 30, `found ${exports} exported functions`);
});

test('a panic in the native code becomes a LexError and the process lives on', async () => {
  // The probes exist in debug builds only, which is what `make test` builds.
  assert.equal(typeof native.debugPanic, 'function', 'the test suite runs against a debug build');
  const translate = (f) => {
    try {
      f();
    } catch (e) {
      return createRequire(import.meta.url)('../lib/errors.js').translate(e);
    }
    return undefined;
  };
  for (const probe of [() => native.debugPanic('probe one'), () => native.debugPanicUnguarded('probe two')]) {
    const e = translate(probe);
    assert.ok(e instanceof lex.LexError);
    assert.equal(e.code, 'INTERNAL_ERROR');
  }
  const { translate: tr } = createRequire(import.meta.url)('../lib/errors.js');
  const e = await native.debugPanicAsync('probe three').then(
    () => assert.fail('should reject'),
    (err) => tr(err),
  );
  assert.equal(e.code, 'INTERNAL_ERROR');
  assert.match(e.message, /probe three/);
  // Still alive and working.
  assert.equal(lex.parse(leadText()).messageType, 'LEAD');
});

test('a caught panic prints nothing on stderr unless LEX_PANIC_LOG is set', () => {
  const script = `const n = require(${JSON.stringify(path.join(here, '..', 'lib', 'native.js'))});
    try { n.debugPanic('secret customer data'); } catch (e) { process.stdout.write(e.message.includes('INTERNAL_ERROR') ? 'ok' : 'bad'); }`;
  const logged = spawnSync(process.execPath, ['-e', script], {
    encoding: 'utf8',
    env: { ...process.env, LEX_PANIC_LOG: '' },
  });
  const env = { ...process.env };
  delete env.LEX_PANIC_LOG;
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env });
  assert.equal(run.status, 0);
  assert.equal(run.stdout, 'ok');
  assert.equal(run.stderr, '');
  assert.equal(logged.stdout, 'ok');
  assert.match(logged.stderr, /secret customer data/, 'LEX_PANIC_LOG keeps the default report');
});
