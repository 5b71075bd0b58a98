// The operations added for parity (X12 997 and EDIFACT CONTRL) and bad input: a wrong type,
// an unknown name, a level of 0 or 4 and a negative limit all throw ArgumentError with the
// core's code and text; the error family classes are the same set as in every language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import lex from './lex.mjs';
import { leadText } from './fixtures.mjs';

function thrown(f) {
  try {
    f();
  } catch (e) {
    return e;
  }
  assert.fail('expected an error');
}

test('X12 997 and EDIFACT CONTRL: generate, then read back', () => {
  const m = lex.parse(leadText());
  const ack = lex.x12FunctionalAck(m.toX12());
  assert.ok(ack.startsWith('ISA') && ack.includes('ST*997*'), ack);
  const groups = lex.x12ReadFunctionalAck(Buffer.from(ack));
  assert.equal(groups[0].functionalId, 'PO');
  assert.equal(groups[0].status, 'A');
  const contrl = lex.edifactContrl(m.toEdifact());
  assert.ok(contrl.includes('CONTRL:D:3:UN'));
  assert.equal(lex.edifactContrlRead(contrl)[0].accepted, true);
  assert.ok(thrown(() => lex.x12FunctionalAck('{}')) instanceof lex.ParseError);
  assert.ok(thrown(() => lex.edifactContrl({})) instanceof lex.ArgumentError);
});

test('one class per error family', () => {
  for (const name of ['ParseError', 'LimitError', 'ArgumentError', 'ConversionError', 'IoError', 'InternalError']) {
    assert.ok(new lex[name]('x') instanceof lex.LexError, name);
    assert.equal(new lex[name]('x').name, name);
  }
  assert.equal(new lex.ConversionError('x').code, 'UNREPRESENTABLE');
});

test('bad arguments carry the core code and text', () => {
  const lead = leadText();
  const cases = [
    [() => lex.parse(lead, 'yaml'), 'unknown format "yaml" (expected json, xml, x12 or edifact)'],
    [() => lex.validate(lead, { level: 0 }), 'level must be 1, 2 or 3, not 0'],
    [() => lex.validate(lead, { level: 4 }), 'level must be 1, 2 or 3, not 4'],
    [() => lex.validate(lead, { level: 2.5 }), 'level must be an integer'],
    [() => lex.validate(lead, { level: 'high' }), 'level must be an integer'],
    [() => lex.validate(lead, { policy: 'lenient' }), 'unknown transition policy "lenient"'],
    [() => lex.parse(lead, { mode: 'loose' }), 'unknown read mode "loose"'],
    [() => lex.parse(lead, { limits: { maxDepth: -1 } }), 'limit maxDepth must be a positive integer, not -1'],
    [() => lex.parse(lead, { limits: { maxNodes: 0 } }), 'limit maxNodes must be a positive integer, not 0'],
    [() => lex.parse(lead, { limits: { maxDepth: 1.5 } }), 'maxDepth must be an integer'],
    [() => lex.newMessage('lead', {}, 'S', 'R'), 'unknown message type "lead"'],
    [() => new lex.Receiver({ level: 4 }), 'level must be 1, 2 or 3, not 4'],
    [() => lex.checkTransition('CART', 'SHOPPING', 'sideways'), 'unknown transition policy "sideways"'],
  ];
  for (const [f, text] of cases) {
    const e = thrown(f);
    assert.ok(e instanceof lex.ArgumentError, `${f}: ${e && e.name} ${e && e.message}`);
    assert.equal(e.code, 'INVALID_ARGUMENT');
    assert.ok(e.message.startsWith(text), `${e.message} should start with ${text}`);
  }
});
