import { sleep } from '@temporalio/workflow';
import { endOfDayInChina } from '../../domain/clock';
import type { ServiceItemTerms } from '../../domain/forms/service-admission';
import type { RuleResult } from '../../domain/rules/rule';
import {
  SA_RULES,
  SA_SETTINGS,
  decisionResult,
  evaluateAdmission,
  listingResult,
  type AdmissionCheck,
} from '../../domain/rules/service-admission';
import {
  finishProcedure,
  humanTask,
  humanTaskUnless,
  installTaskHandlers,
  procedureActivities as activities,
  waitFor,
  type HumanTaskOutcome,
  declared,
} from '../lib/human-task';
import { SERVICE_ADMISSION } from '../../domain/procedures';
import type { Actor } from '../lib/messages';
import { legacyTiming } from '../lib/legacy-timing';
import { recordStepDecisions } from '../lib/rule-decisions';
import type {
  ServiceAdmissionInput,
  ServiceAdmissionResult,
  ServiceItemCaseData,
  ServiceItemListing,
  ServiceItemOutcome,
} from './messages';

type Round = 'application' | 'renewal';
type Closed = { kind: 'closed'; outcome: ServiceItemOutcome };
type Admitted = { kind: 'admitted'; terms: ServiceItemTerms; decision: HumanTaskOutcome<'sa.decide'> };

/**
 * 社区工作事项准入 (鲁办发〔2012〕22号 三(一), 二(三)2; 《城市居民委员会组织法》第二十条): a department applies to hand a
 * work item to communities. An item within the government's own duties is refused at once (SA-OWN-DUTY; the
 * department may appeal to the county); an assisted or entrusted item is held until funding, working conditions and
 * (entrusted) the authority are given (SA-ASSIST, SA-ENTRUST); the civil-affairs bureau reviews and may return it; the
 * county decides (SA-DECIDE); an admitted item enters the public list (SA-LIST) for its period, and review re-opens
 * before the period ends.
 */
export async function serviceAdmissionProcedure(input: ServiceAdmissionInput): Promise<ServiceAdmissionResult> {
  installTaskHandlers();
  const item = new ServiceItemCase(input);
  let terms = input.terms;
  let round: Round = 'application';
  let admissions = 0;
  for (;;) {
    const result = await admissionRound({ item, terms, round });
    if (result.kind === 'closed') {
      if (result.outcome === 'ended') {
        // The department gave up the renewal: the item stays listed until its period ends.
        await waitFor(() => item.periodLapsed);
      } else if (item.listing?.status === 'listed') {
        // A refused renewal ends the admission now, before the period's end.
        await item.delist('renewal-refused');
      }
      return item.close({ outcome: result.outcome, round, admissions });
    }
    admissions += 1;
    await item.list({ terms: result.terms, round: admissions, decision: result.decision });
    const next = await admittedPeriod(item, result.terms);
    if (next.kind === 'closed') return item.close({ outcome: next.outcome, round: 'renewal', admissions });
    terms = next.terms;
    round = 'renewal';
  }
}

/** One pass through the conditions, the civil-affairs review and the county's decision. */
async function admissionRound(options: {
  item: ServiceItemCase;
  terms: ServiceItemTerms;
  round: Round;
}): Promise<Admitted | Closed> {
  const { item, round } = options;
  let terms = options.terms;
  for (;;) {
    // 准入条件: SA-OWN-DUTY, then SA-ASSIST or SA-ENTRUST.
    const check = evaluateAdmission(terms);
    await item.recordRules(check.rules);
    if (!check.rules[0]!.passed) {
      const appeal = await ownDutyRefusal({ item, terms, check });
      if (appeal.kind === 'closed') return appeal;
      terms = appeal.terms;
      continue;
    }
    if (!check.admissible) {
      // 暂缓准入: held until the department gives what is missing.
      const supplemented = await departmentRevises({
        item,
        task: SERVICE_ADMISSION.tasks.supplement,
        terms,
        state: { stage: 'held', rules: check.rules },
      });
      if (!supplemented) return { kind: 'closed', outcome: round === 'application' ? 'withdrawn' : 'ended' };
      terms = supplemented;
      continue;
    }

    const review = await civilAffairsReview({ item, terms, round, rules: check.rules });
    if (review.reviewed.decision === 'return') {
      const revised = await departmentRevises({
        item,
        task: SERVICE_ADMISSION.tasks.revise,
        terms,
        state: { stage: 'returned', review: review.reviewed },
      });
      if (!revised) return { kind: 'closed', outcome: round === 'application' ? 'withdrawn' : 'ended' };
      terms = revised;
      continue;
    }
    return countyDecides({ item, terms, round, rules: check.rules, review });
  }
}

type Review = { reviewed: NonNullable<ServiceItemCaseData['review']>; actor: Actor };

