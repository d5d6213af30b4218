import type { LocalizedText } from './localized-text';

export type { LocalizedText } from './localized-text';

/**
 * The one catalogue of error codes: HTTP status and the readable message in Chinese and English.
 * The API's error handler, the workflows' rejections and the web client all name errors by these codes.
 */
const catalogue = {
  VALIDATION_FAILED: {
    status: 400,
    'zh-CN': '提交的数据不符合要求，请检查标出的字段。',
    en: 'The submitted data is invalid; check the fields listed.',
  },
  MALFORMED_JSON: { status: 400, 'zh-CN': '请求体不是有效的 JSON。', en: 'The request body is not valid JSON.' },
  BAD_REQUEST: { status: 400, 'zh-CN': '请求无法处理。', en: 'The request cannot be processed.' },
  INVALID_CREDENTIALS: { status: 401, 'zh-CN': '用户名或密码错误。', en: 'Wrong username or password.' },
  UNAUTHENTICATED: { status: 401, 'zh-CN': '请先登录。', en: 'Please sign in first.' },
  FORBIDDEN: { status: 403, 'zh-CN': '您无权执行此操作。', en: 'You are not allowed to do this.' },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    'zh-CN': '管理员设置的初始密码须先修改，修改密码后才能继续使用。',
    en: 'The password an administrator set must be changed before you can continue.',
  },
  NOT_FOUND: { status: 404, 'zh-CN': '未找到该记录。', en: 'No such record.' },
  ROUTE_NOT_FOUND: { status: 404, 'zh-CN': '接口不存在。', en: 'No such endpoint.' },
  METHOD_NOT_ALLOWED: { status: 405, 'zh-CN': '不支持该请求方法。', en: 'Method not allowed.' },
  TASK_ALREADY_COMPLETED: { status: 409, 'zh-CN': '该任务已由他人办结。', en: 'This task has already been completed.' },
  TASK_CLAIMED: { status: 409, 'zh-CN': '该任务已被他人认领。', en: 'Another official has claimed this task.' },
  MIXED_TASK_KINDS: { status: 400, 'zh-CN': '批量操作只能针对同一类任务。', en: 'Bulk actions apply to tasks of one kind only.' },
  TASK_NOT_OPEN: { status: 409, 'zh-CN': '该任务当前不可办理。', en: 'This task cannot be acted on now.' },
  RETURN_NOT_ALLOWED: {
    status: 422,
    'zh-CN': '本环节不能退回至所选环节（法定可退回的环节见任务页）。',
    en: 'This step may not send the file back to the step chosen (the task page lists the steps the law allows).',
  },
  TAKE_BACK_NOT_ALLOWED: {
    status: 409,
    'zh-CN': '下一环节已认领或办理，不能再取回。',
    en: 'The next step has been claimed or acted on; the completion can no longer be taken back.',
  },
  TAKE_BACK_NOT_YOURS: {
    status: 403,
    'zh-CN': '只有办结该环节的人员本人可以取回。',
    en: 'Only the official who completed the step may take it back.',
  },
  CONFLICT: { status: 409, 'zh-CN': '数据已被修改，请刷新后重试。', en: 'The record changed meanwhile; reload and try again.' },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    'zh-CN': '该幂等键已用于另一项不同的请求，请换用新的键。',
    en: 'This Idempotency-Key was used for a different request; use a new key.',
  },
  PAYLOAD_TOO_LARGE: { status: 413, 'zh-CN': '提交的内容过大。', en: 'The request is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, 'zh-CN': '不支持的内容类型。', en: 'Unsupported content type.' },
  RULE_FAILED: {
    status: 422,
    'zh-CN': '不符合法定条件，详见所列条款。',
    en: 'A statutory condition is not met; see the rules listed.',
  },
  ID_NUMBER_NOT_BOUND: {
    status: 403,
    'zh-CN': '您的账号尚未绑定本人身份证号码（实名账号），暂不能提交申请。请联系为您开设账号的社区或街道管理员绑定。',
    en: 'Your account has no resident ID number bound to it (real-name account), so you cannot apply yet. Ask the administrator who issued your account to bind it.',
  },
  LOGIN_THROTTLED: {
    status: 429,
    'zh-CN': '登录失败次数过多，请 15 分钟后再试。',
    en: 'Too many failed sign-ins; try again in 15 minutes.',
  },
  URGE_LIMIT_REACHED: {
    status: 429,
    'zh-CN': '今天您已催办过该任务，每人每个任务每天（北京时间）只能催办一次。',
    en: 'You have already urged this task today; one urge per task per person per China day.',
  },
  RATE_LIMITED: { status: 429, 'zh-CN': '请求过于频繁，请稍后再试。', en: 'Too many requests; try again later.' },
  /** 我要查: an unknown case number and a wrong query code get this same answer (no enumeration). */
  QUERY_NOT_MATCHED: {
    status: 404,
    'zh-CN': '办件编号或查询码不正确，请核对后重试。',
    en: 'The case number or the query code is not right; check them and try again.',
  },
  /** 好差评: one rating per case. */
  ALREADY_RATED: {
    status: 409,
    'zh-CN': '该办件已经评价过，每件只能评价一次。',
    en: 'This case has already been rated; each case is rated once.',
  },
  /** 好差评: a case is rated after its outcome. */
  NOT_YET_RATEABLE: { status: 409, 'zh-CN': '办结后才能评价。', en: 'A case can be rated once it has an outcome.' },
  /** 事件订阅: this server has no key to keep subscriptions' signing secrets (WEBHOOK_SECRET_KEY in production). */
  WEBHOOKS_NOT_CONFIGURED: {
    status: 409,
    'zh-CN': '本服务器未配置事件订阅的密钥（WEBHOOK_SECRET_KEY），暂不能新建订阅或更换签名密钥，请联系系统运维人员。',
    en: 'This server has no key for webhook signing secrets (WEBHOOK_SECRET_KEY); subscriptions cannot be created or their secrets rotated until the operator sets it.',
  },
  INTERNAL_ERROR: {
    status: 500,
    'zh-CN': '服务器内部错误，请联系管理员并提供请求编号。',
    en: 'Internal error; contact the administrator with the request id.',
  },
  SERVICE_UNAVAILABLE: { status: 503, 'zh-CN': '服务暂不可用，请稍后再试。', en: 'The service is unavailable; try again later.' },
} as const satisfies Record<string, LocalizedText & { status: number }>;

export type ErrorCode = keyof typeof catalogue;

export function errorStatus(code: ErrorCode): number {
  return catalogue[code].status;
}

export function errorMessage(code: ErrorCode): LocalizedText {
  const entry = catalogue[code];
  return { 'zh-CN': entry['zh-CN'], en: entry.en };
}

export function isErrorCode(value: string): value is ErrorCode {
  return Object.prototype.hasOwnProperty.call(catalogue, value);
}

/** A field-level problem, e.g. from schema validation. `path` is dot-separated ("assembly.votesFor"). */
export interface FieldError {
  path: string;
  code: string;
  message: LocalizedText;
}

/** A domain error with a stable code; thrown anywhere, turned into an HTTP response in one place. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldError[];
  readonly details?: Record<string, unknown>;
  readonly localized: LocalizedText;

  constructor(
    code: ErrorCode,
    options: { fields?: FieldError[]; details?: Record<string, unknown>; message?: LocalizedText } = {},
  ) {
    const localized = options.message ?? errorMessage(code);
    super(`${code}: ${localized.en}`);
    this.name = 'AppError';
    this.code = code;
    this.fields = options.fields;
    this.details = options.details;
    this.localized = localized;
  }

  get status(): number {
    return errorStatus(this.code);
  }
}
