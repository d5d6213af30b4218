// One place for process lifecycle: every server and child process a process starts is registered here, and when the
// process is stopped (SIGINT, SIGTERM, SIGHUP, an uncaught error, or its own end) they are stopped in reverse order of
// registration, with "stopping…" and "stopped" logged.
// - Child processes are spawned in their own process group (`spawnTracked`): a Ctrl-C in a terminal reaches only the
//   parent, which stops them in order, and a child that does not stop within its grace period is SIGKILLed with
//   everything it started. Registered children are signalled on the parent's 'exit' too, as a last resort.
// - A second signal (a second Ctrl-C, at least a second after the first) forces: SIGKILL to whatever still runs.
// - Under npm, a process whose parent is gone (npm killed, or the `npm start` that spawned it) stops as on SIGHUP.
// - A server with its own `stop()` (a Temporal cluster runner, say) is registered with one call:
//   `onShutdown('Temporal cluster', () => cluster.stop())`.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { settings } from './config';

export interface ShutdownEntry {
  readonly name: string;
  /** Stops it now (once: later calls get the same promise) and forgets it. */
  stop(): Promise<void>;
  /** Forgets it without stopping it (it was stopped another way). */
  release(): void;
}

export interface ShutdownEntryOptions {
  /**
   * A synchronous last resort: `force` false asks it to stop (on the parent's 'exit', where nothing can be awaited),
   * true kills it (a second signal, or a stop that took longer than its grace period).
   */
  kill?: (force: boolean) => void;
  /** How long a shutdown waits for `stop()` before it calls `kill(true)` and moves on (default 20 s). */
  graceMs?: number;
}

export interface InstallShutdownOptions {
  log: (line: string) => void;
  /** Exit code after a stop by a signal: 0 for services (a stop is their normal end), else 128 + the signal number. */
  signalExitCode?: number;
  /** Appended to "stopped", e.g. where the data was kept. */
  stoppedNote?: () => string;
}

interface Entry extends ShutdownEntry {
  readonly kill?: (force: boolean) => void;
  readonly graceMs: number;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const SIGNAL_NUMBERS: Record<(typeof SIGNALS)[number], number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };
/**
 * A second signal sooner than this after the first is the same stop delivered twice: a Ctrl-C reaches every process
 * of the terminal's foreground group, and npm passes it on to its script again.
 */
const FORCE_AFTER_MS = 1_000;

const entries: Entry[] = [];
let installed: InstallShutdownOptions | undefined;
let exitHookInstalled = false;
let stopping: { code: number; done: Promise<never> } | undefined;
let firstSignalAt = 0;

/** Registers something to stop when the process stops; it is stopped before everything registered earlier. */
export function onShutdown(name: string, stop: () => Promise<void> | void, options: ShutdownEntryOptions = {}): ShutdownEntry {
  let stopped: Promise<void> | undefined;
  const entry: Entry = {
    name,
    kill: options.kill,
    graceMs: options.graceMs ?? 20_000,
    stop() {
      stopped ??= (async () => {
        try {
          await stop();
        } finally {
          entry.release();
        }
      })();
      return stopped;
    },
    release() {
      const i = entries.indexOf(entry);
      if (i >= 0) entries.splice(i, 1);
    },
  };
  entries.push(entry);
  if (options.kill) installExitHook();
  return entry;
}

export interface TrackedSpawnOptions extends SpawnOptions {
  /** The signal that asks it to stop (default SIGTERM). */
  stopSignal?: NodeJS.Signals;
  /** How long it has to stop before its process group is SIGKILLed (default 15 s). */
  graceMs?: number;
}

const tracked = new WeakMap<ChildProcess, ShutdownEntry>();

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Signals a process group; false when it has no process left. */
function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/**
 * Spawns a child process in its own process group and registers it: stopped by `stopSignal` to its group, SIGKILLed
 * with its group after `graceMs`. It is forgotten when it exits.
 */
export function spawnTracked(name: string, command: string, args: string[], options: TrackedSpawnOptions): ChildProcess {
  const { stopSignal = 'SIGTERM', graceMs = 15_000, ...spawnOptions } = options;
  const child = spawn(command, args, { ...spawnOptions, detached: true });
  const pid = child.pid;
  if (pid === undefined) return child; // failed to spawn: its 'error' event says why
  const exited = new Promise<void>((resolve) => (hasExited(child) ? resolve() : child.once('exit', () => resolve())));
  const entry = onShutdown(
    name,
    async () => {
      if (!hasExited(child)) {
        signalGroup(pid, stopSignal);
        const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      }
      // Whatever it started and left behind in its group.
      signalGroup(pid, 'SIGKILL');
    },
    { kill: (force) => void signalGroup(pid, force ? 'SIGKILL' : stopSignal), graceMs: graceMs + 5_000 },
  );
  tracked.set(child, entry);
  child.once('exit', () => entry.release());
  return child;
}

