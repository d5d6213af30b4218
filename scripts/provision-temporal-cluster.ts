// `npm run provision:temporal-cluster`: makes sure the Temporal server and temporal-sql-tool of
// TEMPORAL_SERVER_VERSION are in the tools cache, building them from the Go module proxy when missing (about 6–12
// minutes, once per machine). Prints the two paths. The harnesses' `--engine=cluster` runs on these binaries.
import { ensureTemporalServerBinaries } from '../runtime/temporal-server-binaries';

const binaries = ensureTemporalServerBinaries();
process.stdout.write(`${binaries.server}\n${binaries.sqlTool}\n`);
