// A process's tree and its listening ports, read from Linux's /proc: what a test stops and then checks is gone.
import fs from 'node:fs';

export interface ProcessInfo {
  pid: number;
  ppid: number;
  /** Clock ticks after boot: with the pid, names the process even after the pid is reused. */
  startTime: string;
  /** R, S, D, Z (zombie: exited, not yet reaped), … */
  state: string;
  command: string;
}

function readProcess(pid: number): ProcessInfo | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
    return { pid, state: fields[0]!, ppid: Number(fields[1]), startTime: fields[19]!, command };
  } catch {
    return undefined; // gone meanwhile
  }
}

/** `root` and every process descended from it, wherever its process group or session. */
export function processTree(root: number): ProcessInfo[] {
  const all = fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readProcess(Number(name)))
    .filter((p): p is ProcessInfo => p !== undefined);
  const tree: ProcessInfo[] = [];
  const queue = all.filter((p) => p.pid === root);
  while (queue.length > 0) {
    const next = queue.shift()!;
    tree.push(next);
    queue.push(...all.filter((p) => p.ppid === next.pid));
  }
  return tree;
}

/** Those of `processes` still running (the same process, not a zombie). */
export function stillRunning(processes: ProcessInfo[]): ProcessInfo[] {
  return processes.filter((p) => {
    const now = readProcess(p.pid);
    return now !== undefined && now.startTime === p.startTime && now.state !== 'Z';
  });
}

/** TCP sockets in LISTEN state: inode → port (IPv4 and IPv6). */
function listeningSockets(): Map<string, number> {
  const sockets = new Map<string, number>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!fs.existsSync(file)) continue;
    for (const line of fs.readFileSync(file, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields[3] !== '0A') continue; // LISTEN
      sockets.set(fields[9]!, parseInt(fields[1]!.split(':')[1]!, 16));
    }
  }
  return sockets;
}

/** The TCP ports these processes listen on. */
export function listeningPorts(processes: ProcessInfo[]): number[] {
  const sockets = listeningSockets();
  const ports = new Set<number>();
  for (const p of processes) {
    let fds: string[];
    try {
      fds = fs.readdirSync(`/proc/${p.pid}/fd`);
    } catch {
      continue; // gone meanwhile
    }
    for (const fd of fds) {
      try {
        const inode = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${p.pid}/fd/${fd}`))?.[1];
        const port = inode && sockets.get(inode);
        if (port) ports.add(port);
      } catch {
        // closed meanwhile
      }
    }
  }
  return [...ports].sort((a, b) => a - b);
}

/** Those of `ports` some process (any) still listens on. */
export function stillListening(ports: number[]): number[] {
  const listening = new Set(listeningSockets().values());
  return ports.filter((port) => listening.has(port));
}

/** SIGKILL to those of `processes` still running: a failed test leaves nothing behind either. */
export function killLeftovers(processes: ProcessInfo[]): void {
  for (const p of stillRunning(processes)) {
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
}
