// Type definitions for the `lex` package (hand-written; checked by `tsc --noEmit` on
// test/types/usage.ts and against the runtime exports by test/surface.test.mjs).

/// <reference types="node" />

/** A wire format. */
export type Format = 'json' | 'xml' | 'x12' | 'edifact';
/** A lead status (one of {@link STATUSES}). */
export type Status =
  | 'CART'
  | 'SHOPPING'
  | 'EXPLORING'
  | 'TEST_DRIVE_REQUESTED'
  | 'TEST_DRIVE_COMPLETED'
  | 'TRADE_IN'
  | 'EXPRESSED_INTEREST'
  | 'RESERVATION'
  | 'APPOINTMENT_REQUEST'
  | 'IN_NEGOTIATION'
  | 'ORDER'
  | 'ORDER_CONFIRMED'
  | 'IN_DELIVERY'
  | 'DELIVERED'
  | 'ARCHIVED';
/** A message type (one of {@link MESSAGE_TYPES}). */
export type MessageType = 'LEAD' | 'ASSET' | 'ACKNOWLEDGMENT' | 'SUBSCRIPTION' | 'LEAD_CLOSURE';
/** Severity of an issue; CRITICAL and ERROR make a message invalid. */
export type IssueLevel = 'CRITICAL' | 'ERROR' | 'WARNING' | 'INFO';
/** A transition verdict. */
export type TransitionVerdict = 'allowed' | 'unlisted' | 'forbidden';
/** A JSON value as JavaScript holds it. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
/** A plain object holding a message tree (`{ lex: { header, payload } }`). */
export type MessageObject = { [key: string]: unknown };
/** Raw input in any of the four formats. */
export type RawInput = string | Uint8Array | ArrayBuffer;
/** Anything that can be read as one message. */
export type MessageInput = RawInput | MessageObject | Message;

/** One finding about a message (extras are present only when they apply). */
export interface Issue {
  level: IssueLevel;
  /** Stable code, e.g. `REQUIRED_FIELD_MISSING`. */
  code: string;
  /** The field as the LEX conformance vectors name it (`lead.status`), else a dotted path. */
  field: string;
  /** RFC 6901 pointer from the message root. */
  pointer: string;
  /** Human-readable text (may change between versions; never match on it). */
  message: string;
  ruleId?: string;
  rejectedValue?: JsonValue;
  allowedValues?: string[];
  constraint?: string;
  threshold?: JsonValue;
  fromStatus?: string;
  toStatus?: string;
  suggestion?: string;
}

/** The result of validating one message. */
export interface Report {
  /** True iff no issue is CRITICAL or ERROR. */
  valid: boolean;
  /** CRITICAL and ERROR issues, in evaluation order. */
  errors: Issue[];
  /** WARNING (and, with `includeInfo`, INFO) issues. */
  warnings: Issue[];
}

/** Resource limits for reading untrusted input; absent fields keep the defaults. */
export interface Limits {
  /** Default 64 MiB. */
  maxInputBytes?: number;
  /** Default 128. */
  maxDepth?: number;
  /** Default 16 MiB. */
  maxStringBytes?: number;
  /** Default 256. */
  maxNumberChars?: number;
  /** Default 4,000,000. */
  maxNodes?: number;
}

export type ReadMode = 'tolerant' | 'strict';

export interface ParseOptions {
  /** Absent: detected from the first bytes. */
  format?: Format;
  mode?: ReadMode;
  limits?: Limits;
}

export interface ValidateOptions {
  /** Format of raw input; absent: detected. */
  format?: Format;
  /** Conformance level; default 2. */
  level?: 1 | 2 | 3 | 'L1' | 'L2' | 'L3';
  /** Alias of `level`. */
  conformanceLevel?: 1 | 2 | 3;
  /** The clock (RFC 3339 text or a Date); default: the system clock. */
  now?: Date | string;
  mode?: ReadMode;
  /** Transition policy; default `default`. */
  policy?: 'default' | 'strict-table';
  /** The lead's stored status (takes precedence over `leadHistory[]`). */
  previousStatus?: Status | string;
  /** Report INFO issues too. */
  includeInfo?: boolean;
  limits?: Limits;
}

export interface WriteOptions {
  /** Default false (compact). */
  pretty?: boolean;
}

export interface ConvertOptions extends WriteOptions {
  /** Source format of raw input; absent: detected. */
  from?: Format;
  mode?: ReadMode;
  limits?: Limits;
}

export interface AcknowledgeOptions {
  /** Override of the default status (RECEIVED, PROCESSED for LEAD_CLOSURE, REJECTED when the report is invalid). */
  status?: string;
  /** A report (from `validate`) to carry in `validationResults`. */
  report?: Report;
  /** The acknowledgment's timestamp; default now. */
  now?: Date | string;
  /** The acknowledgment's messageId; default a fresh UUID v4. */
  messageId?: string;
}

