// ESM entry point: the same module as index.js (CommonJS), re-exported by name.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const lex = require('./index.js');

export const {
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
} = lex;

export default lex;
