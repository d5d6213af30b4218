import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../../domain/errors';
import { settings } from '../../../runtime/config';
import { sendError } from './error-handler';
import { workflowAdmissionLimit, workflowRequestsInFlight, workflowRequestsShed, workflowRequestsWaiting } from './metrics';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * `workflow`: the request starts or drives a workflow (a case start, a migrant application, a task completion…).
     * Such requests are admitted by this plugin: a bounded number at a time, the others answered 503 at once.
     */
    admission?: 'workflow';
  }
}

export interface AdmissionLimits {
  /** The most admitted at once. */
  maxInFlight: number;
  /** How long a request may wait for a slot before it is shed. */
  maxWaitMs: number;
  /** The time an admitted request should take; the limit adapts to it (0: the limit is `maxInFlight`). */
  targetMs: number;
}

/**
 * A bounded number of requests at a time, and a bounded wait for a slot: `enter` resolves with a ticket when the
 * request is admitted (the caller then calls `leave(ticket)` once) or with null when the request must be shed.
 * Waiting requests are admitted in arrival order; no more wait than may run.
 *
 * The limit adapts to how long admitted requests take (additive increase, multiplicative decrease, as TCP does):
 * a request that took longer than the target cuts the limit in proportion (at most by half, once per generation of
 * admissions: only a request admitted after the last cut cuts again); a fast one that ran while the gate was full
 * raises it by 1/limit (about one per round of requests). So the limit settles where admitted requests meet the target, whatever
 * the worker and Temporal can do at the moment, and the rest is shed instead of waiting. Limits are read at each call
 * (runtime/config.ts), so a test can change them.
 */
/**
 * Where the adapted limit starts: enough for a quiet machine's first burst (a case start takes about 250 ms alone);
 * it grows from there only while requests meet the target and the limit is reached, so it never stands at the
 * maximum without the evidence that the system takes that many at once.
 */
const INITIAL_LIMIT = 8;

export class AdmissionGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private adaptive: number;
  private lastCutAt = Number.NEGATIVE_INFINITY;
  /** The last time a request found no free slot (it waited or was shed) or took the last one. */
  private lastFullAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly limits: () => AdmissionLimits,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.adaptive = Math.min(INITIAL_LIMIT, limits().maxInFlight);
    this.changed();
  }

  get inFlight(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** How many may run at once now: the adapted limit, between min(2, maxInFlight) and maxInFlight. */
  get limit(): number {
    const { maxInFlight, targetMs } = this.limits();
    if (targetMs <= 0) return maxInFlight;
    return Math.max(Math.min(2, maxInFlight), Math.min(maxInFlight, Math.floor(this.adaptive)));
  }

  /** A new ticket for an admitted request whose own work begins now (its time is measured from here). */
  restart(): number {
    return this.now();
  }

  /** Resolves with the ticket of an admitted request, or null when it must be shed. */
  enter(): Promise<number | null> {
    if (this.running < this.limit && this.waiting.length === 0) {
      this.running += 1;
      if (this.running >= this.limit) this.lastFullAt = this.now();
      this.changed();
      return Promise.resolve(this.now());
    }
    this.lastFullAt = this.now();
    const { maxWaitMs } = this.limits();
    if (maxWaitMs <= 0 || this.waiting.length >= this.limit) return Promise.resolve(null);
    return new Promise<number | null>((resolve) => {
      const admit = () => {
        clearTimeout(timer);
        resolve(this.now());
      };
      const timer = setTimeout(() => {
        const at = this.waiting.indexOf(admit);
        if (at >= 0) this.waiting.splice(at, 1);
        this.changed();
        resolve(null);
      }, maxWaitMs);
      this.waiting.push(admit);
      this.changed();
    });
  }

  /** The admitted request with this ticket is done: its slot goes to the next waiting one, and the limit adapts. */
  leave(ticket: number): void {
    this.adapt(ticket, this.now() - ticket);
    this.running -= 1;
    while (this.running < this.limit && this.waiting.length > 0) {
      this.running += 1;
      this.waiting.shift()!();
    }
    this.changed();
  }

  private adapt(admittedAt: number, tookMs: number): void {
    const { maxInFlight, targetMs } = this.limits();
    if (targetMs <= 0) return;
    const floor = Math.min(2, maxInFlight);
    this.adaptive = Math.min(this.adaptive, maxInFlight);
    if (tookMs > targetMs) {
      if (admittedAt < this.lastCutAt) return; // admitted before the last cut: it says nothing new
      this.adaptive = Math.max(floor, this.adaptive * Math.max(0.5, targetMs / tookMs));
      this.lastCutAt = this.now();
    } else if (this.lastFullAt >= admittedAt) {
      // Fast, and the limit was reached while it ran: room for one more, spread over a round of requests.
      this.adaptive = Math.min(maxInFlight, this.adaptive + 1 / Math.max(1, this.adaptive));
    }
  }

  private changed(): void {
    workflowRequestsInFlight.set(this.running);
    workflowRequestsWaiting.set(this.waiting.length);
    workflowAdmissionLimit.set(this.limit);
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
 * Load shedding for the requests that start or drive a workflow (routes with `config.admission: 'workflow'`): a bounded
 * number of them run at once in this process (adapted to API_WORKFLOW_TARGET_MS, at most API_WORKFLOW_MAX_IN_FLIGHT),
 * a request above that waits at most API_WORKFLOW_MAX_WAIT_MS for a slot, and is otherwise answered
 * 503 SERVICE_UNAVAILABLE with Retry-After at once.
 * The check comes first of all hooks, before the session is read: a shed request has touched neither PostgreSQL nor
 * Temporal (no row, no outbox entry, no workflow). Without it every request was taken up, and under a load above
 * what the worker sustains they queued for the database pool and for their workflows until the 30 s answer deadline
 * (or the pool's 10 s) answered 503 — after the application had been recorded. Reads and sign-in are never shed.
 */
export default fp(
  async function admission(fastify: FastifyInstance) {
    const gate = new AdmissionGate(() => settings.workflowAdmission());
    /** The ticket of each admitted request still being handled. */
    const admitted = new WeakMap<FastifyRequest, number>();
    const release = (request: FastifyRequest) => {
      const ticket = admitted.get(request);
      if (ticket === undefined) return;
      admitted.delete(request);
      gate.leave(ticket);
    };
    fastify.decorate('workflowAdmission', gate);
    fastify.addHook('onRequest', async (request, reply) => {
      if (request.routeOptions.config?.admission !== 'workflow') return;
      const ticket = await gate.enter();
      if (ticket !== null) {
        admitted.set(request, ticket);
        return;
      }
      const route = request.routeOptions.url ?? 'unmatched';
      workflowRequestsShed.inc({ route });
      request.log.info(
        { route, inFlight: gate.inFlight, limit: gate.limit },
        'request shed: too many workflow requests in flight',
      );
      return sendError(reply, request, overloaded());
    });
    // Its time counts from the handler on: a slow upload (evidence files of a phone) says nothing about the system's load.
    fastify.addHook('preHandler', async (request) => {
      if (admitted.has(request)) admitted.set(request, gate.restart());
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
