import os from 'node:os';
import path from 'node:path';
import { settings } from './config';

/** Root of the repository (this file lives in runtime/). */
export const repoRoot = path.resolve(__dirname, '..');

/** Local state kept between runs: embedded PostgreSQL data, Temporal's SQLite file, stored documents. */
export const dataDir = path.resolve(settings.dataDir() ?? path.join(repoRoot, '.data'));

/**
 * Tools built once per machine (the Temporal CLI), outside the clone so that a fresh clone (CI) reuses them.
 * Follows the XDG cache convention.
 */
export const toolsCacheDir = path.resolve(
  settings.toolsDir() ?? path.join(settings.xdgCacheHome() ?? path.join(os.homedir(), '.cache'), 'community-governance', 'tools'),
);
