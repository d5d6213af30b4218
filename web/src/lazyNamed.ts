import { lazy, type ComponentType } from 'react';

/**
 * A component in its own chunk, fetched when first rendered (a page with its route), from a module that exports it
 * by name.
 * The nearest `<Suspense>` shows its fallback meanwhile (around the page in AppLayout: the layout stays).
 */
export function lazyNamed<M extends Record<K, ComponentType>, K extends keyof M & string>(load: () => Promise<M>, name: K) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}
