// Keying worker thread: validates and keys pre-check bodies off the HTTP event loop.
import { parentPort, workerData } from 'node:worker_threads';
import { ProblemException } from '@app/platform';
import { PrecheckError } from '../precheck.errors';
import { keyRequest, type KeyingData } from './keyed-check';
import { KEYING_READY, type KeyingReply, type KeyingRequest } from './keying.messages';

const data = workerData as KeyingData;
const port = parentPort!;

port.on('message', (batch: KeyingRequest[]) => {
  const replies: KeyingReply[] = batch.map((r) => {
    try {
      return { id: r.id, ok: true, check: keyRequest(r, data) };
    } catch (e) {
      if (e instanceof PrecheckError)
        return { id: r.id, ok: false, precheckError: { code: e.code, message: e.message, errors: e.errors } };
      if (e instanceof ProblemException)
        return { id: r.id, ok: false, problem: e.problemBody, headers: e.headers };
      return { id: r.id, ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    }
  });
  port.postMessage(replies);
});
port.postMessage(KEYING_READY);
