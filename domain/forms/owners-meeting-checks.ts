import type { FieldError, LocalizedText } from '../errors';

// Checks of the owners' meeting against the case's facts, made by its workflow. No zod here: a workflow module is
// evaluated again for every new execution, and the task forms are loaded only when a completion is validated
// (workflows/lib/human-task.ts).

export interface Problem {
  path: (string | number)[];
  code: string;
  message: LocalizedText;
}

export const say = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

/** Problems as API field errors (dot-separated paths), e.g. for the workflow's checks against the case's facts. */
export function toFieldErrors(problems: Problem[]): FieldError[] {
  return problems.map((p) => ({ path: p.path.map(String).join('.'), code: p.code, message: p.message }));
}

/** One vote per agenda item, in the agenda's order (checked by the workflow, which knows the agenda). */
export function agendaProblems(votes: readonly unknown[], agendaLength: number): FieldError[] {
  if (votes.length === agendaLength) return [];
  return toFieldErrors([
    {
      path: ['votes'],
      code: 'agenda_mismatch',
      message: say(
        `议程有 ${agendaLength} 项，须逐项填写表决结果（收到 ${votes.length} 项）`,
        `The agenda has ${agendaLength} items: one vote each (got ${votes.length})`,
      ),
    },
  ]);
}

/**
 * Decisions are posted on or after the meeting that made them, and on or before today (China date): a posting date in
 * the future records something that has not happened.
 */
export function postingProblems(postedOn: string, meetingDate: string, today: string): FieldError[] {
  if (postedOn < meetingDate) {
    return toFieldErrors([
      {
        path: ['postedOn'],
        code: 'before_meeting',
        message: say(`公告日期不能早于会议日期 ${meetingDate}`, `Posted before the meeting (${meetingDate})`),
      },
    ]);
  }
  if (postedOn > today) {
    return toFieldErrors([
      {
        path: ['postedOn'],
        code: 'after_today',
        message: say(
          `公告日期不能晚于今天（${today}，北京时间）`,
          `The posting date cannot be after today (${today}, China time)`,
        ),
      },
    ]);
  }
  return [];
}
