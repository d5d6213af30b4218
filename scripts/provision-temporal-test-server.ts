// Makes sure Temporal's time-skipping test server (Java, from Maven Central) and its wrapper are in the tools cache.
import { ensureTemporalTestServer } from '../runtime/temporal-test-server';

const wrapper = ensureTemporalTestServer();
process.stdout.write(`${wrapper}\n`);
