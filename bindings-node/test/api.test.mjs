// The public surface: parse, validate, convert, detect, fingerprint, acknowledge,
// newMessage, transitions, Receiver, constants, Message, and both module systems.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { inspect } from 'node:util';
import * as esm from '../index.mjs';
import lex from './lex.mjs';
import { NOW, lead, leadText } from './fixtures.mjs';

test('ESM and CommonJS entry points export the same objects', () => {
  const cjs = createRequire(import.meta.url)('../index.js');
  assert.equal(esm.default, cjs);
  for (const [k, v] of Object.entries(cjs)) assert.equal(esm[k], v, k);
  assert.equal(Object.keys(esm).filter((k) => k !== 'default').length, Object.keys(cjs).length);
});

test('constants', () => {
  assert.equal(lex.STATUSES.length, 15);
  assert.equal(lex.STATUSES[0], 'CART');
  assert.equal(lex.STATUSES[14], 'ARCHIVED');
  assert.deepEqual([...lex.MESSAGE_TYPES], ['LEAD', 'ASSET', 'ACKNOWLEDGMENT', 'SUBSCRIPTION', 'LEAD_CLOSURE']);
  assert.deepEqual([...lex.FORMATS], ['json', 'xml', 'x12', 'edifact']);
  assert.ok(lex.ACK_STATUSES.includes('REJECTED'));
  assert.ok(lex.ERROR_CODES.includes('SYNTAX_ERROR') && lex.ERROR_CODES.includes('INTERNAL_ERROR'));
  assert.equal(lex.VERSION, createRequire(import.meta.url)('../package.json').version);
  assert.equal(lex.LEX_VERSION, '1.0');
  assert.ok(Object.isFrozen(lex.STATUSES));
});

test('parse accepts a string, a Buffer, a Uint8Array, an ArrayBuffer and a plain object', () => {
  const text = leadText();
  const buf = Buffer.from(text);
  const inputs = [
    text,
    buf,
    new Uint8Array(buf),
    buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length),
    lead(),
  ];
  const first = lex.parse(text);
  for (const input of inputs) {
    const m = lex.parse(input);
    assert.ok(m instanceof lex.Message);
    assert.ok(m.equals(first));
    assert.equal(m.messageType, 'LEAD');
    assert.equal(m.messageId, 'a1b2c3d4-e5f6-4a7b-8c9d-0000000a0001');
    assert.equal(m.sourceFormat, 'json');
  }
  assert.equal(lex.parse(first), first, 'a Message passes through');
  assert.equal(lex.parse(text, 'json').messageType, 'LEAD');
  assert.equal(lex.parseAll(text).length, 1);
});

test('Message text, objects and JSON.stringify', () => {
  const m = lex.parse(leadText());
  assert.equal(m.toJson(), leadText(), 'compact canonical JSON, key order kept');
  assert.equal(m.toJson({ pretty: true }), JSON.stringify(lead(), null, 2));
  assert.equal(m.toJson(true), m.toJson({ pretty: true }));
  assert.equal(m.to('json'), m.toJson());
  assert.equal(String(m), m.toJson());
  assert.deepEqual(m.toObject(), lead());
  assert.notEqual(m.toObject(), m.toObject(), 'a fresh object each time');
  assert.equal(JSON.stringify(m), leadText());
  assert.equal(JSON.stringify({ wrapped: m }), `{"wrapped":${leadText()}}`);
  assert.equal(Object.prototype.toString.call(m), '[object Message]');
  assert.throws(() => new lex.Message(), TypeError);
  assert.equal(inspect(m), 'Message <LEAD a1b2c3d4-e5f6-4a7b-8c9d-0000000a0001>');
});

