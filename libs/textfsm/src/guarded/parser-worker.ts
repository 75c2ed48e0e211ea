/**
 * The guarded parser's thread (guarded-parser.ts): opens the template folders once, then parses what it is sent, one
 * request at a time, telling the main thread each template it starts and writing where it is into the shared position.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { TemplateLibrary } from '../templates/template-library';
import { TextFsmError } from '../textfsm-error';
import type { ParserReply, ParserRequest, ParserWorkerData } from './parser-messages';

const { folders, position } = workerData as ParserWorkerData;
const port = parentPort!;
let library: TemplateLibrary | null = null;

port.on('message', (request: ParserRequest) => {
  const reply = (message: ParserReply) => port.postMessage(message);
  try {
    library ??= TemplateLibrary.open(folders);
    const records = library.parse(request.platform, request.command, request.output, {
      position: new Int32Array(position),
      templateStarted: (name) => reply({ id: request.id, kind: 'template', name }),
    });
    reply({ id: request.id, kind: 'records', records });
  } catch (error) {
    if (error instanceof TextFsmError) reply({ id: request.id, kind: 'error', code: error.code, message: error.message, where: error.where });
    else reply({ id: request.id, kind: 'error', code: null, message: error instanceof Error ? error.message : String(error), where: {} });
  }
});
