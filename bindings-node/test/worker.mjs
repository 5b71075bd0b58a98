// Worker body for async.test.mjs: loads the addon in its own thread and validates.
import { parentPort, workerData } from 'node:worker_threads';
import lex from './lex.mjs';

const results = [];
for (let i = 0; i < workerData.rounds; i++) {
  const report = lex.validate(workerData.input, { now: workerData.now });
  const asyncReport = await lex.validateAsync(workerData.input, { now: workerData.now });
  results.push({ sync: report, async: asyncReport, fp: lex.parse(workerData.input).fingerprint() });
}
let error;
try {
  lex.parse('{"lex":');
} catch (e) {
  error = { name: e.name, code: e.code, offset: e.offset };
}
parentPort.postMessage({ results, error });
