'use strict';
// The Message class: an immutable handle on a native message.
const native = require('./native.js');
const { call, settle } = require('./errors.js');
const { writeArgs } = require('./args.js');

const TOKEN = Symbol('lex.Message');
let nativeOf;

/** One LEX message. Build one with `parse`, `newMessage` or `acknowledge`. Immutable. */
class Message {
  #native;

  constructor(token, handle) {
    if (token !== TOKEN) {
      throw new TypeError('Message has no public constructor: use lex.parse(), lex.newMessage() or lex.acknowledge()');
    }
    this.#native = handle;
  }

  static {
    nativeOf = (m) => m.#native;
  }

  /** `lex.header.messageType` as written, or null. */
  get messageType() {
    return call(() => this.#native.messageType) ?? null;
  }

  /** `lex.header.messageId`, or null. */
  get messageId() {
    return call(() => this.#native.messageId) ?? null;
  }

  /** The format the message was read from (`json` for built messages). */
  get sourceFormat() {
    return call(() => this.#native.sourceFormat);
  }

  /** Warnings found while reading (aliases normalised, EDI envelope findings). */
  get readIssues() {
    return JSON.parse(call(() => this.#native.readIssuesJson()));
  }

  /** The message in `format` (`json`, `xml`, `x12`, `edifact`). */
  to(format, options) {
    const { pretty } = writeArgs(options);
    return call(() => this.#native.serialize(format, pretty ?? false));
  }

  /** Like `to`, on the libuv thread pool. */
  toAsync(format, options) {
    return settle(Promise.resolve().then(() => native.serializeAsync(this.#native, format, writeArgs(options))));
  }

  /** Canonical JSON-EDI text; exact (number lexemes and key order kept). Compact unless `pretty`. */
  toJson(options) {
    return this.to('json', options);
  }

  /** XML-EDI text. */
  toXml(options) {
    return this.to('xml', options);
  }

  /** An ANSI X12 850 interchange. */
  toX12(options) {
    return this.to('x12', options);
  }

  /** A UN/EDIFACT ORDERS interchange. */
  toEdifact(options) {
    return this.to('edifact', options);
  }

  /** A fresh plain object (numbers become JavaScript numbers, as with JSON.parse). */
  toObject() {
    return JSON.parse(this.toJson());
  }

  /** For JSON.stringify: the plain object. */
  toJSON() {
    return this.toObject();
  }

  /** Canonical compact JSON-EDI. */
  toString() {
    return this.toJson();
  }

  /** The customer fingerprint (LEAD with an email or a phone), or null. */
  fingerprint() {
    return call(() => this.#native.fingerprint()) ?? null;
  }

  /** True when both messages hold the identical tree (key order and number lexemes included). */
  equals(other) {
    return other instanceof Message && call(() => this.#native.sameTree(nativeOf(other)));
  }

  get [Symbol.toStringTag]() {
    return 'Message';
  }

  /** How `console.log` and `util.inspect` show a message. */
  [Symbol.for('nodejs.util.inspect.custom')]() {
    return `Message <${this.messageType ?? '?'} ${this.messageId ?? 'no messageId'}>`;
  }
}

function wrap(handle) {
  return new Message(TOKEN, handle);
}

module.exports = { Message, wrap, nativeOf: (m) => nativeOf(m) };
