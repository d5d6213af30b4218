import { formatChinaDay, formatChinaTime } from './china-time';
import type { LocalizedText } from './errors';
import { PROCEDURES } from './procedures';
import { promptSentence } from './rules/community-targets';

/**
 * What a notification says: one full sentence in each language that names the case (number and title) and what
 * happened, built from the notification's kind and the parameters stored with it. The bell, the mail copy and the API
 * all use this one function, so a notification never shows a bare task kind ("确认") or a program code.
 */

type Params = Record<string, unknown>;

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

const STEP_NAMES = new Map<string, LocalizedText>(
  Object.values(PROCEDURES).flatMap((procedure) => procedure.steps.map((step) => [step.key, step.name] as const)),
);

/** A task kind as a step name ("村委会准备申请"); a kind no procedure names reads as "a step of the case". */
function stepName(kind: unknown): LocalizedText {
  return STEP_NAMES.get(text(kind)) ?? { 'zh-CN': '办理环节', en: 'a step of the case' };
}

/** "案件 CZJ-2026-000001“柳树村村改居”" / "case CZJ-2026-000001 “…”". */
function caseRef(params: Params): LocalizedText {
  const number = text(params.caseNumber) || text(params.number);
  const title = text(params.caseTitle);
  return {
    'zh-CN': `案件 ${number}${title ? `“${title}”` : ''}`,
    en: `case ${number}${title ? ` “${title}”` : ''}`,
  };
}

function due(params: Params, key = 'dueAt'): LocalizedText | undefined {
  const value = text(params[key]);
  if (!value) return undefined;
  return { 'zh-CN': formatChinaTime(value, 'zh-CN'), en: formatChinaTime(value, 'en') };
}

