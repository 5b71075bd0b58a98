// Typed usage of the public surface: `tsc --noEmit -p test/types` must accept it, so
// index.d.ts stays usable. Never executed.
import lex = require('../../index.js');
import type { Issue, Report, Receipt, Format, ErrorLocation } from '../../index.js';

const text = '{"lex":{"header":{"messageType":"LEAD"},"payload":{}}}';
const msg: lex.Message = lex.parse(text);
const again: lex.Message = lex.parse(Buffer.from(text), 'json');
const fromObject = lex.parse({ lex: { header: {}, payload: {} } }, { mode: 'strict', limits: { maxDepth: 64 } });
const all: lex.Message[] = lex.parseAll(new Uint8Array(Buffer.from(text)));
const type: string | null = msg.messageType;
const id: string | null = msg.messageId;
const src: Format = msg.sourceFormat;
const json: string = msg.toJson({ pretty: true }) + msg.toJson(true) + msg.toJson();
const obj = msg.toObject();
const header: unknown = obj.lex['header'];
// The README's walk through a plain object compiles under `strict`, as after JSON.parse.
const ackStatus: string = ack0().toObject().lex.payload.acknowledgment.status;
const leadId: string = msg.toJSON().lex.payload.lead.leadId;
function ack0(): lex.Message {
  return lex.acknowledge(msg);
}
const fp: string | null = msg.fingerprint();
const same: boolean = msg.equals(again);

const report: Report = lex.validate(msg, {
  level: 'L2',
  now: new Date(),
  policy: 'strict-table',
  previousStatus: 'CART',
});
const first: Issue | undefined = report.errors[0];
const code: string | undefined = first?.code;
const rejected = first?.rejectedValue;

const converted: string = lex.convert(text, 'json', { pretty: true, from: 'json' });
const detected: Format | null = lex.detect(text);
const hash: string =
  lex.fingerprint('a@example.com', '+14155551234', 'Smith') + lex.fingerprint({ email: 'a@example.com' });
const ack: lex.Message = lex.acknowledge(msg, {
  report,
  status: 'RECEIVED',
  now: '2026-04-03T12:00:00Z',
  messageId: 'x',
});
const built: lex.Message = lex.newMessage('LEAD', { leadId: 'L-1' }, 'S', 'R', { now: new Date(0) });
const ok: boolean = lex.transitionAllowed('CART', 'ORDER');
const verdict: 'allowed' | 'unlisted' | 'forbidden' = lex.checkTransition('CART', 'ORDER', 'default');

const decision: lex.ForwardDecision = lex.mayForward(msg, 'DEALER-002', { now: new Date() });
const allowed: boolean = decision.allowed && decision.code.length > 0;
const closure: lex.Message = lex.duplicateClosure(msg, 'LEAD-N-0000', { now: '2026-04-03T12:00:00Z' });
const receiver = new lex.Receiver({ level: 3, now: '2026-04-03T12:00:00Z' });
const receipt: Receipt = receiver.receive(text);
const status: number = receipt.httpStatus;
const outcome: 'ACCEPTED' | 'REJECTED' | 'DEAD_LETTER' = receipt.outcome;
const maybeAck: lex.Message | null = receipt.ack;
const receipts: Receipt[] = receiver.receiveAll(Buffer.from(text));
const routing: 'DLQ' | 'DISCARD' | 'RETURN' | null = receipt.routing;
const attempt: number | null = receipt.retryAttempt;

const statuses: readonly lex.Status[] = lex.STATUSES;
const types: readonly lex.MessageType[] = lex.MESSAGE_TYPES;
const versions: string =
  lex.VERSION + lex.LEX_VERSION + lex.FORMATS.join() + lex.ERROR_CODES.join() + lex.ACK_STATUSES.join();

async function asyncUse(): Promise<void> {
  const r: Report = await lex.validateAsync(Buffer.from(text), { level: 1 });
  const c: string = await lex.convertAsync(msg, 'xml');
  const m: lex.Message = await lex.parseAsync(text);
  const x: string = await m.toAsync('x12', { pretty: false });
  void r;
  void c;
  void x;
}

function handle(e: unknown): string {
  if (e instanceof lex.ParseError) {
    const loc: Partial<ErrorLocation> = e.location;
    const line: number | null = e.line;
    return `${e.code} ${line} ${loc.offset ?? ''} ${e.segmentId ?? ''}`;
  }
  if (e instanceof lex.LimitError) return `${e.code} ${e.path ?? ''}`;
  if (e instanceof lex.ArgumentError) return e.code;
  if (e instanceof lex.LexError) return e.code;
  return String(e);
}

// @ts-expect-error: Message has no public constructor
new lex.Message();
// @ts-expect-error: not a format
lex.convert(text, 'yaml');
// @ts-expect-error: level out of range
lex.validate(text, { level: 4 });

void [
  again,
  fromObject,
  all,
  type,
  id,
  src,
  json,
  header,
  fp,
  same,
  code,
  rejected,
  converted,
  detected,
  hash,
  ack,
  built,
  ok,
  verdict,
  status,
  outcome,
  maybeAck,
  receipts,
  statuses,
  types,
  versions,
  asyncUse,
  handle,
];
