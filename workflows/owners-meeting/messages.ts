import type { IsoDate } from '../../domain/clock';
import type {
  ItemDecision,
  Matter,
  MeetingType,
  OpinionStatus,
  OwnersMeetingParameters,
  SuggestionStatus,
} from '../../domain/rules/owners-meeting';
import type { RuleResult } from '../../domain/rules/rule';

/** The meeting as the owners' committee registered it. */
export interface RegisteredMeeting {
  meetingType: MeetingType;
  kind: 'regular' | 'interim';
  meetingDate: IsoDate;
  place: string;
  noticeDate: IsoDate;
  /** The day the residents' committee was informed: given (informed outside the system) or the registration day. */
  residentsCommitteeInformedDate: IsoDate;
  /** The day the system informed the residents' committee (registration); its opinion period runs from this day. */
  systemInformedDate?: IsoDate;
  items: { title: string; matter: Matter }[];
}

/** Input of the workflow; the case row exists and the API has checked OM-NOTICE and OM-INFORM. */
export interface OwnersMeetingInput {
  caseId: string;
  ownersCommitteeOrgId: string;
  ownersCommitteeName: string;
  /** The community (residents' committee) the owners' committee belongs to. */
  residentsCommitteeOrgId: string;
  meeting: RegisteredMeeting;
  /** The rule set's periods, as in force when the case opened. */
  parameters: OwnersMeetingParameters;
  /** OM-OPINION: the instant the residents' committee's opinion is due (the API computes it; tests pass a near instant). */
  opinionDeadline: string;
  /**
   * The instant the votes (results) task opens: the start of the meeting day in China (votesOpenAt). Absent in cases
   * started before it was recorded; tests pass a near instant.
   */
  votesOpenAt?: string;
  /** OM-REPORT: the instant suggestions are due; default `suggestionDays` after the report (tests pass a near instant). */
  suggestionDeadline?: string;
}

export interface OwnersMeetingResult {
  opinion: OpinionStatus;
  quorum: boolean;
  items: ItemDecision[];
}

/**
 * What the procedure keeps in Case.data (read by the API's meeting views and the case page). The API writes
 * `meeting`, `notice` and a pending `opinion` when the case opens; the workflow writes the rest step by step.
 */
export interface OwnersMeetingCaseData {
  meeting: RegisteredMeeting;
  ownersCommitteeOrgId: string;
  residentsCommitteeOrgId: string;
  notice: { passed: boolean; rules: RuleResult[] };
  informed?: { at: string; date: IsoDate };
  /** When the results of the meeting can be recorded (the start of the meeting day, China time). */
  votesOpenAt?: string;
  opinion: { status: 'pending' | OpinionStatus; deadline: string; text?: string; givenAt?: string; givenBy?: string };
  votes?: { recordedAt: string; recordedBy: string; quorum: boolean; items: ItemDecision[]; record: Record<string, unknown> };
  posting?: {
    status: 'posted' | 'nothing-to-post';
    postedOn?: IsoDate;
    place?: string;
    lastDay?: IsoDate | null;
    onTime?: boolean | null;
  };
  report?: { status: 'pending' | SuggestionStatus; reportedAt: string; deadline: string; suggestions?: string; by?: string };
  steps?: string[];
}
