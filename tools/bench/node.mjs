// Node.js benchmark of lex against its peers (make bench-node). Prints a Markdown table and
// writes it to build/bench-results/node.md. Peers come from build/bench-node/node_modules
// (NODE_PATH). A benchmark program, not a test: verdicts are compared and reported only.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(process.env.NODE_PATH || root, 'x.js'));
const lex = createRequire(import.meta.url)(path.join(root, 'bindings-node/index.js'));
const corpus = process.env.LEX_BENCH_CORPUS || path.join(root, 'build/bench-corpus');
const schemas = path.join(path.resolve(root, process.env.LEX_SPEC_DIR || '../shared/spec/lex-1.0'), 'schemas');
const BASE = 'https://lexstandard.org/schemas/v1/';
const TYPES = {
  LEAD: 'LEX_LEAD_SCHEMA.json',
  ASSET: 'LEX_ASSET_SCHEMA.json',
  ACKNOWLEDGMENT: 'LEX_ACKNOWLEDGMENT_SCHEMA.json',
  SUBSCRIPTION: 'LEX_SUBSCRIPTION_SCHEMA.json',
  LEAD_CLOSURE: 'LEX_LEAD_CLOSURE_SCHEMA.json',
};

/** Best time per call in ns over 5 rounds of at least 0.3 s each, after a warm-up round. */
function measure(fn) {
  let n = 1;
  for (;;) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn();
    const dt = Number(process.hrtime.bigint() - t0);
    if (dt > 3e8) break;
    n *= dt < 3e7 ? 10 : 2;
  }
  let best = Infinity;
  for (let r = 0; r < 5; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / n);
  }
  return best;
}

function ajvPeer() {
  const Ajv = require('ajv');
  const addFormats = require('ajv-formats');
  const ajv = new Ajv({ strict: false, allErrors: false });
  addFormats(ajv);
  for (const file of [...Object.values(TYPES), 'LEX_MESSAGE_SCHEMA.json']) {
    const text = fs.readFileSync(path.join(schemas, file), 'utf8').replace(/^\uFEFF/, '');
    ajv.addSchema(JSON.parse(text), BASE + file);
  }
  const byType = {};
  for (const [type, file] of Object.entries(TYPES)) {
    byType[type] = ajv.compile({
      allOf: [
        { $ref: BASE + file },
        {
          type: 'object',
          required: ['header'],
          properties: { header: { $ref: BASE + 'LEX_MESSAGE_SCHEMA.json#/definitions/MessageHeader' } },
        },
      ],
    });
  }
  return (text) => {
    const doc = JSON.parse(text);
    const v = byType[doc?.lex?.header?.messageType];
    return v ? v(doc.lex) : false;
  };
}

const rows = [];
const notes = [];
const row = (op, impl, bytes, ns, ref) =>
  rows.push({ op, impl, bytes, ns, ratio: ref ? (ns / ref).toFixed(2) + '×' : '—' });

let ajv = null;
try {
  ajv = ajvPeer();
} catch (e) {
  notes.push(`ajv peer not measured: ${e.message}`);
}
for (const size of ['small', 'typical', 'large']) {
  for (const kind of ['valid', 'invalid']) {
    const file = path.join(corpus, `${size}-${kind}.json`);
    if (!fs.existsSync(file)) continue;
    const text = fs.readFileSync(file, 'utf8');
    const buf = Buffer.from(text);
    const op = `json-validate/${size}-${kind}`;
    const ours = lex.validate(text).valid;
    const lexNs = measure(() => lex.validate(text));
    row(op, 'lex.validate(string)', buf.length, lexNs);
    row(op, 'lex.validate(Buffer)', buf.length, measure(() => lex.validate(buf)));
    row(op, 'JSON.parse alone', buf.length, measure(() => JSON.parse(text)), lexNs);
    if (ajv) {
      const theirs = ajv(text);
      if (theirs !== ours) notes.push(`${size}-${kind}.json: verdicts differ (lex ${ours}, ajv ${theirs})`);
      row(op, 'JSON.parse + ajv (compiled)', buf.length, measure(() => ajv(text)), lexNs);
    }
  }
}

