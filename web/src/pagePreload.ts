/**
 * The pages a phone opens most by link (a notification, a bookmark): their chunks, and the path each answers.
 * main.tsx starts the chunk of the page being opened at once, alongside the app's own and the session check, instead
 * of after them (App.tsx declares these pages with the same loaders, so the module loads once).
 */
export const pageLoaders = {
  workspace: () => import('./pages/WorkspacePage'),
  inbox: () => import('./pages/inbox/InboxPage'),
  task: () => import('./pages/tasks/TaskPage'),
  case: () => import('./pages/cases/CasePage'),
};

const PAGE_PATHS: [RegExp, keyof typeof pageLoaders][] = [
  [/^\/$/, 'workspace'],
  [/^\/inbox\/?$/, 'inbox'],
  [/^\/tasks\/[^/]+\/?$/, 'task'],
  [/^\/cases\/[^/]+\/?$/, 'case'],
];

/** Starts loading the chunk of the page at `pathname`, if it is one of these; a failure shows when the page renders. */
export function preloadPage(pathname: string): void {
  const page = PAGE_PATHS.find(([path]) => path.test(pathname))?.[1];
  if (page) pageLoaders[page]().catch(() => undefined);
}
