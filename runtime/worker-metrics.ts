import { Runtime, type ActivityInterceptorsFactory } from '@temporalio/worker';
import { WORKFLOW_FAILURES_METRIC } from '../workflows/lib/metrics-interceptor';

/**
 * The product's own metrics of a worker, exported through the Temporal SDK's Prometheus endpoint
 * (`WORKER_METRICS_ADDRESS`) next to the SDK's metrics: how long each activity (the writes of every step, local
 * activities included) takes and whether it failed, and procedures that ended in failure (counted by
 * `workflows/lib/metrics-interceptor.ts` inside the workflow sandbox, reported here at zero until the first one).
 */
export function workerMetricsInterceptors(taskQueue: string): ActivityInterceptorsFactory[] {
  const meter = Runtime.instance().metricMeter.withTags({ task_queue: taskQueue });
  meter.createCounter(WORKFLOW_FAILURES_METRIC, 'workflows', 'Procedures (workflows) that ended in failure').add(0);
  const seconds = meter.createHistogram(
    'cg_activity_seconds',
    'float',
    's',
    'Activity execution time on this worker (local activities included)',
  );
  return [
    (ctx) => ({
      inbound: {
        async execute(input, next) {
          const started = performance.now();
          const tags = { activity_type: ctx.info.activityType, local: String(ctx.info.isLocal) };
          try {
            const result = await next(input);
            seconds.record((performance.now() - started) / 1000, { ...tags, outcome: 'completed' });
            return result;
          } catch (error) {
            seconds.record((performance.now() - started) / 1000, { ...tags, outcome: 'failed' });
            throw error;
          }
        },
      },
    }),
  ];
}
