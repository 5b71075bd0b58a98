'use strict';
/**
 * lex — read, validate, convert, build and acknowledge LEX 1.0 messages.
 *
 * A thin layer over the Rust core (native addon `lex.node`): it normalises arguments,
 * wraps native handles in `Message`/`Receiver`, reads reports as plain objects and turns
 * native failures into the `LexError` family. All behaviour lives in the core.
 */
const native = require('./lib/native.js');
const {
  LexError,
  ParseError,
  LimitError,
  ArgumentError,
  ConversionError,
  IoError,
  InternalError,
  call,
  settle,
} = require('./lib/errors.js');
const { bytes, str, readArgs, validateArgs, writeArgs, buildArgs } = require('./lib/args.js');
const { Message, wrap, nativeOf } = require('./lib/message.js');
// A native report: a plain object already, or JSON text when it holds issues (read lazily).
const { report } = require('./lib/report.js');

const C = call(() => native.constants());
const freeze = (a) => Object.freeze([...a]);

/** The 15 lead statuses, in journey order. */
const STATUSES = freeze(C.statuses);
/** The five message types. */
const MESSAGE_TYPES = freeze(C.messageTypes);
/** The eight acknowledgment statuses. */
const ACK_STATUSES = freeze(C.ackStatuses);
/** The four wire formats. */
const FORMATS = freeze(C.formats);
/** Every stable error code. */
const ERROR_CODES = freeze(C.errorCodes);
/** The version of this toolkit. */
const VERSION = C.version;
/** The LEX version written into new messages. */
const LEX_VERSION = C.lexVersion;

function isMessageInput(input) {
  return (
    input !== null && typeof input === 'object' && !(input instanceof Uint8Array) && !(input instanceof ArrayBuffer)
  );
}

/** The native message for any input: a Message, a plain object, or text/bytes. */
function toNative(input, options) {
  if (input instanceof Message) return nativeOf(input);
  if (isMessageInput(input)) return call(() => native.fromObject(input, readArgs(options)));
  return call(() => native.parse(bytes(input), readArgs(options)));
}

/** Reads exactly one message (format detected unless `options.format`; a string is the format). */
function parse(input, options) {
  if (input instanceof Message) return input;
  return wrap(toNative(input, options));
}

/** Reads every message of the input (an X12/EDIFACT interchange may hold several). */
function parseAll(input, options) {
  if (input instanceof Message) return [input];
  if (isMessageInput(input)) return [wrap(toNative(input, options))];
  return call(() => native.parseAll(bytes(input), readArgs(options))).map(wrap);
}

/** Validates a message; returns a Report. Unreadable input throws a ParseError. */
function validate(input, options) {
  const args = validateArgs(options);
  // Strings go to the addon as they are: it reads them as UTF-8 in one copy.
  if (typeof input === 'string') return report(call(() => native.validateText(input, args)));
  if (input instanceof Message || isMessageInput(input)) {
    const m = toNative(input, { limits: args?.limits });
    return report(call(() => native.validateMessage(m, args)));
  }
  return report(call(() => native.validateInput(bytes(input), args)));
}

/** Converts any input to `to` (`json`, `xml`, `x12`, `edifact`); compact unless `pretty`. */
function convert(input, to, options) {
  const args = writeArgs(options);
  if (input instanceof Message || isMessageInput(input)) {
    const m = toNative(input, { limits: args.limits });
    return call(() => m.serialize(to, args.pretty ?? false));
  }
  return call(() => native.convert(bytes(input), to, args));
}

/** The format of text or bytes, detected from the first bytes; null when none matches. */
function detect(input) {
  return call(() => native.detect(bytes(input))) ?? null;
}

/** The customer fingerprint: `fingerprint(email, phone, lastName)` or `fingerprint({email, phone, lastName})`. */
function fingerprint(email, phone, lastName) {
  if (email !== null && typeof email === 'object') ({ email, phone, lastName } = email);
  return call(() =>
    native.fingerprint(str(email, 'email') ?? '', str(phone, 'phone') ?? '', str(lastName, 'lastName') ?? ''),
  );
}

/** The ACKNOWLEDGMENT answering `message` (options: status, report, now, messageId). */
function acknowledge(message, options) {
  const args = buildArgs(options);
  const m = toNative(message);
  return wrap(call(() => native.acknowledge(m, args)));
}

/** A new message of `type` around `payload` with a fresh messageId, timestamp and version. */
function newMessage(type, payload, senderId, receiverId, options) {
  const args = buildArgs(options);
  return wrap(
    call(() =>
      native.newMessage(
        str(type, 'type'),
        payload,
        str(senderId, 'senderId') ?? '',
        str(receiverId, 'receiverId') ?? '',
        args,
      ),
    ),
  );
}

/** May `message` be routed to `recipient` (a LEX organisation id)? Options: `now`. */
function mayForward(message, recipient, options) {
  const { now } = buildArgs(options);
  const m = toNative(message);
  return JSON.parse(call(() => native.mayForward(m, str(recipient, 'recipient') ?? '', now)));
}

/** The LEAD_CLOSURE closing `duplicate` as a duplicate of the lead `canonicalLeadId`. */
function duplicateClosure(duplicate, canonicalLeadId, options) {
  const args = buildArgs(options);
  const m = toNative(duplicate);
  return wrap(call(() => native.duplicateClosure(m, str(canonicalLeadId, 'canonicalLeadId') ?? '', args)));
}

/** EDI text argument (string or bytes) for the acknowledgment functions. */
function ediText(input, name) {
  if (typeof input !== 'string' && !(input instanceof Uint8Array) && !(input instanceof ArrayBuffer)) {
    throw new ArgumentError(`${name} takes EDI text (string or bytes)`);
  }
  return bytes(input);
}

