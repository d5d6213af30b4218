// "Is the process this pid file names still running?": asked by backup (is PostgreSQL up), restore (is `npm start`
// running) and the embedded PostgreSQL (is a pid file left behind by a killed server stale).
import fs from 'node:fs';

/** The pid on the first line of a pid file (PostgreSQL's postmaster.pid, our own start.pid), if it is a number. */
export function readPidFile(file: string): number | undefined {
  if (!fs.existsSync(file)) return undefined;
  const pid = Number(fs.readFileSync(file, 'utf8').split('\n')[0]!.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // ESRCH: no such process. EPERM: it exists but belongs to another user. Anything else is not an answer.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ESRCH') return false;
    if (code === 'EPERM') return true;
    throw error;
  }
}

/** The pid in the file when that process is alive; undefined when there is no file or it names a dead process. */
export function livePid(file: string): number | undefined {
  const pid = readPidFile(file);
  return pid !== undefined && processAlive(pid) ? pid : undefined;
}
