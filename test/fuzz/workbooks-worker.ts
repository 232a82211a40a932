// Reads one workbook per message for test/fuzz/workbooks.ts (a hang is seen from the other thread).
import { parentPort } from 'node:worker_threads';
import { readWorkbook } from '../../src/lib/parse/xlsx.ts';

parentPort!.on('message', (bytes: Uint8Array) => {
  let outcome = 'read';
  try {
    readWorkbook(bytes);
  } catch (e) {
    outcome = (e as { code?: string }).code ?? 'THROWN';
  }
  parentPort!.postMessage(outcome);
});
