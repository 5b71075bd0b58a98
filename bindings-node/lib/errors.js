'use strict';
// The error family. The native layer throws N-API errors whose message is a record prefix
// followed by JSON ({code, kind, message, line?, column?, offset?, segment?, segmentId?,
// element?, component?, path?}); `translate` turns them into these classes.

const RECORD_PREFIX = '\u0001LEX';

/** Base class of every error lex throws; `code` is stable, the message text is not. */
class LexError extends Error {
  constructor(message, code = 'INTERNAL_ERROR', options = undefined) {
    super(message, options);
    this.name = 'LexError';
    this.code = code;
  }
}

const LOCATION_KEYS = ['line', 'column', 'offset', 'segment', 'segmentId', 'element', 'component', 'path'];

function setLocation(err, record) {
  for (const k of LOCATION_KEYS) err[k] = record[k] === undefined ? null : record[k];
}

function locationOf(err) {
  const loc = {};
  for (const k of LOCATION_KEYS) if (err[k] !== null && err[k] !== undefined) loc[k] = err[k];
  return loc;
}

/** The input could not be read: syntax, encoding, envelope, not a LEX message, ... */
class ParseError extends LexError {
  constructor(message, code = 'SYNTAX_ERROR', record = {}) {
    super(message, code);
    this.name = 'ParseError';
    setLocation(this, record);
  }
  /** The location fields that are known. */
  get location() {
    return locationOf(this);
  }
}

/** A configured limit (size, depth, token size, count) was exceeded. */
class LimitError extends LexError {
  constructor(message, code = 'SIZE_LIMIT_EXCEEDED', record = {}) {
    super(message, code);
    this.name = 'LimitError';
    setLocation(this, record);
  }
  /** The location fields that are known. */
  get location() {
    return locationOf(this);
  }
}

/** An argument is invalid (unknown format, bad option, unknown status, ...). */
class ArgumentError extends LexError {
  constructor(message, code = 'INVALID_ARGUMENT') {
    super(message, code);
    this.name = 'ArgumentError';
  }
}

/** The message cannot be written in the requested format (`UNREPRESENTABLE`). */
class ConversionError extends LexError {
  constructor(message, code = 'UNREPRESENTABLE') {
    super(message, code);
    this.name = 'ConversionError';
  }
}

/** Reading or writing a file or stream failed (`IO_ERROR`). */
class IoError extends LexError {
  constructor(message, code = 'IO_ERROR') {
    super(message, code);
    this.name = 'IoError';
  }
}

/** A bug in lex: an internal invariant failed or a panic was caught (`INTERNAL_ERROR`). */
class InternalError extends LexError {
  constructor(message, code = 'INTERNAL_ERROR', options = undefined) {
    super(message, code, options);
    this.name = 'InternalError';
  }
}

function describe(record) {
  const parts = [];
  if (record.line != null && record.column != null) parts.push(`line ${record.line}, column ${record.column}`);
  if (record.offset != null) parts.push(`byte ${record.offset}`);
  if (record.segment != null) {
    let p = `segment ${record.segment} (${record.segmentId ?? '?'})`;
    if (record.element != null) p += `, element ${record.element}`;
    if (record.component != null) p += `, component ${record.component}`;
    parts.push(p);
  }
  if (record.path != null) parts.push(`at ${record.path || '/'}`);
  return parts.length ? `${record.message} (${parts.join(', ')})` : record.message;
}

// N-API argument conversion failures (a wrong type reached the native layer).
const NAPI_ARGUMENT_CODES = new Set([
  'InvalidArg',
  'ObjectExpected',
  'StringExpected',
  'NameExpected',
  'FunctionExpected',
  'NumberExpected',
  'BooleanExpected',
  'ArrayExpected',
  'BigintExpected',
]);

/** Turns whatever the native layer threw into a LexError (subclass). */
function translate(e) {
  if (e instanceof LexError) return e;
  const msg = e && typeof e.message === 'string' ? e.message : String(e);
  if (msg.startsWith(RECORD_PREFIX)) {
    let record;
    try {
      record = JSON.parse(msg.slice(RECORD_PREFIX.length));
    } catch {
      return new InternalError(msg);
    }
    const text = describe(record);
    switch (record.kind) {
      case 'parse':
        return new ParseError(text, record.code, record);
      case 'limit':
        return new LimitError(text, record.code, record);
      case 'argument':
        return new ArgumentError(text, record.code);
      case 'conversion':
        return new ConversionError(text, record.code);
      case 'io':
        return new IoError(text, record.code);
      default:
        return new InternalError(text, record.code);
    }
  }
  if (e && NAPI_ARGUMENT_CODES.has(e.code)) return new ArgumentError(msg);
  // Anything else is a failure of the native layer itself (e.g. a panic caught by napi-rs).
  return new InternalError(`internal error (a bug in lex, please report it): ${msg}`, 'INTERNAL_ERROR', { cause: e });
}

/** Runs `f`, rethrowing native errors as LexErrors. */
function call(f) {
  try {
    return f();
  } catch (e) {
    throw translate(e);
  }
}

/** Awaits a native promise, rejecting with LexErrors. */
function settle(promise) {
  return promise.catch((e) => {
    throw translate(e);
  });
}

module.exports = {
  LexError,
  ParseError,
  LimitError,
  ArgumentError,
  ConversionError,
  IoError,
  InternalError,
  translate,
  call,
  settle,
};
