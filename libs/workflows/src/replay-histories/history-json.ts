import { readFileSync } from 'node:fs';
import * as proto from '@temporalio/proto';
import { patchProtobufRoot } from '@temporalio/proto/lib/patch-protobuf-root';

export type History = proto.temporal.api.history.v1.IHistory;

interface ProtoJson {
  fromJson(type: unknown, json: unknown, options: { ignoreUnknownFields: boolean }): History;
  toJson(type: unknown, message: unknown): unknown;
}

/**
 * `historyFromJSON`/`historyToJSON` of @temporalio/common fail here ("type must be a Type"): npm installed a protobufjs
 * of their own beside the one @temporalio/proto's types were built with. So histories are read and written with the
 * protobufjs that built the types, in the JSON `temporal workflow show --output json` writes (enums spelled in full).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const protoJson = require(require.resolve('protobufjs/ext/protojson', { paths: [require.resolve('@temporalio/proto')] })) as ProtoJson;
const historyType = (patchProtobufRoot(proto) as unknown as { lookupType(name: string): unknown }).lookupType('temporal.api.history.v1.History');

export function readHistoryFile(file: string): History {
  return protoJson.fromJson(historyType, JSON.parse(readFileSync(file, 'utf8')), { ignoreUnknownFields: true });
}

/** A history as a file's text, in the JSON `temporal workflow show --output json` writes: a real run's history can be added as is. */
export function historyFileText(history: History): string {
  return `${JSON.stringify(protoJson.toJson(historyType, proto.temporal.api.history.v1.History.fromObject(history)), null, 2)}\n`;
}
