import { useEffect, useState } from 'react';
import type { Me } from '../api/session';
import { fetchTaskCounts, type TaskCounts } from '../api/taskCounts';

/**
 * The menu's counts (待办, 已办, 我发起, 抄送我), read again on every navigation so that a claim, a completion or an
 * opened circulation shows in the menu at the next page. A failed read leaves the menu without counts.
 */
export function useMenuCounts(me: Me | undefined, pathname: string): TaskCounts | undefined {
  const [counts, setCounts] = useState<TaskCounts>();
  const signedIn = me !== undefined;
  const membership = me?.membership?.id;
  useEffect(() => {
    if (!signedIn) {
      setCounts(undefined);
      return;
    }
    const controller = new AbortController();
    fetchTaskCounts(controller.signal).then(setCounts, () => setCounts(undefined));
    return () => controller.abort();
  }, [signedIn, membership, pathname]);
  return counts;
}
