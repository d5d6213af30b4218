// Makes sure a Temporal CLI binary exists (TEMPORAL_CLI, PATH or the tools cache; builds it otherwise).
import { ensureTemporalCli } from '../runtime/temporal-cli';

const binary = ensureTemporalCli();
process.stdout.write(`${binary}\n`);