test('number lexemes survive text input exactly and follow JavaScript formatting for objects', () => {
  const text =
    '{"lex":{"header":{"messageType":"LEAD"},"payload":{"lead":{"x":15.0,"y":1E+2,"z":12345678901234567890123}}}}';
  assert.equal(lex.parse(text).toJson(), text);
  const obj = {
    lex: {
      header: { messageType: 'LEAD' },
      payload: { lead: { a: 0.1, b: 1e21, c: -0, d: 5e-7, e: 12345678901234567890n, f: 15.0 } },
    },
  };
  assert.equal(
    lex.parse(obj).toJson(),
    '{"lex":{"header":{"messageType":"LEAD"},"payload":{"lead":{"a":0.1,"b":1e+21,"c":0,"d":5e-7,"e":12345678901234567890,"f":15}}}}',
  );
});

test('plain objects: key order, undefined properties, toJSON, and what JSON cannot hold', () => {
  const obj = {
    lex: { payload: {}, header: { z: 1, a: 2, skipped: undefined, when: new Date(Date.UTC(2026, 3, 3)) } },
  };
  assert.equal(
    lex.parse(obj).toJson(),
    '{"lex":{"payload":{},"header":{"z":1,"a":2,"when":"2026-04-03T00:00:00.000Z"}}}',
  );
  const m = lex.parse(leadText());
  assert.ok(lex.parse({ ...m.toObject() }).equals(m));
  for (const [bad, where] of [
    [NaN, '/lex/x'],
    [Infinity, '/lex/x'],
    [() => 1, '/lex/x'],
    [Symbol('s'), '/lex/x'],
    [[1, undefined], '/lex/x/1'],
    [new Map([['a', 1]]), '/lex/x'],
    [new Set([1]), '/lex/x'],
  ]) {
    assert.throws(
      () => lex.parse({ lex: { x: bad } }),
      (e) => e instanceof lex.ArgumentError && e.code === 'INVALID_ARGUMENT' && e.message.includes(where),
    );
  }
});

test('validate returns a plain report; options are honoured', () => {
  const r = lex.validate(leadText(), { now: NOW });
  assert.deepEqual(Object.keys(r), ['valid', 'errors', 'warnings']);
  assert.equal(r.valid, true);
  const bad = lex.validate(
    { lex: { header: { messageType: 'INQUIRY' }, payload: {} } },
    { now: new Date(NOW), level: 'L1' },
  );
  assert.equal(bad.valid, false);
  const issue = bad.errors.find((i) => i.code === 'INVALID_ENUM_VALUE');
  assert.ok(issue, JSON.stringify(bad));
  assert.equal(issue.pointer, '/lex/header/messageType');
  assert.equal(typeof issue.message, 'string');
  assert.deepEqual(lex.validate(lex.parse(leadText()), { now: NOW }), r, 'a Message validates the same');
  assert.throws(() => lex.validate(leadText(), { level: 4 }), { name: 'ArgumentError', code: 'INVALID_ARGUMENT' });
  assert.throws(() => lex.validate(leadText(), { now: 'yesterday' }), { name: 'ArgumentError' });
  assert.throws(() => lex.validate(leadText(), { policy: 'lenient' }), { name: 'ArgumentError' });
  assert.throws(() => lex.validate(leadText(), { mode: 'sloppy' }), { name: 'ArgumentError' });
});

