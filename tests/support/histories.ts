import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as proto from '@temporalio/proto';
import { patchProtobufRoot } from '@temporalio/proto/lib/patch-protobuf-root';

type History = proto.temporal.api.history.v1.IHistory;

/**
 * A workflow history stored as JSON (`temporal workflow show --output json`), read into a History for
 * `Worker.runReplayHistory`. The SDK's own `historyFromJSON` cannot read it in this install: package-lock.json keeps
 * one protobufjs under @temporalio/common and another under @temporalio/proto, and protojson checks message types
 * by `instanceof`. The JSON is therefore read by the protojson of the protobufjs that @temporalio/proto loads.
 */
export function readHistory(file: string): History {
  const requireFromProto = createRequire(require.resolve('@temporalio/proto'));
  const protojson = requireFromProto('protobufjs/ext/protojson') as {
    fromJson: (type: unknown, json: unknown, options: { ignoreUnknownFields: boolean }) => History | null;
  };
  const root = patchProtobufRoot(proto) as unknown as { lookupType: (name: string) => unknown };
  const historyType = root.lookupType('temporal.api.history.v1.History');
  const history = protojson.fromJson(historyType, JSON.parse(fs.readFileSync(file, 'utf8')), { ignoreUnknownFields: true });
  if (!history) throw new TypeError(`Not a workflow history: ${path.basename(file)}`);
  return history;
}