export interface NewMessageOptions {
  /** The header timestamp; default now. */
  now?: Date | string;
  /** The messageId; default a fresh UUID v4. */
  messageId?: string;
}

/** One LEX message; immutable. */
export class Message {
  private constructor();
  /** `lex.header.messageType` as written, or null. */
  readonly messageType: string | null;
  /** `lex.header.messageId`, or null. */
  readonly messageId: string | null;
  /** The format the message was read from (`json` for built messages). */
  readonly sourceFormat: Format;
  /** Warnings found while reading (aliases normalised, EDI envelope findings). */
  readonly readIssues: Issue[];
  /** The message in `format`; `true` is `{ pretty: true }`. */
  to(format: Format, options?: WriteOptions | boolean): string;
  /** Like `to`, on the libuv thread pool. */
  toAsync(format: Format, options?: WriteOptions | boolean): Promise<string>;
  /** Canonical JSON-EDI text, exact (number lexemes and key order kept). */
  toJson(options?: WriteOptions | boolean): string;
  toXml(options?: WriteOptions | boolean): string;
  toX12(options?: WriteOptions | boolean): string;
  toEdifact(options?: WriteOptions | boolean): string;
  /** A fresh plain object (numbers become JavaScript numbers, as with JSON.parse). */
  toObject(): { lex: { [key: string]: JsonValue } };
  /** For JSON.stringify: the plain object. */
  toJSON(): { lex: { [key: string]: JsonValue } };
  /** Compact canonical JSON-EDI. */
  toString(): string;
  /** The customer fingerprint (LEAD with an email or a phone), or null. */
  fingerprint(): string | null;
  /** True when both hold the identical tree (key order and number lexemes included). */
  equals(other: unknown): boolean;
}

/** What a Receiver did with one message. */
export interface Receipt {
  message: Message;
  report: Report;
  /** The acknowledgment to send back; null for dead-lettered (expired) messages. */
  ack: Message | null;
  /** True when this messageId was received before (the original receipt is returned). */
  duplicate: boolean;
  outcome: 'ACCEPTED' | 'REJECTED' | 'DEAD_LETTER';
  /** 200 valid, 410 TTL expired, 422 invalid. */
  httpStatus: number;
  /** The leadId of an active lead with the same customer fingerprint, or null. */
  duplicateOfLead: string | null;
  /** Where a dead-lettered (expired) message goes, else null. */
  routing: 'DLQ' | 'DISCARD' | 'RETURN' | null;
  /** The failure category of a dead-lettered message (`TTL_EXPIRED`), else null. */
  deadLetterReason: string | null;
  /** `retryContext.attemptNumber` of the first delivery that was processed, else null. */
  retryAttempt: number | null;
  /** The customer fingerprint used for duplicate detection (LEAD only), else null. */
  fingerprint: string | null;
}

/** Whether a message may be routed to a recipient (`lex.dataGovernance`). */
export interface ForwardDecision {
  allowed: boolean;
  /** Stable reason code, e.g. `FORWARD_OPEN`, `FORWARD_LOCKED`, `FORWARD_RETENTION_EXPIRED`. */
  code: string;
  /** The published rule behind the decision (`DG-007`, ...), when there is one. */
  ruleId?: string;
  /** The declared forwarding policy. */
  policy?: string;
  /** Human-readable explanation (never match on it). */
  reason: string;
  /** The forwarder should log the forwarding event. */
  auditRequired: boolean;
  /** `declaredAt + maxRetentionDays` (RFC 3339), when both are given. */
  retainUntil?: string;
}

/** A stateful receiving endpoint (in-memory store): idempotency, stored lead status, TTL. */
export class Receiver {
  constructor(options?: ValidateOptions);
  receive(input: MessageInput): Receipt;
  receiveAll(input: MessageInput): Receipt[];
}

/** Base class of every error lex throws. */
export class LexError extends Error {
  constructor(message: string, code?: string, options?: { cause?: unknown });
  /** Stable code (one of {@link ERROR_CODES}); the message text is not stable. */
  readonly code: string;
}

/** Where an error was found; unknown fields are null. */
export interface ErrorLocation {
  line: number | null;
  column: number | null;
  /** 0-based byte offset. */
  offset: number | null;
  /** 1-based EDI segment ordinal. */
  segment: number | null;
  segmentId: string | null;
  element: number | null;
  component: number | null;
  /** RFC 6901 pointer into the tree (plain-object input). */
  path: string | null;
}

/** The input could not be read. */
export class ParseError extends LexError implements ErrorLocation {
  constructor(message: string, code?: string, location?: Partial<ErrorLocation>);
  readonly line: number | null;
  readonly column: number | null;
  readonly offset: number | null;
  readonly segment: number | null;
  readonly segmentId: string | null;
  readonly element: number | null;
  readonly component: number | null;
  readonly path: string | null;
  /** Only the known fields. */
  readonly location: Partial<ErrorLocation>;
}