/** 民政部门审核: the civil-affairs bureau reviews the terms; it forwards them to the county or returns them. */
async function civilAffairsReview({
  item,
  terms,
  round,
  rules,
}: {
  item: ServiceItemCase;
  terms: ServiceItemTerms;
  round: Round;
  rules: RuleResult[];
}): Promise<Review> {
  await item.save({
    set: { stage: 'review', terms, rules },
    event: { action: 'service-item.review-opened', data: { round } },
  });
  const review = await humanTask({
    caseId: item.caseId,
    ...declared(SERVICE_ADMISSION.tasks.review),
    candidateOrgId: item.input.civilAffairsOrgId,
    context: { round, terms, rules },
  });
  const reviewed = {
    decision: review.payload.decision,
    opinion: review.payload.opinion,
    by: review.actor.displayName,
    at: now(),
  };
  return { reviewed, actor: review.actor };
}

/** 县级人民政府（社区建设领导小组）决定: SA-DECIDE admits the item or refuses it. */
async function countyDecides({
  item,
  terms,
  round,
  rules,
  review,
}: {
  item: ServiceItemCase;
  terms: ServiceItemTerms;
  round: Round;
  rules: RuleResult[];
  review: Review;
}): Promise<Admitted | Closed> {
  const { reviewed } = review;
  await item.save({
    set: { stage: 'decision', review: reviewed },
    event: { action: 'service-item.forwarded', ...by(review.actor), data: { round } },
  });
  const decision = await humanTask({
    caseId: item.caseId,
    ...declared(SERVICE_ADMISSION.tasks.decide),
    candidateOrgId: item.input.countyOrgId,
    context: { round, terms, rules, review: reviewed },
  });
  const admitted = decision.payload.decision === 'admit';
  await item.recordRules([decisionResult({ admitted, round, reasons: decision.payload.reasons })], decision.taskId);
  const decided = {
    decision: decision.payload.decision,
    reasons: decision.payload.reasons,
    by: decision.actor.displayName,
    at: now(),
    round,
  };
  if (!admitted) {
    await item.save({
      set: { decision: decided },
      event: { action: 'service-item.refused', ...by(decision.actor), data: { ruleId: 'SA-DECIDE', round } },
      notifyDepartment: true,
    });
    return { kind: 'closed', outcome: round === 'application' ? 'rejected' : 'renewal-refused' };
  }
  await item.save({
    set: { decision: decided },
    event: { action: 'service-item.admitted', ...by(decision.actor), data: { ruleId: 'SA-DECIDE', round } },
  });
  return { kind: 'admitted', terms, decision };
}

/**
 * SA-OWN-DUTY: refused at once with the clause. The department accepts, or appeals to the county with its reasons;
 * a county official rules (the refusal stands, or the item is reclassified and goes on).
 */
async function ownDutyRefusal({
  item,
  terms,
  check,
}: {
  item: ServiceItemCase;
  terms: ServiceItemTerms;
  check: AdmissionCheck;
}): Promise<Closed | { kind: 'reclassified'; terms: ServiceItemTerms }> {
  await item.save({
    set: { stage: 'refused', terms, rules: check.rules },
    event: { action: 'service-item.refused', data: { ruleId: 'SA-OWN-DUTY' } },
    notifyDepartment: true,
  });
  const appeal = await humanTask({
    caseId: item.caseId,
    ...declared(SERVICE_ADMISSION.tasks.appeal, item.input.department.role),
    candidateOrgId: item.input.department.orgId,
    context: { terms, rules: check.rules },
  });
  if (appeal.payload.decision === 'accept') return { kind: 'closed', outcome: 'rejected-own-duty' };

  const appealed = { reasons: appeal.payload.reasons, by: appeal.actor.displayName, at: now() };
  await item.save({
    set: { stage: 'appealed', appeal: appealed },
    event: { action: 'service-item.appealed', ...by(appeal.actor) },
  });
  const ruling = await humanTask({
    caseId: item.caseId,
    ...declared(SERVICE_ADMISSION.tasks.appealRuling),
    candidateOrgId: item.input.countyOrgId,
    context: { terms, rules: check.rules, appeal: appealed },
  });
  const reclassified = ruling.payload.ruling === 'reclassify' ? ruling.payload.classification : null;
  const rule = SA_RULES['SA-OWN-DUTY'];
  await item.recordRules(
    [
      {
        id: rule.id,
        passed: reclassified !== null,
        citation: rule.citation,
        detail: reclassified
          ? {
              'zh-CN': `申诉成立，县级改定为“${reclassified === 'assist' ? '依法协助' : '委托办理'}”事项：${ruling.payload.reasons}`,
              en: `Appeal granted; reclassified as ${reclassified}: ${ruling.payload.reasons}`,
            }
          : {
              'zh-CN': `申诉不成立，维持不予准入：${ruling.payload.reasons}`,
              en: `Appeal dismissed; the refusal stands: ${ruling.payload.reasons}`,
            },
        values: { appeal: true, ruling: ruling.payload.ruling, classification: reclassified ?? terms.classification },
      },
    ],
    ruling.taskId,
  );
  await item.save({
    set: { appeal: { ...appealed, ruling: ruling.payload.ruling, rulingReasons: ruling.payload.reasons } },
    event: {
      action: 'service-item.appeal-ruled',
      ...by(ruling.actor),
      data: { ruling: ruling.payload.ruling, classification: reclassified },
    },
    notifyDepartment: reclassified === null,
  });
  if (!reclassified) return { kind: 'closed', outcome: 'rejected-own-duty' };
  return { kind: 'reclassified', terms: { ...terms, classification: reclassified } };
}