test('strings are read as UTF-8 like Buffers; reports hold what JSON.parse of the report would', () => {
  const m = lead();
  m.lex.payload.lead.desiredProduct.year = 1.5e3;
  m.lex.payload.lead.customer.firstName = 'Zoë \u{1F600} \ud800';
  // JSON.stringify escapes the lone surrogate; put it back raw, as a JavaScript string can hold it.
  const text = JSON.stringify(m).replace('\\ud800', '\ud800');
  const r = lex.validate(text, { now: NOW });
  assert.deepStrictEqual(r, lex.validate(Buffer.from(text), { now: NOW }));
  assert.equal(Object.getPrototypeOf(r), Object.prototype);
  assert.deepStrictEqual(JSON.parse(JSON.stringify(r)), r);
  const year = r.errors.find((i) => i.code === 'VALUE_OUT_OF_RANGE');
  assert.ok(year, JSON.stringify(r));
  assert.deepEqual(Object.keys(year), [
    'level',
    'code',
    'field',
    'pointer',
    'message',
    'rejectedValue',
    'constraint',
    'threshold',
  ]);
  assert.equal(year.rejectedValue, 1500);
  assert.equal(year.threshold, 1900);
  // A long string (past the one-copy size) reads the same as its bytes.
  m.lex.payload.lead.customer.lastName = 'é'.repeat(1_100_000);
  const long = JSON.stringify(m).replace('\\ud800', '\ud800');
  assert.deepStrictEqual(lex.validate(long, { now: NOW }), lex.validate(Buffer.from(long), { now: NOW }));
});

test('a future timestamp is judged against the injected clock', () => {
  const input = leadText({ header: { timestamp: '2026-04-03T12:05:00Z' } });
  const r = lex.validate(input, { now: NOW });
  assert.equal(r.valid, false);
  assert.ok(
    r.errors.some((i) => i.code === 'FUTURE_TIMESTAMP' || i.pointer === '/lex/header/timestamp'),
    JSON.stringify(r.errors),
  );
  assert.equal(lex.validate(input, { now: '2026-04-03T12:10:00Z' }).valid, true);
});

test('convert and detect', () => {
  assert.equal(lex.convert(leadText(), 'json'), leadText());
  assert.equal(lex.convert(JSON.stringify(lead(), null, 2), 'json', { pretty: false }), leadText());
  assert.equal(lex.convert(leadText(), 'json', true), JSON.stringify(lead(), null, 2));
  assert.equal(lex.convert(lead(), 'json'), leadText(), 'objects convert too');
  assert.equal(lex.convert(lex.parse(leadText()), 'json', { pretty: true }), JSON.stringify(lead(), null, 2));
  assert.equal(lex.detect(leadText()), 'json');
  assert.equal(lex.detect('<?xml version="1.0"?><lex/>'), 'xml');
  assert.equal(lex.detect(Buffer.from('ISA*00*')), 'x12');
  assert.equal(lex.detect("UNA:+.? 'UNB+UNOC:3"), 'edifact');
  assert.equal(lex.detect('hello'), null);
  assert.equal(lex.detect(''), null);
});

test('fingerprint, positional and object forms, and on a message', () => {
  const fp = lex.fingerprint('jane.smith@example.com', '+14155551234', 'Smith');
  assert.match(fp, /^[0-9a-f]{64}$/);
  assert.equal(lex.fingerprint({ email: 'jane.smith@example.com', phone: '+14155551234', lastName: 'Smith' }), fp);
  assert.equal(lex.parse(leadText()).fingerprint(), fp);
  assert.equal(lex.parse({ lex: { header: { messageType: 'ASSET' }, payload: {} } }).fingerprint(), null);
  assert.notEqual(lex.fingerprint('other@example.com', '', ''), fp);
});

test('transitions', () => {
  assert.equal(lex.transitionAllowed('CART', 'SHOPPING'), true);
  assert.equal(lex.transitionAllowed('DELIVERED', 'IN_NEGOTIATION'), false);
  assert.equal(lex.checkTransition('ARCHIVED', 'CART'), 'forbidden');
  assert.equal(lex.checkTransition('CART', 'ARCHIVED'), 'allowed');
  assert.equal(lex.checkTransition('CART', 'ORDER_CONFIRMED'), 'unlisted');
  assert.equal(lex.checkTransition('CART', 'ORDER', 'strict-table'), 'forbidden');
  assert.throws(() => lex.transitionAllowed('CART', 'FLYING'), { name: 'ArgumentError', code: 'INVALID_ARGUMENT' });
  assert.throws(() => lex.checkTransition('CART', 'ORDER', 'whatever'), { name: 'ArgumentError' });
});