// EDI reads: the 100-message interchanges of the corpus, read from text by everyone. The
// peers tokenize (EDIFACT: segments; X12: the envelope/segment object model); lex reads
// whole messages. Both must find the 100 messages (or their segments), else a note says so.
const edi = path.join(corpus, 'edifact-batch.edi');
if (fs.existsSync(edi)) {
  const text = fs.readFileSync(edi, 'latin1');
  const op = 'edifact-read/100-typical';
  const ours = lex.parseAll(text, { format: 'edifact' }).length;
  const lexNs = measure(() => lex.parseAll(text, { format: 'edifact' }));
  row(op, 'lex.parseAll', text.length, lexNs);
  try {
    const Reader = require('edifact/reader.js');
    const segments = () => new Reader().parse(text);
    const unh = segments().filter((s) => s.name === 'UNH').length;
    if (unh !== ours) notes.push(`edifact-batch.edi: messages differ (lex ${ours}, edifact (npm) ${unh} UNH segments)`);
    row(op, 'edifact (npm) Reader.parse', text.length, measure(() => segments().length), lexNs);
  } catch (e) {
    notes.push(`edifact (npm) not measured: ${e.message}`);
  }
}
const x12 = path.join(corpus, 'x12-batch.x12');
if (fs.existsSync(x12)) {
  const text = fs.readFileSync(x12, 'latin1');
  const op = 'x12-read/100-typical';
  const ours = lex.parseAll(text, { format: 'x12' }).length;
  const lexNs = measure(() => lex.parseAll(text, { format: 'x12' }));
  row(op, 'lex.parseAll', text.length, lexNs);
  try {
    const { X12Parser } = require('node-x12');
    const read = () => new X12Parser(true).parse(text);
    const sets = read().functionalGroups.reduce((n, g) => n + g.transactions.length, 0);
    if (sets !== ours) notes.push(`x12-batch.x12: messages differ (lex ${ours}, node-x12 ${sets} transaction sets)`);
    row(op, 'node-x12 X12Parser.parse (strict)', text.length, measure(read), lexNs);
  } catch (e) {
    notes.push(`node-x12 not measured: ${e.message}`);
  }
  notes.push('x12-parser (npm) not measured: it is a Node stream transform only (no synchronous parse).');
} else {
  notes.push('X12 not measured: the corpus has no x12-batch.x12.');
}

const trivial = measure(() => lex.transitionAllowed('SHOPPING', 'ORDER'));
row('per-call overhead', 'lex.transitionAllowed (trivial call into the addon)', 0, trivial);
const js = measure(() => JSON.stringify(1));
row('per-call overhead', 'JSON.stringify(1) (pure JS, for scale)', 0, js);

let out = '### Node.js (' + process.version + ', hand-written harness, one process)\n\n';
out += '| operation / input | implementation | bytes | µs/op | MB/s | this time ÷ lex time |\n';
out += '|---|---|---:|---:|---:|---:|\n';
for (const r of rows) {
  const us = r.ns / 1e3;
  const mbps = r.bytes ? ((r.bytes / r.ns) * 1e3).toFixed(1) : '—';
  const usText = us < 1 ? `${r.ns.toFixed(0)} ns` : us.toFixed(2);
  out += `| ${r.op} | ${r.impl} | ${r.bytes || '—'} | ${usText} | ${mbps} | ${r.ratio} |\n`;
}
if (notes.length) out += '\n' + notes.map((n) => `- ${n}`).join('\n') + '\n';
console.log(out);
fs.mkdirSync(path.join(root, 'build/bench-results'), { recursive: true });
fs.writeFileSync(path.join(root, 'build/bench-results/node.md'), out);