/** The department's tasks on its terms: supplement them (held), revise them (returned) or renew them (re-review). */
type RevisionTask = (typeof SERVICE_ADMISSION.tasks)['supplement' | 'revise' | 'renew'];

/** The department supplements or revises the terms (or withdraws: null). */
async function departmentRevises({
  item,
  task,
  terms,
  state,
  until,
}: {
  item: ServiceItemCase;
  task: RevisionTask;
  terms: ServiceItemTerms;
  state: Partial<ServiceItemCaseData>;
  /** The task closes when this becomes true (the period ended): the result is then undefined. */
  until?: () => boolean;
}): Promise<ServiceItemTerms | null | undefined> {
  const { kind } = task;
  const renewal = task === SERVICE_ADMISSION.tasks.renew;
  await item.save({
    set: { ...state },
    event: { action: `service-item.${state.stage ?? kind}` },
    notifyDepartment: !renewal,
  });
  const spec = {
    caseId: item.caseId,
    ...declared(task, item.input.department.role),
    candidateOrgId: item.input.department.orgId,
    context: { terms, ...state },
    ...(renewal && item.listing
      ? { deadline: { dueAt: item.listing.validUntil, remindBeforeMs: SA_SETTINGS.renewalRemindBeforeMs, closesAtDue: true } }
      : {}),
  };
  const revision = until ? await humanTaskUnless(spec, until, 'period-ended') : await humanTask(spec);
  if (!revision) return undefined;
  if (revision.payload.action === 'withdraw') {
    // A renewal given up leaves an admitted item listed until its period ends.
    const stillListed = item.listing?.status === 'listed' ? { stage: 'listed' as const } : {};
    await item.save({
      set: { withdrawal: { reason: revision.payload.reason, by: revision.actor.displayName, at: now() }, ...stillListed },
      event: { action: 'service-item.withdrawn', ...by(revision.actor) },
    });
    return null;
  }
  await item.save({
    set: { terms: revision.payload.terms },
    event: { action: 'service-item.resubmitted', ...by(revision.actor), data: { kind, note: revision.payload.note ?? null } },
  });
  return revision.payload.terms;
}

/**
 * An admitted item is listed for its period. Review re-opens before the period ends: the department renews (new
 * terms and period) or lets the item end. Without an answer by the period's end the item expires and leaves the list.
 */
async function admittedPeriod(
  item: ServiceItemCase,
  terms: ServiceItemTerms,
): Promise<Closed | { kind: 'renew'; terms: ServiceItemTerms }> {
  const listing = item.listing!;
  const lead = item.legacy?.reReviewLeadMs ?? SA_SETTINGS.reReviewLeadMs;
  await waitUntil(Date.parse(listing.validUntil) - lead);

  // 期满前复审: the period's clock runs on through the renewal's review and decision.
  item.startPeriodClock();
  const renewed = await departmentRevises({
    item,
    task: SERVICE_ADMISSION.tasks.renew,
    terms,
    state: { stage: 're-review', renewalDueAt: listing.validUntil },
    until: () => item.periodOver,
  });
  if (renewed === undefined) {
    await waitFor(() => item.periodLapsed);
    return { kind: 'closed', outcome: 'expired' };
  }
  if (renewed === null) {
    await waitFor(() => item.periodLapsed);
    return { kind: 'closed', outcome: 'ended' };
  }
  return { kind: 'renew', terms: renewed };
}

async function waitUntil(instant: number): Promise<void> {
  const ms = instant - Date.now();
  if (ms > 0) await waitFor(() => false, ms);
}

function now(): string {
  return new Date(Date.now()).toISOString();
}

function by(actor: Actor) {
  return { actorId: actor.userId, actingOrgId: actor.organizationId };
}

/** An old execution's `timing`: its first admitted period ended `periodMs` after the admission; review re-opened `reReviewLeadMs` before. */
type LegacyPeriodTiming = { periodMs?: number; reReviewLeadMs?: number };

