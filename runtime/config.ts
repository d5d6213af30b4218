import { z } from 'zod';

/**
 * Process configuration from the environment, validated once. Everything has a development default so that
 * `npm start` works on a fresh machine; production deployments set the variables (see README, "Configuration").
 */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** `demo` seeds the documented demo organizations and users on an empty database; `production` never seeds. */
  APP_MODE: z.enum(['demo', 'production']).default('demo'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Public origin behind a TLS proxy, e.g. https://gov.example.cn ; makes session cookies Secure. */
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** What the API and the worker connect as: the application role (no DDL, SELECT and INSERT only on audit_event). */
  DATABASE_URL: z.string().min(1).optional(),
  /** The owner role, for migrations (npm start, npm run db:migrate), which then grants DATABASE_URL's role its rights. */
  MIGRATION_DATABASE_URL: z.string().min(1).optional(),
  TEMPORAL_ADDRESS: z.string().min(1).optional(),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('community-governance'),
  /** mTLS to an external Temporal cluster (both files, PEM). */
  TEMPORAL_TLS_CERT: z.string().optional(),
  TEMPORAL_TLS_KEY: z.string().optional(),
  /** CA certificate (PEM file) of a self-hosted cluster whose certificate is not signed by a public CA. */
  TEMPORAL_TLS_CA: z.string().optional(),
  TEMPORAL_API_KEY: z.string().optional(),
  DATA_DIR: z.string().optional(),
  /** SMTP server for mail copies of notifications; mail stays in the outbox when unset. */
  SMTP_URL: z.string().optional(),
  SMTP_FROM: z.string().default('社区治理平台 <noreply@localhost>'),
});

export type Config = z.infer<typeof envSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}

/** The database URL a process must use; set by `npm start` when it runs the embedded server. */
export function requireDatabaseUrl(config: Config): string {
  if (!config.DATABASE_URL) throw new Error('DATABASE_URL is not set');
  return config.DATABASE_URL;
}

export function requireTemporalAddress(config: Config): string {
  if (!config.TEMPORAL_ADDRESS) throw new Error('TEMPORAL_ADDRESS is not set');
  return config.TEMPORAL_ADDRESS;
}

/**
 * Settings read where they are used, each from the environment at the moment of use (tests and the reliability
 * harnesses set some per process or per test). The one other place that reads the environment is `loadConfig` above.
 */
