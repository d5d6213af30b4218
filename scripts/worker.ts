// The worker process: runs workflows and activities for the configured task queue until SIGINT/SIGTERM.
import { Runtime } from '@temporalio/worker';
import { loadConfig, requireDatabaseUrl, settings } from '../runtime/config';
import { createDb } from '../runtime/db';
import { checkDatabaseRole } from '../runtime/db-roles';
import { connectTemporalClient, connectTemporalWorker } from '../runtime/temporal-connection';
import { createWorker } from '../runtime/worker';
import { startMailSender } from '../runtime/mail-sender';
import { startPendingStartReconciler } from '../runtime/pending-starts';

async function main(): Promise<void> {
  const config = loadConfig();
  // The SDK's own Prometheus metrics (workflow and activity task latency, failures, schedule-to-start, …).
  const metricsAddress = settings.workerMetricsAddress();
  if (metricsAddress) Runtime.install({ telemetryOptions: { metrics: { prometheus: { bindAddress: metricsAddress } } } });
  const db = createDb(requireDatabaseUrl(config));
  await checkDatabaseRole((sql) => db.$queryRawUnsafe(sql), {
    production: config.APP_MODE === 'production',
    warn: (line) => process.stderr.write(`${line}\n`),
  });
  const connection = await connectTemporalWorker(config);
  const temporal = await connectTemporalClient(config);
  // A workflow bundle built ahead (`bundleWorkflowCode`) makes a (re)start take a second instead of bundling again.
  const bundlePath = settings.workflowBundlePath();
  const workflowBundle = bundlePath ? { codePath: bundlePath } : undefined;
  const worker = await createWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    db,
    temporal,
    workflowBundle,
    reliabilityShortenedCalendar: settings.reliabilityShortenedCalendar(),
  });
  process.stdout.write(`worker polling task queue ${config.TEMPORAL_TASK_QUEUE}\n`);
  const mail = startMailSender({
    db,
    smtpUrl: config.SMTP_URL,
    from: config.SMTP_FROM,
    log: (l) => process.stderr.write(`${l}\n`),
  });
  process.stdout.write(
    mail ? 'mail sender on (SMTP_URL set)\n' : 'mail sender off (SMTP_URL not set); notifications stay in the outbox\n',
  );
  // Case workflows whose API died between opening the case and starting the workflow are started from the outbox.
  const reconciler = startPendingStartReconciler({ db, temporal, log: (l) => process.stderr.write(`${l}\n`) });
  await worker.run(); // returns after shutdown (the SDK handles SIGINT/SIGTERM)
  reconciler.stop();
  mail?.stop();
  await connection.close();
  await temporal.connection.close();
  await db.$disconnect();
}

main().catch((error: unknown) => {
  process.stderr.write(`worker failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
