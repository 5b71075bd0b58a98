'use strict';
// Normalises the friendly JavaScript arguments into the one spelling the native layer takes.
const { ArgumentError } = require('./errors.js');

/** string → UTF-8 bytes; Buffer/Uint8Array as is; ArrayBuffer viewed. */
function bytes(input) {
  if (typeof input === 'string') return Buffer.from(input, 'utf8');
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  throw new ArgumentError(
    `the input must be a string, a Buffer, a Uint8Array, a plain object or a Message, not ${kind(input)}`,
  );
}

function kind(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? `an object (${v.constructor ? v.constructor.name : 'no prototype'})` : typeof v;
}

function optionsObject(options, what) {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object') throw new ArgumentError(`${what} must be an object, not ${kind(options)}`);
  return options;
}

function str(v, name) {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new ArgumentError(`${name} must be a string, not ${kind(v)}`);
  return v;
}

function bool(v, name) {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw new ArgumentError(`${name} must be a boolean, not ${kind(v)}`);
  return v;
}

function instant(v, name = 'now') {
  if (v === undefined || v === null) return undefined;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) throw new ArgumentError(`${name} is an invalid Date`);
    return v.toISOString();
  }
  return str(v, name);
}

const LIMIT_KEYS = ['maxInputBytes', 'maxDepth', 'maxStringBytes', 'maxNumberChars', 'maxNodes'];

function limits(v) {
  if (v === undefined || v === null) return undefined;
  const o = optionsObject(v, 'limits');
  const out = {};
  for (const k of LIMIT_KEYS) {
    if (o[k] === undefined || o[k] === null) continue;
    if (typeof o[k] !== 'number') throw new ArgumentError(`limits.${k} must be a number, not ${kind(o[k])}`);
    out[k] = o[k];
  }
  return out;
}

/** `level`: 1, 2, 3 or "L1".."L3" (also `conformanceLevel`). */
function level(o) {
  const v = o.level ?? o.conformanceLevel;
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^[Ll]?[1-3]$/.test(v)) return Number(v.slice(-1));
  // Anything else goes to the core as a non-integer, which names the error with its own text.
  return NaN;
}

/** parse/parseAll options; a bare string is the format. */
function readArgs(options) {
  if (typeof options === 'string') return { format: options };
  const o = optionsObject(options, 'options');
  return { format: str(o.format, 'format'), mode: str(o.mode, 'mode'), limits: limits(o.limits) };
}

/** Validation options; `undefined` when there are none (the addon then skips reading them). */
function validateArgs(options) {
  if (options === undefined || options === null) return undefined;
  const o = optionsObject(options, 'options');
  return {
    format: str(o.format, 'format'),
    level: level(o),
    now: instant(o.now),
    mode: str(o.mode, 'mode'),
    policy: str(o.policy, 'policy'),
    previousStatus: str(o.previousStatus, 'previousStatus'),
    includeInfo: bool(o.includeInfo, 'includeInfo'),
    limits: limits(o.limits),
  };
}

/** Writer options; a bare boolean is `pretty`. */
function writeArgs(options) {
  if (typeof options === 'boolean') return { pretty: options };
  const o = optionsObject(options, 'options');
  return {
    from: str(o.from, 'from'),
    pretty: bool(o.pretty, 'pretty'),
    mode: str(o.mode, 'mode'),
    limits: limits(o.limits),
  };
}

function buildArgs(options) {
  const o = optionsObject(options, 'options');
  let reportJson;
  if (o.report !== undefined && o.report !== null) {
    if (typeof o.report !== 'object') throw new ArgumentError(`report must be a report object, not ${kind(o.report)}`);
    reportJson = JSON.stringify(o.report);
  }
  return {
    status: str(o.status, 'status'),
    reportJson,
    now: instant(o.now),
    messageId: str(o.messageId, 'messageId'),
  };
}

module.exports = { bytes, kind, str, readArgs, validateArgs, writeArgs, buildArgs };