export const settings = {
  /** TEMPORAL_ANSWER_TIMEOUT_MS: how long a request waits for Temporal before answering 503 (default 30 s). */
  answerTimeoutMs(): number {
    const configured = Number(process.env.TEMPORAL_ANSWER_TIMEOUT_MS);
    return Number.isFinite(configured) && configured > 0 ? configured : 30_000;
  },
  /**
   * Admission of the requests that start or drive a workflow (api/plugins/app/admission.ts), per API process:
   * - API_WORKFLOW_TARGET_MS (default 1000): the time such a request should take once admitted. The number admitted
   *   at once adapts to it: it shrinks when admitted requests take longer (the worker or Temporal is the bottleneck:
   *   by Little's law, more in flight only makes each one slower) and grows back while they are fast. Half the 2 s p99
   *   goal, so that the tail stays inside it. 0 turns adaptation off (the limit is API_WORKFLOW_MAX_IN_FLIGHT).
   * - API_WORKFLOW_MAX_IN_FLIGHT (default 32): the most admitted at once, whatever the latency. Each holds a database
   *   connection for its writes (pool of 10, short) and waits for its workflow's first step; a quiet 2-core machine
   *   completes about 20 case starts/s at about 1 s each with 32 in flight, so more would only queue.
   * - API_WORKFLOW_MAX_WAIT_MS (default 250): how long a request above the limit may wait for a slot before it is shed
   *   (503 with Retry-After); smooths bursts without letting a shed answer take long. 0 sheds at once.
   */
  workflowAdmission(): { maxInFlight: number; maxWaitMs: number; targetMs: number } {
    const number = (name: string, fallback: number, min: number) => {
      const raw = process.env[name];
      const value = Number(raw);
      return raw && Number.isFinite(value) && value >= min ? value : fallback;
    };
    return {
      maxInFlight: Math.floor(number('API_WORKFLOW_MAX_IN_FLIGHT', 32, 1)),
      maxWaitMs: number('API_WORKFLOW_MAX_WAIT_MS', 250, 0),
      targetMs: number('API_WORKFLOW_TARGET_MS', 1_000, 0),
    };
  },
  /** PDF_CJK_FONT=/path/to/font.ttf|ttc[#PostScriptName]: the Chinese font for PDFs instead of the system's. */
  pdfCjkFont(): string | undefined {
    return process.env.PDF_CJK_FONT || undefined;
  },
  /** LOG_FORMAT=pretty: human-readable API logs (pino-pretty) instead of JSON lines. */
  prettyLogs(): boolean {
    return process.env.LOG_FORMAT === 'pretty';
  },
  /** TRUST_PROXY=true: the API is behind a reverse proxy whose X-Forwarded-* headers it trusts. */
  trustProxy(): boolean {
    return process.env.TRUST_PROXY === 'true';
  },
  /** METRICS_TOKEN: when set, GET /metrics requires `Authorization: Bearer <token>`. */
  metricsToken(): string | undefined {
    return process.env.METRICS_TOKEN || undefined;
  },
  /** WEB_DIST_DIR: the built web app, when not web/dist (tests that build their own copy). */
  webDistDir(): string | undefined {
    return process.env.WEB_DIST_DIR;
  },
  /** PUBLIC_RATE_LIMIT_MAX: requests per minute per client on the public check endpoints (default 60). */
  publicRateLimitMax(): number {
    return Number(process.env.PUBLIC_RATE_LIMIT_MAX ?? 60);
  },
  /** PUBLIC_URL, else http://localhost:PORT: the origin printed in issued documents' verification links. */
  publicUrl(): string {
    return (process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, '');
  },
  /** PUBLIC_QUERY_RATE_LIMIT_MAX: requests per minute per client on 我要查 and its rating (query codes; default 10). */
  publicQueryRateLimitMax(): number {
    return Number(process.env.PUBLIC_QUERY_RATE_LIMIT_MAX ?? 10);
  },
  /** Whether PUBLIC_URL is an https origin (then HSTS is sent). */
  publicUrlIsHttps(): boolean {
    return process.env.PUBLIC_URL?.startsWith('https://') ?? false;
  },
  /** TEMPORAL_CLI: the Temporal CLI binary to use instead of PATH or the tools cache. */
  temporalCli(): string | undefined {
    return process.env.TEMPORAL_CLI || undefined;
  },
  /** DATA_DIR: local state between runs (default .data in the clone). */
  dataDir(): string | undefined {
    return process.env.DATA_DIR;
  },
  /** COMMUNITY_GOVERNANCE_TOOLS_DIR, else $XDG_CACHE_HOME/community-governance/tools: tools built once per machine. */
  toolsDir(): string | undefined {
    return process.env.COMMUNITY_GOVERNANCE_TOOLS_DIR;
  },
  xdgCacheHome(): string | undefined {
    return process.env.XDG_CACHE_HOME;
  },
  /** WORKER_METRICS_ADDRESS (host:port): the worker's Prometheus endpoint for the SDK's metrics. */
  workerMetricsAddress(): string | undefined {
    return process.env.WORKER_METRICS_ADDRESS || undefined;
  },
  /**
   * RELIABILITY_SHORTENED_CALENDAR=true: for the reliability harnesses' workers only (chaos runs whole elections in
   * seconds). Elections started on such a worker use the calendar of seconds in activities/election.ts instead of the
   * statute's days. Never set in production; tests use Temporal's time-skipping server instead.
   */
  reliabilityShortenedCalendar(): boolean {
    return process.env.RELIABILITY_SHORTENED_CALENDAR === 'true';
  },
  /**
   * npm_lifecycle_event (set by npm for a script and inherited by what it starts): the process runs under npm, and
   * stops itself when its parent is gone (npm killed, or the `npm start` that spawned it), see runtime/shutdown.ts.
   */
  startedByNpm(): boolean {
    return Boolean(process.env.npm_lifecycle_event);
  },
  /**
   * RELIABILITY_OBJECTION_WINDOW_MS: with the shortened calendar, the objection window in ms (default 1,500), for a
   * harness that files many objections (the bench's big-community scenario, tests/temporal-limits.test.ts).
   */
  reliabilityObjectionWindowMs(): number | undefined {
    const ms = Number(process.env.RELIABILITY_OBJECTION_WINDOW_MS);
    return Number.isInteger(ms) && ms > 0 ? ms : undefined;
  },
  /**
   * The worker's workflow cache and task slots (README, "Configuration"; issue 19 has the measurements).
   *
   * WORKER_MAX_CACHED_WORKFLOWS (default 100): workflows kept in the worker's sticky cache between their tasks. Each
   * cached workflow holds its own instance of every workflow module (the SDK's reusable V8 context re-evaluates the
   * bundle's modules per workflow: the procedures, the domain's rules and zod forms), about 2.5 MB of RSS each on
   * this code. The SDK's default is sized from the V8 heap limit (2,310 on a 4 GB heap), which a season's open
   * applications fill: +750 % RSS in a 2-minute soak. A workflow needs the cache only between the tasks of one step
   * (an Update, its activities, the answer: about a second); one waiting days for a committee gains nothing from
   * staying, and an evicted workflow is replayed from its history on its next task (a few ms of CPU for an
   * application's short history). 100 covers every workflow in mid-step at the sustainable rate with room to spare,
   * and bounds the cache at about 250 MB. Raise it for a worker with more cores and memory.
   *
   * WORKER_MAX_CONCURRENT_WORKFLOW_TASKS (default 40, the SDK's): workflow tasks the worker takes at once. They run
   * one at a time on the single workflow thread; the rest wait in memory. At most the cache size (the SDK clamps it).
   */
  workerCache(): { maxCachedWorkflows: number; maxConcurrentWorkflowTaskExecutions: number } {
    const positive = (value: string | undefined, fallback: number) => {
      const n = Number(value);
      return value !== undefined && value !== '' && Number.isInteger(n) && n >= 2 ? n : fallback;
    };
    const maxCachedWorkflows = positive(process.env.WORKER_MAX_CACHED_WORKFLOWS, 100);
    const tasks = positive(process.env.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS, 40);
    return { maxCachedWorkflows, maxConcurrentWorkflowTaskExecutions: Math.min(tasks, maxCachedWorkflows) };
  },
  /** WORKFLOW_BUNDLE_PATH: a workflow bundle built ahead, so a worker (re)start does not bundle again. */
  workflowBundlePath(): string | undefined {
    return process.env.WORKFLOW_BUNDLE_PATH || undefined;
  },
  /** For `npm run db:migrate`: DATABASE_URL and MIGRATION_DATABASE_URL as given (no other variable validated). */
  migrationUrls(): { databaseUrl?: string; migrationUrl?: string } {
    const databaseUrl = process.env.DATABASE_URL;
    return { databaseUrl, migrationUrl: process.env.MIGRATION_DATABASE_URL ?? databaseUrl };
  },
  /** For `npm run db:new-migration`: any server to diff the schema on (DATABASE_URL, else TEST_DATABASE_URL). */
  scratchServerUrl(): string | undefined {
    return process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  },
  /** EMBEDDED_PG_PORT, TEMPORAL_DEV_PORT, TEMPORAL_DEV_UI_PORT: ports of the servers `npm start` runs itself. */
  embeddedPostgresPort(): number {
    return Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  },
  temporalDevPorts(): { port: number; uiPort: number } {
    return { port: Number(process.env.TEMPORAL_DEV_PORT ?? 7233), uiPort: Number(process.env.TEMPORAL_DEV_UI_PORT ?? 8233) };
  },

  // ── Reminders that reach people: SMS and 政务 IM (issue 20 item 8; runtime/senders/) ────────────────────────────
  /**
   * The SMS gateway, off unless SMS_GATEWAY_URL is set: a simple HTTP JSON gateway (runtime/senders/sms.ts) with
   * SMS_APP_KEY and SMS_APP_SECRET (signs each request) and SMS_SIGN_NAME (the 短信签名, default 社区治理平台).
   * A province's SMS platform replaces it with an adapter of the same interface.
   */
  smsGateway(): { url: string; appKey: string; appSecret: string; signName: string } | undefined {
    const url = process.env.SMS_GATEWAY_URL;
    if (!url) return undefined;
    return {
      url,
      appKey: process.env.SMS_APP_KEY ?? '',
      appSecret: process.env.SMS_APP_SECRET ?? '',
      signName: process.env.SMS_SIGN_NAME || '社区治理平台',
    };
  },
  /**
   * The 政务 IM robot (钉钉/浙政钉-style signed webhook), off unless IM_WEBHOOK_URL is set (its access_token in the
   * URL); IM_WEBHOOK_SECRET signs each post (timestamp and sign query parameters, runtime/senders/im.ts).
   */
  imWebhook(): { url: string; secret: string } | undefined {
    const url = process.env.IM_WEBHOOK_URL;
    if (!url) return undefined;
    return { url, secret: process.env.IM_WEBHOOK_SECRET ?? '' };
  },
  /** CHANNEL_SEND_INTERVAL_MS (default 5000) and CHANNEL_MAX_ATTEMPTS (default 8): the SMS and IM senders' rounds and retries. */
  channelSending(): { intervalMs: number; maxAttempts: number } {
    const interval = Number(process.env.CHANNEL_SEND_INTERVAL_MS);
    const attempts = Number(process.env.CHANNEL_MAX_ATTEMPTS);
    return {
      intervalMs: Number.isFinite(interval) && interval > 0 ? interval : 5_000,
      maxAttempts: Number.isInteger(attempts) && attempts > 0 ? attempts : 8,
    };
  },
  // ── Events for other systems (webhooks, issue 21 item 6; runtime/webhook-dispatcher.ts) ──────────────────────────
  /**
   * WEBHOOK_SECRET_KEY: 32 bytes (64 hex digits or base64) that encrypt the subscriptions' signing secrets at rest
   * (AES-256-GCM, runtime/webhook-secrets.ts). Required with APP_MODE=production; otherwise a fixed development key
   * stands in (printed as a warning by whoever uses it).
   */
  webhookSecretKey(): { key: string | undefined; production: boolean } {
    return { key: process.env.WEBHOOK_SECRET_KEY || undefined, production: process.env.APP_MODE === 'production' };
  },
  /**
   * The worker's webhook dispatcher:
   * - WEBHOOK_DISPATCH_INTERVAL_MS (default 2000): how often it looks for due deliveries (0: dispatcher off);
   * - WEBHOOK_MAX_ATTEMPTS (default 10): attempts before a delivery is "failed" (an administrator can redeliver);
   * - WEBHOOK_BACKOFF_BASE_MS (default 10000) and WEBHOOK_BACKOFF_MAX_MS (default 3600000): the wait before attempt
   *   n+1 is base·2^(n-1), at most max, with jitter (a random half of it), so 10 attempts span about 3 hours;
   * - WEBHOOK_TIMEOUT_MS (default 10000): how long one POST may take.
   */
  webhookDispatch(): { intervalMs: number; maxAttempts: number; backoffBaseMs: number; backoffMaxMs: number; timeoutMs: number } {
    const number = (name: string, fallback: number, min: number) => {
      const raw = process.env[name];
      const value = Number(raw);
      return raw && Number.isFinite(value) && value >= min ? value : fallback;
    };
    return {
      intervalMs: number('WEBHOOK_DISPATCH_INTERVAL_MS', 2_000, 0),
      maxAttempts: Math.floor(number('WEBHOOK_MAX_ATTEMPTS', 10, 1)),
      backoffBaseMs: number('WEBHOOK_BACKOFF_BASE_MS', 10_000, 1),
      backoffMaxMs: number('WEBHOOK_BACKOFF_MAX_MS', 3_600_000, 1),
      timeoutMs: number('WEBHOOK_TIMEOUT_MS', 10_000, 1),
    };
  },
};

/** This process's environment with `changes`, for a child process (unset a variable with undefined). */
export function childEnvironment(changes: Record<string, string | undefined>): NodeJS.ProcessEnv {
  return { ...process.env, ...changes };
}