test('newMessage fills id, timestamp and version', () => {
  const body = lead().lex.payload.lead;
  const id = 'a1b2c3d4-e5f6-4a7b-8c9d-0000000a0009';
  const m = lex.newMessage('LEAD', body, 'PORTAL-001', 'DEALER-001', { now: NOW, messageId: id });
  assert.deepEqual(m.toObject(), {
    lex: {
      header: {
        messageId: id,
        messageType: 'LEAD',
        version: '1.0',
        timestamp: NOW,
        senderId: 'PORTAL-001',
        receiverId: 'DEALER-001',
      },
      payload: { lead: body },
    },
  });
  const asset = {
    assetId: '5YJ3E1EA7PF000001',
    assetClass: 'VEHICLE',
    productType: 'VEHICLE_NEW',
    status: 'AVAILABLE',
    condition: 'NEW',
    manufacturer: 'Tesla',
    model: 'Model 3',
    year: 2027,
  };
  const fresh = lex.newMessage('ASSET', { asset }, 'PORTAL-001', 'DEALER-001');
  assert.match(fresh.messageId, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.deepEqual(fresh.toObject().lex.payload, { asset });
  assert.throws(() => lex.newMessage('INQUIRY', {}, 'S', 'R'), { name: 'ArgumentError' });
  assert.throws(() => lex.newMessage('LEAD', [1], 'S', 'R'), { name: 'ArgumentError' });
});

test('acknowledge: default status, report carried, options', () => {
  const msg = lex.parse(leadText());
  const ack = lex.acknowledge(msg, { now: NOW, messageId: 'ack-1' });
  assert.equal(ack.messageType, 'ACKNOWLEDGMENT');
  assert.equal(ack.messageId, 'ack-1');
  const body = ack.toObject().lex.payload.acknowledgment;
  assert.equal(body.status, 'RECEIVED');
  assert.equal(body.correlationId, msg.messageId);
  const invalid = { lex: { header: { ...lead().lex.header, messageType: 'LEAD' }, payload: {} } };
  const report = lex.validate(invalid, { now: NOW });
  assert.equal(report.valid, false);
  const rejected = lex.acknowledge(invalid, { report, now: NOW }).toObject().lex.payload.acknowledgment;
  assert.equal(rejected.status, 'REJECTED');
  assert.equal(rejected.validationResults.isValid, false);
  assert.equal(lex.acknowledge(msg, { status: 'ACCEPTED' }).toObject().lex.payload.acknowledgment.status, 'RECEIVED');
  assert.throws(() => lex.acknowledge(msg, { status: 'MAYBE' }), { name: 'ArgumentError' });
  assert.throws(() => lex.acknowledge(ack), { name: 'ArgumentError', code: 'INVALID_ARGUMENT' });
  assert.throws(() => lex.acknowledge(msg, { report: { valid: false, errors: [{ code: 'X' }] } }), {
    name: 'ArgumentError',
  });
});

test('Receiver: accepted, duplicate, rejected', () => {
  const rx = new lex.Receiver({ now: NOW });
  const first = rx.receive(leadText());
  assert.equal(first.outcome, 'ACCEPTED');
  assert.equal(first.httpStatus, 200);
  assert.equal(first.duplicate, false);
  assert.equal(first.duplicateOfLead, null);
  assert.equal(first.report.valid, true);
  assert.equal(first.ack.toObject().lex.payload.acknowledgment.status, 'RECEIVED');
  assert.ok(first.message.equals(lex.parse(leadText())));
  const again = rx.receive(Buffer.from(leadText()));
  assert.equal(again.duplicate, true);
  assert.ok(again.ack.equals(first.ack));
  const other = rx.receive(
    lead({ header: { messageId: 'a1b2c3d4-e5f6-4a7b-8c9d-0000000a0002' }, lead: { leadId: 'LEAD-N-0002' } }),
  );
  assert.equal(other.duplicateOfLead, 'LEAD-N-0001', 'same customer, other active lead');
  const bad = rx.receive({ lex: { header: { messageType: 'LEAD', messageId: 'x' }, payload: {} } });
  assert.equal(bad.outcome, 'REJECTED');
  assert.equal(bad.httpStatus, 422);
  assert.equal(rx.receiveAll(leadText()).length, 1);
  assert.throws(() => rx.receive('not a message'), { name: 'ParseError', code: 'UNKNOWN_FORMAT' });
  assert.throws(() => new lex.Receiver({ level: 9 }), { name: 'ArgumentError' });
});

test('read warnings of normalised aliases are exposed on the message', () => {
  const m = lex.parse({
    lex: {
      header: { messageType: 'LEAD', lexVersion: '1.0' },
      payload: { lead: { customer: { email: 'a@example.com' } } },
    },
  });
  assert.deepEqual(
    m.readIssues.map((i) => [i.level, i.code, i.pointer]),
    [
      ['WARNING', 'ALIAS_NORMALIZED', '/lex/header/version'],
      ['WARNING', 'ALIAS_NORMALIZED', '/lex/payload/lead/customer/emailAddress'],
    ],
  );
  assert.equal(
    m.toJson(),
    '{"lex":{"header":{"messageType":"LEAD","version":"1.0"},"payload":{"lead":{"customer":{"emailAddress":"a@example.com"}}}}}',
  );
});

test('serializeAll writes one document per JSON message and rejects two', () => {
  const m = lex.parse(leadText());
  assert.equal(lex.serializeAll([m], 'json'), leadText());
  assert.equal(lex.serializeAll([lead()], 'json', { pretty: true }), JSON.stringify(lead(), null, 2));
  assert.throws(() => lex.serializeAll([m, m], 'json'), { name: 'ArgumentError', code: 'INVALID_ARGUMENT' });
  assert.throws(() => lex.serializeAll([m], 'csv'), { name: 'ArgumentError' });
});

test('httpStatus follows the report', () => {
  assert.equal(lex.httpStatus(lex.validate(leadText(), { now: NOW })), 200);
  assert.equal(lex.httpStatus(lex.validate({ lex: { header: {}, payload: {} } }, { now: NOW })), 422);
  const expired = { valid: false, errors: [{ level: 'CRITICAL', code: 'MESSAGE_TTL_EXPIRED' }], warnings: [] };
  assert.equal(lex.httpStatus(expired), 410);
  assert.throws(() => lex.httpStatus('valid'), { name: 'ArgumentError' });
});

test('mayForward, duplicateClosure and the receipt extras', () => {
  const m = lex.parse(leadText());
  const decision = lex.mayForward(m, 'DEALER-002', { now: NOW });
  assert.equal(decision.allowed, true);
  assert.equal(decision.code, 'FORWARD_NO_GOVERNANCE');
  assert.equal(typeof decision.reason, 'string');
  assert.equal(decision.auditRequired, false);
  assert.equal(
    lex.mayForward(lead(), 'DEALER-002').code,
    'FORWARD_NO_GOVERNANCE',
    'plain objects and the system clock',
  );
  const closure = lex.duplicateClosure(m, 'LEAD-N-0000', { now: NOW });
  assert.equal(closure.messageType, 'LEAD_CLOSURE');
  assert.equal(closure.toObject().lex.payload.leadClosure.duplicateOfLeadId, 'LEAD-N-0000');
  assert.throws(() => lex.duplicateClosure(lex.acknowledge(m), 'LEAD-N-0000'), { name: 'ArgumentError' });
  const r = new lex.Receiver({ now: NOW }).receive(m);
  assert.equal(r.routing, null);
  assert.equal(r.deadLetterReason, null);
  assert.equal(r.fingerprint, m.fingerprint());
});
