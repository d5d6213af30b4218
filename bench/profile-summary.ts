// Summarizes a `node --cpu-prof` profile (from `npm run bench -- --cpu-prof <dir>`): where a process's JavaScript
// threads spent their CPU, by package and by function (self and inclusive), optionally within a time window.
// Usage: node --import tsx bench/profile-summary.ts <file.cpuprofile> [fromUs toUs] [--top N]
// The window is the completion scenario's `profileWindowUs` (monotonic microseconds, the profiles' own clock).
import fs from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The package (or area) a script belongs to: a node_modules package, a project folder, Node itself or V8. */
function areaOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:')) return 'node:internals';
  const file = url.replace(/^file:\/\//, '');
  const root = path.resolve(__dirname, '..');
  if (file.startsWith(root))
    return file
      .slice(root.length + 1)
      .split('/')
      .slice(0, 2)
      .join('/');
  // The workflow bundle (webpack, evaluated in the workflow context) and other generated code.
  return url.length > 60 ? `…${url.slice(-60)}` : url;
}

function main(): void {
  const args = process.argv.slice(2);
  const topIndex = args.indexOf('--top');
  const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 25;
  const positional = args.filter((a, i) => !a.startsWith('--') && (topIndex < 0 || i !== topIndex + 1));
  const [file, from, to] = positional;
  if (!file) throw new Error('usage: profile-summary.ts <file.cpuprofile> [fromUs toUs] [--top N]');
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const fromUs = from ? Number(from) : -Infinity;
  const toUs = to ? Number(to) : Infinity;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const areas = new Map<string, number>();
  let total = 0;
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i] ?? 0;
    t += delta;
    if (t < fromUs || t > toUs) continue;
    const node = byId.get(profile.samples[i]!)!;
    const name = node.callFrame.functionName || '(anonymous)';
    if (name === '(idle)') continue;
    // The interval up to the next sample is attributed to this sample's stack.
    const ms = (profile.timeDeltas[i + 1] ?? delta) / 1000;
    total += ms;
    const key = (n: ProfileNode) =>
      `${n.callFrame.functionName || '(anonymous)'} ${areaOf(n.callFrame.url, n.callFrame.functionName)}:${n.callFrame.lineNumber + 1}`;
    self.set(key(node), (self.get(key(node)) ?? 0) + ms);
    const area = areaOf(node.callFrame.url, name);
    areas.set(area, (areas.get(area) ?? 0) + ms);
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const k = key(byId.get(id)!);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + ms);
    }
  }
  const print = (title: string, map: Map<string, number>) => {
    process.stdout.write(`\n${title}\n`);
    for (const [k, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
      process.stdout.write(`${ms.toFixed(0).padStart(7)} ms ${((ms / total) * 100).toFixed(1).padStart(5)} %  ${k}\n`);
  };
  process.stdout.write(`${path.basename(file)}: ${total.toFixed(0)} ms of CPU samples in the window (idle excluded)\n`);
  print('by area (self time)', areas);
  print('by function (self time)', self);
  print('by function (inclusive)', inclusive);
}

main();
