// Async variants (libuv thread pool) and worker_threads safety.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import lex from './lex.mjs';
import { NOW, lead, leadText } from './fixtures.mjs';

test('validateAsync gives the same report as validate, for every kind of input', async () => {
  const sync = lex.validate(leadText(), { now: NOW });
  for (const input of [leadText(), Buffer.from(leadText()), lead(), lex.parse(leadText())]) {
    const p = lex.validateAsync(input, { now: NOW });
    assert.ok(p instanceof Promise);
    assert.deepEqual(await p, sync);
  }
  const invalid = { lex: { header: { messageType: 'INQUIRY' }, payload: {} } };
  assert.deepEqual(await lex.validateAsync(invalid, { now: NOW }), lex.validate(invalid, { now: NOW }));
});

test('convertAsync and parseAsync', async () => {
  assert.equal(await lex.convertAsync(JSON.stringify(lead(), null, 2), 'json'), leadText());
  assert.equal(await lex.convertAsync(lead(), 'json', { pretty: true }), JSON.stringify(lead(), null, 2));
  const m = await lex.parseAsync(Buffer.from(leadText()));
  assert.ok(m instanceof lex.Message);
  assert.ok(m.equals(lex.parse(leadText())));
  assert.equal(await m.toAsync('json'), leadText());
});

test('async failures reject with the LexError family', async () => {
  await assert.rejects(
    lex.validateAsync('{"lex":'),
    (e) => e instanceof lex.ParseError && e.code === 'SYNTAX_ERROR' && e.offset === 7,
  );
  await assert.rejects(lex.convertAsync('{"lex":{}}', 'yaml'), { name: 'ArgumentError', code: 'INVALID_ARGUMENT' });
  await assert.rejects(lex.parseAsync(42), { name: 'ArgumentError' });
  await assert.rejects(lex.validateAsync(leadText(), { level: 0 }), { name: 'ArgumentError' });
  await assert.rejects(lex.parseAsync(`{"lex":${'['.repeat(1000)}`), {
    name: 'LimitError',
    code: 'DEPTH_LIMIT_EXCEEDED',
  });
  const m = lex.parse(leadText());
  // X12 writing is another area's work: today it rejects with the core's code, later it resolves.
  const outcome = await m.toAsync('x12').then(
    (text) => ({ text }),
    (error) => ({ error }),
  );
  if (outcome.error) {
    assert.ok(outcome.error instanceof lex.LexError, String(outcome.error));
    assert.ok(lex.ERROR_CODES.includes(outcome.error.code), outcome.error.code);
  } else {
    assert.equal(typeof outcome.text, 'string');
    assert.ok(outcome.text.startsWith('ISA'));
  }
});

test('the async work runs off the main thread: many large validations interleave with the event loop', async () => {
  // A large message (~2 MB of extension data) validated 8 times concurrently.
  const big = lead();
  big.lex.extensions = [
    { name: 'bulk', data: Array.from({ length: 20000 }, (_, i) => ({ i, text: `item ${i} `.repeat(8) })) },
  ];
  const text = JSON.stringify(big);
  assert.ok(text.length > 1_000_000);
  let ticks = 0;
  const timer = setInterval(() => ticks++, 0);
  const reports = await Promise.all(Array.from({ length: 8 }, () => lex.validateAsync(text, { now: NOW })));
  clearInterval(timer);
  const expected = lex.validate(text, { now: NOW });
  for (const r of reports) assert.deepEqual(r, expected);
  assert.ok(ticks > 0, 'timers ran while the work was in flight');
});

test('worker_threads: the addon loads in several workers that validate concurrently', async () => {
  const expected = lex.validate(leadText(), { now: NOW });
  const fp = lex.parse(leadText()).fingerprint();
  const run = () =>
    new Promise((resolve, reject) => {
      const w = new Worker(new URL('./worker.mjs', import.meta.url), {
        workerData: { input: leadText(), now: NOW, rounds: 25 },
      });
      w.once('message', resolve);
      w.once('error', reject);
      w.once('exit', (code) => code !== 0 && reject(new Error(`worker exited with ${code}`)));
    });
  const outputs = await Promise.all([run(), run(), run(), run()]);
  for (const out of outputs) {
    assert.equal(out.results.length, 25);
    for (const r of out.results) {
      assert.deepEqual(r.sync, expected);
      assert.deepEqual(r.async, expected);
      assert.equal(r.fp, fp);
    }
    assert.deepEqual(out.error, { name: 'ParseError', code: 'SYNTAX_ERROR', offset: 7 });
  }
  // A second wave after the first workers exited (module unload and reload).
  const again = await run();
  assert.deepEqual(again.results[0].sync, expected);
});
