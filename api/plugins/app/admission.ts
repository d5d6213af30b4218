import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../../domain/errors';
import { settings } from '../../../runtime/config';
import { sendError } from './error-handler';
import { workflowRequestsInFlight, workflowRequestsShed, workflowRequestsWaiting } from './metrics';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * `workflow`: the request starts or drives a workflow (a case start, a migrant application, a task completion…).
     * Such requests are admitted by this plugin: a bounded number at a time, the others answered 503 at once.
     */
    admission?: 'workflow';
  }
}

/**
 * A bounded number of requests at a time, and a bounded wait for a slot: `enter` resolves true when admitted (the
 * caller then calls `leave` once) or false when the request must be shed. Waiting requests are admitted in arrival
 * order; no more wait than run. The limits are read at each call (runtime/config.ts), so a test can lower them.
 */
export class AdmissionGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limits: () => { maxInFlight: number; maxWaitMs: number }) {}

  get inFlight(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  enter(): Promise<boolean> {
    const { maxInFlight, maxWaitMs } = this.limits();
    if (this.running < maxInFlight && this.waiting.length === 0) {
      this.running += 1;
      this.changed();
      return Promise.resolve(true);
    }
    if (maxWaitMs <= 0 || this.waiting.length >= maxInFlight) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      const admit = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        const at = this.waiting.indexOf(admit);
        if (at >= 0) this.waiting.splice(at, 1);
        this.changed();
        resolve(false);
      }, maxWaitMs);
      this.waiting.push(admit);
      this.changed();
    });
  }

  leave(): void {
    this.running -= 1;
    const { maxInFlight } = this.limits();
    while (this.running < maxInFlight && this.waiting.length > 0) {
      this.running += 1;
      this.waiting.shift()!();
    }
    this.changed();
  }

  private changed(): void {
    workflowRequestsInFlight.set(this.running);
    workflowRequestsWaiting.set(this.waiting.length);
  }
}

/** Seconds a shed client is asked to wait: 2 to 4, spread so that shed clients do not all come back at once. */
function retryAfterSeconds(): number {
  return 2 + Math.floor(Math.random() * 3);
}

/** The answer to a shed request: nothing was started, so the client may simply send it again later. */
export function overloaded(): AppError {
  const seconds = retryAfterSeconds();
  return new AppError('SERVICE_UNAVAILABLE', {
    message: {
      'zh-CN': `系统繁忙，您的请求未被受理，也未作任何记录。请在 ${seconds} 秒后重新提交。`,
      en: `The system is busy: your request was not taken up and nothing was recorded. Send it again in ${seconds} seconds.`,
    },
    details: { reason: 'overloaded', retryAfterSeconds: seconds },
  });
}

/**
 * Load shedding for the requests that start or drive a workflow (routes with `config.admission: 'workflow'`): at most
 * API_WORKFLOW_MAX_IN_FLIGHT of them run at once in this process, a request above that waits at most
 * API_WORKFLOW_MAX_WAIT_MS for a slot, and is otherwise answered 503 SERVICE_UNAVAILABLE with Retry-After at once.
 * The check comes first of all hooks, before the session is read: a shed request has touched neither PostgreSQL nor
 * Temporal (no row, no outbox entry, no workflow). Without it every request was taken up, and under a load above
 * what the worker sustains they queued for the database pool and for their workflows until the 30 s answer deadline
 * (or the pool's 10 s) answered 503 — after the application had been recorded. Reads and sign-in are never shed.
 */
export default fp(
  async function admission(fastify: FastifyInstance) {
    const gate = new AdmissionGate(() => settings.workflowAdmission());
    const admitted = new WeakSet<FastifyRequest>();
    const release = (request: FastifyRequest) => {
      if (admitted.delete(request)) gate.leave();
    };
    fastify.decorate('workflowAdmission', gate);
    fastify.addHook('onRequest', async (request, reply) => {
      if (request.routeOptions.config?.admission !== 'workflow') return;
      if (await gate.enter()) {
        admitted.add(request);
        return;
      }
      const route = request.routeOptions.url ?? 'unmatched';
      workflowRequestsShed.inc({ route });
      request.log.info({ route, inFlight: gate.inFlight }, 'request shed: too many workflow requests in flight');
      return sendError(reply, request, overloaded());
    });
    // The work is over once the answer is being sent (a client that went away still gets here when the handler ends);
    // onResponse as well, for an answer that skipped onSend.
    fastify.addHook('onSend', async (request) => release(request));
    fastify.addHook('onResponse', async (request) => release(request));
  },
  { name: 'admission', dependencies: ['metrics'] },
);

declare module 'fastify' {
  interface FastifyInstance {
    /** The admission of workflow requests (./admission.ts): in flight and waiting now. */
    workflowAdmission: AdmissionGate;
  }
}
