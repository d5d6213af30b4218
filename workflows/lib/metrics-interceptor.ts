// Workflow interceptor (bundled with the workflows): counts procedures that end in failure, per workflow type, in the
// worker's Prometheus metrics (`cg_workflow_failures`). The SDK does not emit workflow metrics during replay, so a
// failure is counted once, by the worker that decided it.
import { isCancellation, metricMeter, TemporalFailure, type WorkflowInterceptorsFactory } from '@temporalio/workflow';

/** The counter's name, shared with the worker that reports it at zero before the first failure. */
export const WORKFLOW_FAILURES_METRIC = 'cg_workflow_failures';

export const interceptors: WorkflowInterceptorsFactory = () => ({
  inbound: [
    {
      async execute(input, next) {
        try {
          return await next(input);
        } catch (error) {
          // Only a Temporal failure fails the workflow; any other error fails the workflow task, which is retried.
          if (error instanceof TemporalFailure && !isCancellation(error)) {
            metricMeter
              .createCounter(WORKFLOW_FAILURES_METRIC, 'workflows', 'Procedures (workflows) that ended in failure')
              .add(1);
          }
          throw error;
        }
      },
    },
  ],
});