function capitalized(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

function taskSentence(kind: string, params: Params): LocalizedText {
  const c = caseRef(params);
  const task = stepName(params.taskKind);
  const d = due(params);
  const zhDue = d ? `（期限 ${d['zh-CN']}）` : '';
  const enDue = d ? ` (due ${d.en})` : '';
  switch (kind) {
    case 'task.offered':
      return {
        'zh-CN': `${c['zh-CN']}进入“${task['zh-CN']}”环节，等待本单位认领办理${zhDue}。`,
        en: `${capitalized(c.en)} has reached the step “${task.en}” and waits for someone in your organization to claim it${enDue}.`,
      };
    case 'task.assigned':
      if (params.delegated === true) {
        return {
          'zh-CN': `同事将${c['zh-CN']}的“${task['zh-CN']}”任务委托给您办理。`,
          en: `A colleague delegated the step “${task.en}” of ${c.en} to you.`,
        };
      }
      if (params.returned === true) {
        return {
          'zh-CN': `您委托出去的${c['zh-CN']}“${task['zh-CN']}”任务已交回给您。`,
          en: `The step “${task.en}” of ${c.en}, which you delegated, is back with you.`,
        };
      }
      return {
        'zh-CN': `${c['zh-CN']}的“${task['zh-CN']}”任务已分派给您办理${zhDue}。`,
        en: `The step “${task.en}” of ${c.en} was assigned to you${enDue}.`,
      };
    case 'task.reminder':
      return {
        'zh-CN': `${c['zh-CN']}的“${task['zh-CN']}”任务即将到期${zhDue}，请及时办理。`,
        en: `The step “${task.en}” of ${c.en} is due soon${enDue}.`,
      };
    case 'task.urged': {
      const by = text(params.urgedBy);
      const reason = text(params.reason);
      return {
        'zh-CN': `${by || '上级'}催办${c['zh-CN']}的“${task['zh-CN']}”任务${zhDue}${reason ? `：${reason}` : '。'}`,
        en: `${by || 'A supervisor'} urged the step “${task.en}” of ${c.en}${enDue}${reason ? `: ${reason}` : '.'}`,
      };
    }
    case 'task.due':
      return {
        'zh-CN': `${c['zh-CN']}的“${task['zh-CN']}”任务已到期${zhDue}，黄色预警，请尽快办理。`,
        en: `The step “${task.en}” of ${c.en} is due${enDue}: yellow warning.`,
      };
    default:
      // task.escalated
      return params.supervising === true
        ? {
            'zh-CN': `下级单位承办的${c['zh-CN']}“${task['zh-CN']}”任务已逾期${zhDue}，请督办（红色预警）。`,
            en: `The step “${task.en}” of ${c.en}, handled by an organization under yours, is overdue${enDue}: please supervise (red warning).`,
          }
        : {
            'zh-CN': `${c['zh-CN']}的“${task['zh-CN']}”任务已逾期${zhDue}，已报上级督办（红色预警）。`,
            en: `The step “${task.en}” of ${c.en} is overdue${enDue} and was escalated to the supervising organization (red warning).`,
          };
  }
}

/** What was decided, for the events that tell the applicant (village, department, community, migrant) a decision. */
const DECISIONS: Record<string, LocalizedText> = {
  // 村改居: the county government's written decision (批复).
  'village-conversion:approved': {
    'zh-CN': '县级人民政府已批准村民委员会改设社区居民委员会',
    en: 'the county government approved the conversion into a residents’ committee',
  },
  'village-conversion:refused': {
    'zh-CN': '县级人民政府不予批准村民委员会改设社区居民委员会',
    en: 'the county government refused the conversion into a residents’ committee',
  },
  'village-conversion:withdrawn': { 'zh-CN': '村改居申请已撤回', en: 'the conversion application was withdrawn' },
  // Service admission (the department is told).
  'service-item.listed': {
    'zh-CN': '事项已准入，列入社区工作事项清单',
    en: 'the item was admitted and listed among the community’s work items',
  },
  'service-item.refused': { 'zh-CN': '事项不予准入', en: 'the item was refused admission' },
  'service-item.delisted': { 'zh-CN': '事项已移出社区工作事项清单', en: 'the item was taken off the community’s work-item list' },
  'service-item.appeal-ruled': {
    'zh-CN': '县级已复核申诉，维持不予准入',
    en: 'the county ruled on the appeal: the refusal stands',
  },
  'service-item.held': {
    'zh-CN': '事项暂缓受理，请补充经费、工作条件或权限',
    en: 'the item is on hold: please supplement its funding, working conditions or authority',
  },
  'service-item.returned': { 'zh-CN': '民政部门退回修改，请修改后重新提交', en: 'civil affairs returned the item for changes' },
  'service-item.re-review': {
    'zh-CN': '准入期限即将届满，请提交复审材料',
    en: 'the admission period ends soon: please submit it for re-review',
  },
  // A community's report on an item (the community is told).
  'service-item-report.published': {
    'zh-CN': '县级已答复报告，结果已公开',
    en: 'the county answered the report and the outcome is published',
  },
  // A migrant's application to vote (the applicant is told).
  'migrant:APPROVED': {
    'zh-CN': '选举委员会同意您参加选举，您已列入选民名单',
    en: 'the election committee approved your application; you are on the voter list',
  },
  'migrant:REFUSED': {
    'zh-CN': '选举委员会不同意您的参选登记申请，理由见案件记录',
    en: 'the election committee refused your application; the reasons are on the case record',
  },
  'migrant:EVIDENCE_REQUESTED': {
    'zh-CN': '选举委员会要求补充材料，请在案件中补充',
    en: 'the election committee asks for more evidence; please add it on the case',
  },
};

function decisionSentence(params: Params): LocalizedText {
  const c = caseRef(params);
  const key =
    text(params.procedure) === 'village-conversion'
      ? `village-conversion:${text(params.outcome)}`
      : text(params.event) || (text(params.status) ? `migrant:${text(params.status)}` : '');
  const what = DECISIONS[key];
  const documentNumber = text(params.documentNumber);
  if (!what) {
    return {
      'zh-CN': `${c['zh-CN']}有新的决定，请查看案件记录。`,
      en: `There is a new decision on ${c.en}; see the case record.`,
    };
  }
  return {
    'zh-CN': `${c['zh-CN']}：${what['zh-CN']}${documentNumber ? `（${documentNumber}）` : ''}。`,
    en: `${capitalized(c.en)}: ${what.en}${documentNumber ? ` (${documentNumber})` : ''}.`,
  };
}

const MEETING_TYPES: Record<string, LocalizedText> = {
  assembly: { 'zh-CN': '业主大会会议', en: 'an owners’ assembly' },
  committee: { 'zh-CN': '业主委员会会议', en: 'an owners’ committee meeting' },
};

function ownersMeetingSentence(kind: string, params: Params): LocalizedText {
  const c = caseRef(params);
  if (kind === 'owners-meeting.informed') {
    const type = MEETING_TYPES[text(params.meetingType)] ?? { 'zh-CN': '业主大会（业主委员会）会议', en: 'an owners’ meeting' };
    const committee = text(params.ownersCommittee);
    const date = text(params.meetingDate);
    const deadline = due(params, 'opinionDeadline');
    return {
      'zh-CN':
        `${committee || '业主委员会'}告知将于${date ? ` ${formatChinaDay(date, 'zh-CN')} ` : ''}召开${type['zh-CN']}（${c['zh-CN']}）` +
        `${deadline ? `，请在 ${deadline['zh-CN']}前提出意见` : ''}。`,
      en:
        `${committee || 'The owners’ committee'} announced ${type.en}${date ? ` on ${formatChinaDay(date, 'en')}` : ''} (${c.en})` +
        `${deadline ? `; give your opinion by ${deadline.en}` : ''}.`,
    };
  }
  // owners-meeting.opinion
  return params.status === 'given'
    ? {
        'zh-CN': `居民委员会已对${c['zh-CN']}的会议提出意见，请在会前查看。`,
        en: `The residents’ committee gave its opinion on the meeting of ${c.en}; read it before the meeting.`,
      }
    : {
        'zh-CN': `居民委员会在期限内未对${c['zh-CN']}的会议提出意见（记为“截止时未提出意见”，不视为同意）。`,
        en: `The residents’ committee gave no opinion on the meeting of ${c.en} by the deadline (recorded as none given; not consent).`,
      };
}

/** The sentence a notification says, in both languages. */
export function notificationSentence(kind: string, params: Params): LocalizedText {
  if (kind.startsWith('task.')) return taskSentence(kind, params);
  if (kind === 'case.decided') return decisionSentence(params);
  if (kind.startsWith('owners-meeting.')) return ownersMeetingSentence(kind, params);
  if (kind === 'community-profile.prompt') return promptSentence(text(params.prompt), params);
  if (kind === 'case.circulated') {
    const c = caseRef(params);
    const by = text(params.sender);
    const purpose = text(params.purpose);
    return {
      'zh-CN': `${by || '同事'}将${c['zh-CN']}传阅给您${purpose ? `（${purpose}）` : ''}，请阅知。`,
      en: `${by || 'A colleague'} circulated ${c.en} to you${purpose ? ` (${purpose})` : ''}; please read it.`,
    };
  }
  const c = caseRef(params);
  return { 'zh-CN': `${c['zh-CN']}有新的进展，请查看案件记录。`, en: `There is news on ${c.en}; see the case record.` };
}
