import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dataDir } from './paths';
import { livePid } from './pid-file';

/**
 * How `npm run backup` asks a running `npm start` to take a backup: it writes a request file and sends SIGUSR2 to
 * the pid in `start.pid`; `npm start` stops its servers, archives them, starts them again and writes the result file.
 */
export const startPidFile = path.join(dataDir, 'start.pid');
const requestFile = path.join(dataDir, 'backup-request.json');
const resultFile = path.join(dataDir, 'backup-result.json');

export interface BackupRequest {
  id: string;
  outDir: string;
}
export type BackupResult =
  { id: string; archive: string; error?: undefined } | { id: string; error: string; archive?: undefined };

/** The pid of a running `npm start` on this data directory, if any. */
export function runningStartPid(): number | undefined {
  return livePid(startPidFile);
}

export function readBackupRequest(): BackupRequest {
  return JSON.parse(fs.readFileSync(requestFile, 'utf8')) as BackupRequest;
}

export function writeBackupResult(result: BackupResult): void {
  fs.writeFileSync(`${resultFile}.tmp`, JSON.stringify(result));
  fs.renameSync(`${resultFile}.tmp`, resultFile);
}

/** Asks the running `npm start` (pid) for a backup and waits for its answer. */
export async function requestBackupFromRunningProduct(pid: number, outDir: string, timeoutMs = 10 * 60_000): Promise<string> {
  const request: BackupRequest = { id: randomUUID(), outDir };
  fs.writeFileSync(requestFile, JSON.stringify(request));
  process.kill(pid, 'SIGUSR2');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (fs.existsSync(resultFile)) {
      const result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as BackupResult;
      if (result.id === request.id) {
        fs.rmSync(resultFile, { force: true });
        fs.rmSync(requestFile, { force: true });
        if (result.error !== undefined) throw new Error(result.error);
        return result.archive;
      }
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no answer from npm start (pid ${pid}) after ${timeoutMs / 1000} s`);
}