/** A configured limit was exceeded. */
export class LimitError extends LexError implements ErrorLocation {
  constructor(message: string, code?: string, location?: Partial<ErrorLocation>);
  readonly line: number | null;
  readonly column: number | null;
  readonly offset: number | null;
  readonly segment: number | null;
  readonly segmentId: string | null;
  readonly element: number | null;
  readonly component: number | null;
  readonly path: string | null;
  readonly location: Partial<ErrorLocation>;
}

/** An argument is invalid. */
export class ArgumentError extends LexError {
  constructor(message: string, code?: string);
}

/** The message cannot be written in the requested format (`UNREPRESENTABLE`). */
export class ConversionError extends LexError {
  constructor(message: string, code?: string);
}

/** Reading or writing a file or stream failed (`IO_ERROR`). */
export class IoError extends LexError {
  constructor(message: string, code?: string);
}

/** A bug in lex: an internal invariant failed or a panic was caught (`INTERNAL_ERROR`). */
export class InternalError extends LexError {
  constructor(message: string, code?: string, options?: { cause?: unknown });
}

/** Reads exactly one message; a string second argument is the format. */
export function parse(input: MessageInput, options?: ParseOptions | Format): Message;
/** Reads every message of the input. */
export function parseAll(input: MessageInput, options?: ParseOptions | Format): Message[];
/** `parse` on the libuv thread pool. */
export function parseAsync(input: MessageInput, options?: ParseOptions | Format): Promise<Message>;
/** Validates; unreadable input throws a ParseError. */
export function validate(input: MessageInput, options?: ValidateOptions): Report;
/** `validate` on the libuv thread pool. */
export function validateAsync(input: MessageInput, options?: ValidateOptions): Promise<Report>;
/** Converts any input to `to`; `true` is `{ pretty: true }`. */
export function convert(input: MessageInput, to: Format, options?: ConvertOptions | boolean): string;
/** `convert` on the libuv thread pool. */
export function convertAsync(input: MessageInput, to: Format, options?: ConvertOptions | boolean): Promise<string>;
/** Writes several messages as one X12/EDIFACT interchange (JSON and XML take exactly one). */
export function serializeAll(messages: Iterable<MessageInput>, to: Format, options?: WriteOptions | boolean): string;
/** The format detected from the first bytes, or null. */
export function detect(input: RawInput): Format | null;
/** The customer dedup fingerprint (64 hex characters). */
export function fingerprint(
  email: string | null | undefined,
  phone: string | null | undefined,
  lastName: string | null | undefined,
): string;
export function fingerprint(parts: { email?: string | null; phone?: string | null; lastName?: string | null }): string;
/** The ACKNOWLEDGMENT answering `message`. */
export function acknowledge(message: MessageInput, options?: AcknowledgeOptions): Message;
/** A new message with a fresh messageId (UUID v4), timestamp and version. */
export function newMessage(
  type: MessageType,
  payload: MessageObject,
  senderId: string,
  receiverId: string,
  options?: NewMessageOptions,
): Message;
/** The HTTP status recommended for a report: 200 valid, 410 TTL expired, 422 invalid. */
export function httpStatus(report: Report): number;
/** May `message` be routed to `recipient` (a LEX organisation id)? */
export function mayForward(
  message: MessageInput,
  recipient: string,
  options?: { now?: Date | string },
): ForwardDecision;
/** The LEAD_CLOSURE closing `duplicate` as a duplicate of the lead `canonicalLeadId`. */
export function duplicateClosure(
  duplicate: MessageInput,
  canonicalLeadId: string,
  options?: NewMessageOptions,
): Message;
/** True unless `from → to` is forbidden (default policy); unknown statuses throw ArgumentError. */
export function transitionAllowed(from: Status | string, to: Status | string): boolean;
/** The verdict on `from → to` under `policy`. */
export function checkTransition(
  from: Status | string,
  to: Status | string,
  policy?: 'default' | 'strict-table',
): TransitionVerdict;

/** The X12 997 functional acknowledgment answering a received X12 interchange. */
export function x12FunctionalAck(input: RawInput, options?: ParseOptions): string;
/** The 997 acknowledgments of an X12 interchange: one object per acknowledged group. */
export function x12ReadFunctionalAck(input: RawInput, options?: ParseOptions): { [key: string]: JsonValue }[];
/** The EDIFACT CONTRL interchange answering a received EDIFACT interchange. */
export function edifactContrl(input: RawInput): string;
/** The reports of an EDIFACT CONTRL interchange: one object per CONTRL message. */
export function edifactContrlRead(input: RawInput): { [key: string]: JsonValue }[];

export const STATUSES: readonly Status[];
export const MESSAGE_TYPES: readonly MessageType[];
export const ACK_STATUSES: readonly string[];
export const FORMATS: readonly Format[];
export const ERROR_CODES: readonly string[];
/** The version of this toolkit. */
export const VERSION: string;
/** The LEX version written into new messages. */
export const LEX_VERSION: string;
