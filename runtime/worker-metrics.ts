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

/** What a worker reports about its sticky cache and the tasks in hand (the SDK's `Worker.getStatus()`). */
interface WorkerStatusSource {
  getStatus(): { numCachedWorkflows: number; numInFlightWorkflowActivations: number; numInFlightActivities: number };
}

/**
 * The worker process's memory and its workflow cache as gauges on the same Prometheus endpoint, sampled every
 * `intervalMs`: `cg_worker_memory_bytes{kind=rss|heap_used|heap_total|external|array_buffers}` (process.memoryUsage),
 * `cg_worker_cached_workflows` (workflows kept in the sticky cache, each with its state in the worker's V8 heap),
 * `cg_worker_workflow_activations_in_flight` and `cg_worker_activities_in_flight`. The bench's soak reads them to
 * tell the cache's share of the memory from the rest.
 */
export function startWorkerProcessGauges(worker: WorkerStatusSource, taskQueue: string, intervalMs = 5_000): { stop(): void } {
  const meter = Runtime.instance().metricMeter.withTags({ task_queue: taskQueue });
  const memory = meter.createGauge(
    'cg_worker_memory_bytes',
    'int',
    'bytes',
    'Memory of the worker process (process.memoryUsage)',
  );
  const cached = meter.createGauge('cg_worker_cached_workflows', 'int', 'workflows', 'Workflows in the sticky cache');
  const activations = meter.createGauge(
    'cg_worker_workflow_activations_in_flight',
    'int',
    'activations',
    'Workflow activations being processed',
  );
  const activities = meter.createGauge('cg_worker_activities_in_flight', 'int', 'activities', 'Activities being executed');
  const sample = () => {
    const m = process.memoryUsage();
    memory.set(m.rss, { kind: 'rss' });
    memory.set(m.heapUsed, { kind: 'heap_used' });
    memory.set(m.heapTotal, { kind: 'heap_total' });
    memory.set(m.external, { kind: 'external' });
    memory.set(m.arrayBuffers, { kind: 'array_buffers' });
    const status = worker.getStatus();
    cached.set(status.numCachedWorkflows);
    activations.set(status.numInFlightWorkflowActivations);
    activities.set(status.numInFlightActivities);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
