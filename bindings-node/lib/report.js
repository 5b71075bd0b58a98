'use strict';
// Reports from the addon → plain report objects, with the issue lists read lazily.
//
// A report without issues arrives as a plain object already. A report with issues arrives as
// its canonical JSON text (building many small objects through N-API is slower than
// JSON.parse); parsing it costs more than the validation itself on small messages, and most
// callers only look at `valid`. So `valid` is read at once and `errors`/`warnings` are parsed
// on first access, as the Python binding does.
//
// The object stays a plain object in everything a caller can see: its prototype is
// Object.prototype, its own enumerable keys are `valid`, `errors`, `warnings` in that order,
// and the first read of either list (by property access, Object.keys/entries, spread,
// JSON.stringify, structuredClone, assert.deepStrictEqual, util.inspect) turns both into
// ordinary data properties in place. Before that, only reflection shows the difference:
// Object.getOwnPropertyDescriptor gives accessors and Reflect.ownKeys a non-enumerable
// `util.inspect.custom` symbol (removed on the first read).
//
// Why own accessors and not a class with prototype getters: assert.deepStrictEqual compares
// prototypes and own keys, Object.keys/spread/JSON.stringify see own enumerable properties
// only, so a class instance would differ from the plain object everywhere.
const { inspect } = require('node:util');

// Canonical compact JSON starts with the `valid` member (core `Report::to_value`).
const VALID = '{"valid":true,';
const INVALID = '{"valid":false,';

/** Makes `key` a data property holding `value` if it is still an accessor (not deleted). */
function define(report, key, value) {
  if (Object.getOwnPropertyDescriptor(report, key)?.get === undefined) return;
  Reflect.defineProperty(report, key, { value, writable: true, enumerable: true, configurable: true });
}

// util.inspect / console.log show accessors as `[Getter/Setter]`: the report settles first,
// then `this` returned means "format me as usual", which prints the plain object.
function inspectSelf() {
  void this.errors;
  // A report frozen before its first read keeps its accessors: print a plain copy of it.
  return 'value' in (Object.getOwnPropertyDescriptor(this, 'errors') ?? {}) ? this : { ...this };
}

/** A lazy report over the canonical JSON `text` of a report with issues. */
function lazyReport(valid, text) {
  let parsed;
  // Parses once; both lists become data properties in place (the key order stays: a
  // redefined property keeps its position). A frozen report keeps its accessors.
  const settle = () => {
    if (parsed === undefined) {
      parsed = JSON.parse(text);
      text = undefined;
      define(out, 'errors', parsed.errors);
      define(out, 'warnings', parsed.warnings);
      Reflect.deleteProperty(out, inspect.custom);
    }
    return parsed;
  };
  const assign = (key, v) => {
    settle();
    const d = Object.getOwnPropertyDescriptor(out, key);
    if (d === undefined || !('value' in d) || !d.writable) {
      throw new TypeError(`Cannot assign to read only property '${key}' of object`);
    }
    out[key] = v;
  };
  const out = {
    valid,
    get errors() {
      return settle().errors;
    },
    set errors(v) {
      assign('errors', v);
    },
    get warnings() {
      return settle().warnings;
    },
    set warnings(v) {
      assign('warnings', v);
    },
  };
  Object.defineProperty(out, inspect.custom, { value: inspectSelf, configurable: true });
  return out;
}

/** A report from the addon: the object itself, or a lazy object over its JSON text. */
function report(r) {
  if (typeof r !== 'string') return r;
  if (r.startsWith(VALID)) return lazyReport(true, r);
  if (r.startsWith(INVALID)) return lazyReport(false, r);
  return JSON.parse(r);
}

module.exports = { report };
