import os from 'node:os';
import path from 'node:path';

/** Root of the repository (this file lives in runtime/). */
export const repoRoot = path.resolve(__dirname, '..');

/** Local state kept between runs: embedded PostgreSQL data, Temporal's SQLite file, stored documents. */
export const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(repoRoot, '.data'));

/**
 * Tools built once per machine (the Temporal CLI), outside the clone so that a fresh clone (CI) reuses them.
 * Follows the XDG cache convention.
 */
export const toolsCacheDir = path.resolve(
  process.env.COMMUNITY_GOVERNANCE_TOOLS_DIR ??
    path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'community-governance', 'tools'),
);