/** The X12 997 functional acknowledgment answering a received X12 interchange. */
function x12FunctionalAck(input, options) {
  const args = options === undefined ? undefined : readArgs(options);
  return call(() => native.x12FunctionalAck(ediText(input, 'x12FunctionalAck'), args));
}

/** The 997 acknowledgments of an X12 interchange: one object per acknowledged group. */
function x12ReadFunctionalAck(input, options) {
  const args = options === undefined ? undefined : readArgs(options);
  return JSON.parse(call(() => native.x12ReadFunctionalAck(ediText(input, 'x12ReadFunctionalAck'), args)));
}

/** The EDIFACT CONTRL interchange answering a received EDIFACT interchange. */
function edifactContrl(input) {
  return call(() => native.edifactContrl(ediText(input, 'edifactContrl')));
}

/** The reports of an EDIFACT CONTRL interchange: one object per CONTRL message. */
function edifactContrlRead(input) {
  return JSON.parse(call(() => native.edifactContrlRead(ediText(input, 'edifactContrlRead'))));
}

/** The HTTP status recommended for a report: 200 valid, 410 TTL expired, 422 invalid. */
function httpStatus(report) {
  if (report === null || typeof report !== 'object') throw new ArgumentError('httpStatus needs a report object');
  return call(() => native.httpStatus(JSON.stringify(report)));
}

/** True when the lead may move `from → to` under the default policy. */
function transitionAllowed(from, to) {
  return call(() => native.transitionAllowed(str(from, 'from') ?? '', str(to, 'to') ?? ''));
}

/** The verdict on `from → to`: "allowed", "unlisted" (allowed with a warning) or "forbidden". */
function checkTransition(from, to, policy) {
  return call(() => native.checkTransition(str(from, 'from') ?? '', str(to, 'to') ?? '', str(policy, 'policy')));
}

/** Like `parse`, with the reading done on the libuv thread pool. */
async function parseAsync(input, options) {
  if (input instanceof Message) return input;
  if (isMessageInput(input)) return parse(input, options);
  return wrap(await settle(call(() => native.parseAsync(bytes(input), readArgs(options)))));
}

/** Like `validate`, with the work done on the libuv thread pool. */
async function validateAsync(input, options) {
  const args = validateArgs(options);
  if (input instanceof Message || isMessageInput(input)) {
    const m = toNative(input, { limits: args?.limits });
    return report(await settle(call(() => native.validateMessageAsync(m, args))));
  }
  return report(await settle(call(() => native.validateAsync(bytes(input), args))));
}

/** Like `convert`, with the work done on the libuv thread pool. */
async function convertAsync(input, to, options) {
  const args = writeArgs(options);
  if (input instanceof Message || isMessageInput(input)) {
    const m = toNative(input, { limits: args.limits });
    return settle(call(() => native.serializeAsync(m, to, args)));
  }
  return settle(call(() => native.convertAsync(bytes(input), to, args)));
}

function receipt(r) {
  const ack = r.ack();
  return {
    message: wrap(r.message()),
    report: report(r.report()),
    ack: ack ? wrap(ack) : null,
    duplicate: r.duplicate,
    outcome: r.outcome,
    httpStatus: r.httpStatus,
    duplicateOfLead: r.duplicateOfLead ?? null,
    routing: r.routing ?? null,
    deadLetterReason: r.deadLetterReason ?? null,
    retryAttempt: r.retryAttempt ?? null,
    fingerprint: r.fingerprint ?? null,
  };
}

/** A stateful receiving endpoint: idempotency on messageId, stored lead status, TTL. */
class Receiver {
  #native;

  /** `options` are validation options (level, now, mode, policy, limits). */
  constructor(options) {
    const args = validateArgs(options);
    this.#native = call(() => new native.NativeReceiver(args));
  }

  /** Receives one message (text, bytes, a plain object or a Message). */
  receive(input) {
    if (input instanceof Message || isMessageInput(input)) {
      const m = toNative(input);
      return call(() => receipt(this.#native.receiveMessage(m)));
    }
    return call(() => receipt(this.#native.receive(bytes(input))));
  }

  /** Receives every message of an interchange, in order. */
  receiveAll(input) {
    if (input instanceof Message || isMessageInput(input)) return [this.receive(input)];
    return call(() => this.#native.receiveAll(bytes(input)).map(receipt));
  }
}

/** Writes several messages as one X12/EDIFACT interchange (JSON/XML take exactly one). */
function serializeAll(messages, to, options) {
  const { pretty } = writeArgs(options);
  const handles = Array.from(messages, (m) => toNative(m));
  return call(() => native.serializeAll(handles, to, pretty ?? false));
}

module.exports = {
  parse,
  parseAll,
  parseAsync,
  validate,
  validateAsync,
  convert,
  convertAsync,
  serializeAll,
  detect,
  fingerprint,
  acknowledge,
  newMessage,
  transitionAllowed,
  checkTransition,
  httpStatus,
  mayForward,
  duplicateClosure,
  x12FunctionalAck,
  x12ReadFunctionalAck,
  edifactContrl,
  edifactContrlRead,
  Message,
  Receiver,
  LexError,
  ParseError,
  LimitError,
  ArgumentError,
  ConversionError,
  IoError,
  InternalError,
  STATUSES,
  MESSAGE_TYPES,
  ACK_STATUSES,
  FORMATS,
  ERROR_CODES,
  VERSION,
  LEX_VERSION,
};
