import fs from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { Config } from './config';
import { requireTemporalAddress } from './config';

function tlsOptions(config: Config) {
  const clientCertPair =
    config.TEMPORAL_TLS_CERT && config.TEMPORAL_TLS_KEY
      ? { crt: fs.readFileSync(config.TEMPORAL_TLS_CERT), key: fs.readFileSync(config.TEMPORAL_TLS_KEY) }
      : undefined;
  const serverRootCACertificate = config.TEMPORAL_TLS_CA ? fs.readFileSync(config.TEMPORAL_TLS_CA) : undefined;
  if (!clientCertPair && !serverRootCACertificate) return config.TEMPORAL_API_KEY ? true : undefined;
  return { clientCertPair, serverRootCACertificate };
}

/** A Temporal client for the API (starting workflows, sending Updates). */
export async function connectTemporalClient(config: Config): Promise<Client> {
  const connection = await Connection.connect({
    address: requireTemporalAddress(config),
    tls: tlsOptions(config),
    apiKey: config.TEMPORAL_API_KEY,
  });
  return new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
}

/** The worker's native connection. */
export function connectTemporalWorker(config: Config): Promise<NativeConnection> {
  return NativeConnection.connect({
    address: requireTemporalAddress(config),
    tls: tlsOptions(config),
    apiKey: config.TEMPORAL_API_KEY,
  });
}
