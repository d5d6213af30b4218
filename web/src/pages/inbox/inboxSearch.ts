import { inboxFilter } from '../../api/schemas/procedures';
import type { InboxFilter } from '../../api/tasks';

const FILTER_KEYS = Object.keys(inboxFilter.shape) as (keyof InboxFilter)[];

/** The inbox filter kept in the page's query string (so Back returns to the same list), read with the API's schema. */
export function filterFromSearch(search: URLSearchParams): InboxFilter {
  const raw: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = search.get(key);
    if (value !== null && value !== '') raw[key] = value;
  }
  const parsed = inboxFilter.safeParse(raw);
  return parsed.success ? parsed.data : inboxFilter.parse({});
}

export function searchFromFilter(filter: InboxFilter): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filter[key];
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  return search;
}

/** The filter without its empty values (what is saved and compared). */
export function compactFilter(filter: InboxFilter): InboxFilter {
  return filterFromSearch(searchFromFilter(filter));
}