/** Stops a child started by `spawnTracked` as a shutdown would (SIGTERM, SIGKILL after its grace period). */
export function stopTracked(child: ChildProcess | undefined): Promise<void> {
  if (!child) return Promise.resolve();
  const entry = tracked.get(child);
  if (entry) return entry.stop();
  if (hasExited(child)) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * Makes this process stop everything registered on SIGINT, SIGTERM, SIGHUP and on an uncaught error, then exit.
 * Called once by each entry point (scripts, the API and worker processes, the bench and the reliability harnesses).
 */
export function installShutdown(options: InstallShutdownOptions): void {
  if (installed) throw new Error('installShutdown is called once, by the entry point');
  installed = options;
  for (const signal of SIGNALS) process.on(signal, () => onSignal(signal));
  const failed = (kind: string) => (error: unknown) => {
    options.log(`${kind}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    void exitAfterStopping(1);
  };
  process.on('uncaughtException', failed('uncaught exception'));
  process.on('unhandledRejection', failed('unhandled rejection'));
  installExitHook();
  if (settings.startedByNpm()) stopWhenOrphaned();
}

/** Polls the parent: once this process has been handed to another (its parent died), it stops. */
function stopWhenOrphaned(): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent || stopping) return;
    clearInterval(timer);
    firstSignalAt = Date.now();
    installed!.log(`parent process ${parent} is gone: stopping…`);
    void exitAfterStopping(installed!.signalExitCode ?? 128 + SIGNAL_NUMBERS.SIGHUP, true);
  }, 1_000);
  timer.unref();
}

function onSignal(signal: (typeof SIGNALS)[number]): void {
  const log = installed!.log;
  if (stopping && firstSignalAt === 0) {
    // The process was already stopping on its own (its end, or a failure): this signal asks for the same.
    firstSignalAt = Date.now();
    return;
  }
  if (!stopping) {
    firstSignalAt = Date.now();
    log(`${signal}: stopping…`);
    void exitAfterStopping(installed!.signalExitCode ?? 128 + SIGNAL_NUMBERS[signal], true);
    return;
  }
  if (Date.now() - firstSignalAt < FORCE_AFTER_MS) return;
  const killable = entries.filter((e) => e.kill);
  log(`${signal} again: killing ${killable.map((e) => e.name).join(', ') || 'nothing'} now`);
  for (const entry of [...entries].reverse()) entry.kill?.(true);
  log(`stopped (forced)${installed!.stoppedNote?.() ?? ''}`);
  process.exit(stopping.code);
}

/** Whether the process is stopping (a child's exit is then expected). */
export function isStopping(): boolean {
  return stopping !== undefined;
}

/**
 * Stops everything still registered, in reverse order, then exits with `code`: how every entry point ends, so that
 * a failure or the end of a run leaves nothing behind either. During a stop already under way, waits for it.
 */
export function exitAfterStopping(code: number, announced = false): Promise<never> {
  if (stopping) return stopping.done;
  const log = installed?.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const done = (async (): Promise<never> => {
    const pending = entries.length > 0;
    if (pending && !announced) log('stopping…');
    await stopAll(log);
    if (pending || announced) log(`stopped${installed?.stoppedNote?.() ?? ''}`);
    process.exit(code);
  })();
  stopping = { code, done };
  return done;
}

/** Stops every registered entry, the last registered first; one that overruns its grace period is killed. */
export async function stopAll(log: (line: string) => void = () => undefined): Promise<void> {
  while (entries.length > 0) {
    const entry = entries[entries.length - 1]!;
    let timer: NodeJS.Timeout | undefined;
    const overran = await Promise.race([
      entry.stop().then(
        () => false,
        (error: unknown) => {
          log(`${entry.name} failed to stop: ${error instanceof Error ? error.message : String(error)}`);
          return false;
        },
      ),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), entry.graceMs))),
    ]);
    clearTimeout(timer);
    if (overran) {
      log(`${entry.name} did not stop within ${entry.graceMs / 1000} s: killed`);
      entry.kill?.(true);
    }
    entry.release();
  }
}

/** The last resort when the process exits with servers still registered: ask each to stop (nothing can be awaited). */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const entry of [...entries].reverse()) {
      try {
        entry.kill?.(false);
      } catch {
        // exiting: nothing more to do
      }
    }
  });
}