/** The case's state as the workflow keeps it, written to Case.data in order (one write after another). */
class ServiceItemCase {
  readonly caseId: string;
  listing: ServiceItemListing | undefined;
  /** The current listing's period has ended … */
  periodOver = false;
  /** … and the item has left the list (unless re-admitted before). */
  periodLapsed = false;
  private seq = 0;
  private writes: Promise<void> = Promise.resolve();

  /** The `timing` of an execution started before it left the input (workflows/lib/legacy-timing.ts). */
  readonly legacy: LegacyPeriodTiming | undefined;

  constructor(readonly input: ServiceAdmissionInput) {
    this.caseId = input.caseId;
    this.legacy = legacyTiming<LegacyPeriodTiming>(input);
  }

  /** Merges `set` into Case.data with an audit row; `notifyDepartment` tells the department of a decision. */
  save({
    set,
    event,
    notifyDepartment = false,
  }: {
    set: Partial<ServiceItemCaseData>;
    event: { action: string; actorId?: string; actingOrgId?: string; data?: Record<string, unknown> };
    notifyDepartment?: boolean;
  }): Promise<void> {
    const seq = ++this.seq;
    const notifyOrg = notifyDepartment
      ? { organizationId: this.input.department.orgId, role: this.input.department.role }
      : undefined;
    const write = this.writes.then(() => activities.saveServiceItemCase({ caseId: this.caseId, seq, set, event, notifyOrg }));
    this.writes = write.catch(() => undefined);
    return write;
  }

  recordRules(rules: RuleResult[], taskId?: string): Promise<void> {
    return recordStepDecisions({ caseId: this.caseId, rules, taskId });
  }

  /** SA-LIST: the admitted item enters the public list with its funding, period and legal basis. */
  async list({
    terms,
    round,
    decision,
  }: {
    terms: ServiceItemTerms;
    /** Which admission of the item this is (1: the application, then each renewal). */
    round: number;
    decision: HumanTaskOutcome<'sa.decide'>;
  }): Promise<void> {
    const periodMs = round === 1 ? this.legacy?.periodMs : undefined;
    const validUntil =
      periodMs !== undefined ? new Date(Date.now() + periodMs).toISOString() : endOfDayInChina(terms.period.until).toISOString();
    this.listing = {
      status: 'listed',
      round,
      itemName: terms.itemName,
      classification: terms.classification,
      legalBasis: terms.legalBasis,
      workloadEstimate: terms.workloadEstimate,
      fundingAmount: terms.fundingAmount,
      fundingPayer: terms.fundingPayer,
      authorityTransferred: terms.authorityTransferred,
      authorityDescription: terms.authorityDescription ?? null,
      workingConditions: terms.workingConditions,
      periodFrom: terms.period.from,
      periodUntil: terms.period.until,
      validUntil,
      admittedAt: now(),
    };
    await this.recordRules(
      [
        listingResult({
          periodFrom: terms.period.from,
          periodUntil: terms.period.until,
          validUntil,
          fundingAmount: terms.fundingAmount,
          fundingPayer: terms.fundingPayer,
          legalBasis: terms.legalBasis,
        }),
      ],
      decision.taskId,
    );
    await this.save({
      set: { stage: 'listed', terms, listing: this.listing },
      event: { action: 'service-item.listed', ...by(decision.actor), data: { round, validUntil } },
      notifyDepartment: true,
    });
  }

  /** At the end of the current listing's period the item leaves the list, unless a renewal replaced the listing. */
  startPeriodClock(): void {
    const listing = this.listing!;
    const end = Date.parse(listing.validUntil);
    this.periodOver = false;
    this.periodLapsed = false;
    const clock = async () => {
      if (end > Date.now()) await sleep(end - Date.now());
      if (this.listing !== listing) return;
      this.periodOver = true;
      await this.delist('expired');
      this.periodLapsed = true;
    };
    void clock();
  }

  /** The item leaves the public list. */
  async delist(status: Exclude<ServiceItemListing['status'], 'listed'>): Promise<void> {
    if (!this.listing) return;
    this.listing = { ...this.listing, status, delistedAt: now() };
    await this.save({
      set: { listing: this.listing },
      event: { action: 'service-item.delisted', data: { status } },
      notifyDepartment: true,
    });
  }

  async close({
    outcome,
    round,
    admissions,
  }: {
    outcome: ServiceItemOutcome;
    round: Round;
    admissions: number;
  }): Promise<ServiceAdmissionResult> {
    await this.save({ set: { stage: 'closed', outcome }, event: { action: 'service-item.closed', data: { outcome } } });
    const status = admissions > 0 || round === 'renewal' ? 'COMPLETED' : outcome === 'withdrawn' ? 'WITHDRAWN' : 'REJECTED';
    await activities.closeCase({ caseId: this.caseId, status, outcome: { outcome, admissions } });
    await finishProcedure();
    return { outcome, admissions };
  }
}
