import type { ServiceItemReport, ServiceItemTerms } from '../../domain/forms/service-admission';
import type { RuleResult } from '../../domain/rules/rule';
import type { RoleName } from '../../domain/roles';

/** Input of the service-admission procedure: the case row already exists (written by the API before the start). */
export interface ServiceAdmissionInput {
  caseId: string;
  /** The applying department (or sub-district office) and the role its officials act in. */
  department: { orgId: string; role: RoleName };
  /** The county whose government decides, and its civil-affairs bureau that reviews. */
  countyOrgId: string;
  civilAffairsOrgId: string;
  terms: ServiceItemTerms;
}

/** Where a service-item case stands (Case.data.stage). */
export type ServiceItemStage =
  'submitted' | 'refused' | 'appealed' | 'held' | 'review' | 'returned' | 'decision' | 'listed' | 're-review' | 'closed';

export type ServiceItemOutcome = 'rejected-own-duty' | 'rejected' | 'withdrawn' | 'renewal-refused' | 'ended' | 'expired';

/** An admitted item on the public list (SA-LIST). */
export interface ServiceItemListing {
  /** expired: the period ended (renewed or not); renewal-refused: the county refused the renewal before the end. */
  status: 'listed' | 'expired' | 'renewal-refused';
  /** 1 for the first admission, 2 after the first renewal, … */
  round: number;
  itemName: string;
  classification: ServiceItemTerms['classification'];
  legalBasis: string;
  workloadEstimate: string;
  fundingAmount: number | null;
  fundingPayer: string | null;
  authorityTransferred: boolean;
  authorityDescription: string | null;
  workingConditions: string | null;
  periodFrom: string;
  periodUntil: string;
  /** The instant the admission ends (end of `periodUntil`, China time). */
  validUntil: string;
  admittedAt: string;
  delistedAt?: string;
}

/** Case.data of a service-admission case. The API writes the first version; the workflow merges the rest. */
export interface ServiceItemCaseData {
  terms: ServiceItemTerms;
  communities: { id: string; name: string }[];
  department: { id: string; name: string; role: RoleName };
  countyOrgId: string;
  countyName: string;
  civilAffairsOrgId: string;
  cityOrgId: string | null;
  stage: ServiceItemStage;
  /** The latest evaluation of the admission rules. */
  rules?: RuleResult[];
  appeal?: { reasons: string; by: string; at: string; ruling?: 'uphold' | 'reclassify'; rulingReasons?: string };
  review?: { decision: 'forward' | 'return'; opinion: string; by: string; at: string };
  decision?: { decision: 'admit' | 'refuse'; reasons: string; by: string; at: string; round: 'application' | 'renewal' };
  listing?: ServiceItemListing;
  /** Re-review: the renewal is due by this instant (the period's end). */
  renewalDueAt?: string;
  withdrawal?: { reason: string; by: string; at: string };
  outcome?: ServiceItemOutcome;
  stateSeq?: number;
}

export interface ServiceAdmissionResult {
  outcome: ServiceItemOutcome;
  admissions: number;
}

/** Input of the community report procedure (SA-REPORT). */
export interface ServiceItemReportInput {
  caseId: string;
  communityOrgId: string;
  communityName: string;
  countyOrgId: string;
  countyName: string;
  report: ServiceItemReport;
  /** Items admitted for the community when it reported (shown to the county). */
  admittedItems: { number: string; itemName: string }[];
}

/** The published outcome of a report; names the committee only when it did not ask for anonymity. */
export interface ServiceItemReportPublication {
  publishedAt: string;
  itemDescription: string;
  pushedBy: string;
  pushedOn: string;
  community: string | null;
  countyName: string;
  finding: 'upheld' | 'not-upheld';
  answer: string;
  measures: string | null;
  answerDueAt: string;
  answeredLate: boolean;
}

/** Case.data of a report case. */
export interface ServiceItemReportCaseData {
  report: ServiceItemReport;
  communityName: string;
  countyOrgId: string;
  countyName: string;
  cityOrgId: string | null;
  stage: 'submitted' | 'awaiting-answer' | 'published';
  answerDueAt?: string;
  publication?: ServiceItemReportPublication;
  stateSeq?: number;
}

export interface ServiceItemReportResult {
  finding: 'upheld' | 'not-upheld';
  answeredLate: boolean;
}
