import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { settings } from '../../../runtime/config';

/** Prometheus metrics of the API process at GET /metrics (bearer METRICS_TOKEN when set). */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'cg_api_' });

const requests = new Counter({
  name: 'cg_api_http_requests_total',
  help: 'HTTP requests',
  labelNames: ['method', 'route', 'status'],
  registers: [registry],
});
const duration = new Histogram({
  name: 'cg_api_http_request_duration_seconds',
  help: 'HTTP request duration',
  labelNames: ['method', 'route'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});
/** Task completion latency: request → Update accepted → workflow settled (next task written). */
export const taskCompletionSeconds = new Histogram({
  name: 'cg_task_completion_seconds',
  help: 'Task completion through the workflow Update, until the workflow settled',
  labelNames: ['outcome'],
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [registry],
});

/** Temporal calls that failed for a reason other than a domain refusal: a start Temporal refused, an Update that errored. */
export const workflowFailures = new Counter({
  name: 'cg_api_workflow_failures_total',
  help: 'Workflow starts and task-completion Updates that failed (not refusals such as 409/422)',
  labelNames: ['operation'],
  registers: [registry],
});
for (const operation of ['start', 'complete']) workflowFailures.inc({ operation }, 0);

/** Admission of the requests that start or drive a workflow (./admission.ts): how many run, wait, were shed. */
export const workflowRequestsInFlight = new Gauge({
  name: 'cg_api_workflow_requests_in_flight',
  help: 'Requests that start or drive a workflow being handled now (at most API_WORKFLOW_MAX_IN_FLIGHT)',
  registers: [registry],
});
export const workflowRequestsWaiting = new Gauge({
  name: 'cg_api_workflow_requests_waiting',
  help: 'Requests that start or drive a workflow waiting for a slot (at most API_WORKFLOW_MAX_WAIT_MS each)',
  registers: [registry],
});
export const workflowAdmissionLimit = new Gauge({
  name: 'cg_api_workflow_admission_limit',
  help: 'How many requests that start or drive a workflow are admitted at once now (adapts to API_WORKFLOW_TARGET_MS)',
  registers: [registry],
});
export const workflowRequestsShed = new Counter({
  name: 'cg_api_workflow_requests_shed_total',
  help: 'Requests that start or drive a workflow answered 503 at once because the API was at its limit (nothing started)',
  labelNames: ['route'],
  registers: [registry],
});

export default fp(
  async function metrics(fastify: FastifyInstance) {
    fastify.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url ?? 'unmatched';
      requests.inc({ method: request.method, route, status: String(reply.statusCode) });
      duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    });
    fastify.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
      const token = settings.metricsToken();
      if (token && request.headers.authorization !== `Bearer ${token}`) return reply.status(401).send('unauthorized');
      return reply.type(registry.contentType).send(await registry.metrics());
    });
  },
  { name: 'metrics' },
);
