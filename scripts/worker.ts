// The worker process: runs workflows and activities for the configured task queue until SIGINT, SIGTERM or SIGHUP,
// then stops polling, lets running activities finish, closes its connections and prints "stopped" (runtime/shutdown.ts).
import { Runtime } from '@temporalio/worker';
import { loadConfig, requireDatabaseUrl, settings } from '../runtime/config';
import { createDb } from '../runtime/db';
import { checkDatabaseRole } from '../runtime/db-roles';
import { connectTemporalClient, connectTemporalWorker } from '../runtime/temporal-connection';
import { createWorker } from '../runtime/worker';
import { startWorkerProcessGauges } from '../runtime/worker-metrics';
import { startMailSender } from '../runtime/mail-sender';
import { startWebhookDispatcher } from '../runtime/webhook-dispatcher';
import { startChannelSending } from '../runtime/channel-sender';
import { startPendingStartReconciler } from '../runtime/pending-starts';
import { exitAfterStopping, installShutdown, onShutdown } from '../runtime/shutdown';

const log = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  installShutdown({ log, signalExitCode: 0 });
  const config = loadConfig();
  // The SDK's own Prometheus metrics (workflow and activity task latency, failures, schedule-to-start, …). Signals are
  // ours (installShutdown), not the SDK's.
  const metricsAddress = settings.workerMetricsAddress();
  Runtime.install({
    shutdownSignals: [],
    ...(metricsAddress ? { telemetryOptions: { metrics: { prometheus: { bindAddress: metricsAddress } } } } : {}),
  });
  const db = createDb(requireDatabaseUrl(config));
  onShutdown('database pool', () => db.$disconnect());
  await checkDatabaseRole((sql) => db.$queryRawUnsafe(sql), {
    production: config.APP_MODE === 'production',
    warn: (line) => process.stderr.write(`${line}\n`),
  });
  const connection = await connectTemporalWorker(config);
  onShutdown('Temporal worker connection', () => connection.close());
  const temporal = await connectTemporalClient(config);
  onShutdown('Temporal client connection', () => temporal.connection.close());
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
    reliabilityObjectionWindowMs: settings.reliabilityObjectionWindowMs(),
  });
  process.stdout.write(`worker polling task queue ${config.TEMPORAL_TASK_QUEUE}\n`);
  // With a metrics endpoint: the process's memory and the workflow cache beside the SDK's metrics.
  const gauges = metricsAddress ? startWorkerProcessGauges(worker, config.TEMPORAL_TASK_QUEUE) : undefined;
  const mail = startMailSender({
    db,
    smtpUrl: config.SMTP_URL,
    from: config.SMTP_FROM,
    log: (l) => process.stderr.write(`${l}\n`),
  });
  process.stdout.write(
    mail ? 'mail sender on (SMTP_URL set)\n' : 'mail sender off (SMTP_URL not set); notifications stay in the outbox\n',
  );
  // Events for other systems: the webhook outbox, delivered with retries (runtime/webhook-dispatcher.ts).
  const webhooks = startWebhookDispatcher({ db, log: (l) => process.stderr.write(`${l}\n`) });
  onShutdown('webhook dispatcher', () => webhooks.stop());
  // Reminders by SMS and the 政务 IM robot, when configured (runtime/senders/).
  const channels = startChannelSending({ db, log: (l) => process.stderr.write(`${l}\n`) });
  process.stdout.write(channels ? 'SMS/IM senders on\n' : 'SMS/IM senders off (SMS_GATEWAY_URL, IM_WEBHOOK_URL not set)\n');
  onShutdown('SMS and IM senders', () => channels?.stop());
  // Case workflows whose API died between opening the case and starting the workflow are started from the outbox.
  const reconciler = startPendingStartReconciler({ db, temporal, log: (l) => process.stderr.write(`${l}\n`) });
  onShutdown('mail sender and start reconciler', () => {
    reconciler.stop();
    mail?.stop();
    gauges?.stop();
  });
  const running = worker.run();
  // Stops polling and waits for the tasks in hand (the SDK's shutdown), before the connections close.
  onShutdown('worker', async () => {
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await running;
  });
  await running;
}

main().then(
  () => exitAfterStopping(0),
  (error: unknown) => {
    process.stderr.write(`worker failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return exitAfterStopping(1);
  },
);
