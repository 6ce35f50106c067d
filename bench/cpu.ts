/**
 * How much CPU other processes took while a phase ran (Linux /proc): all CPUs' busy time minus this
 * process (API, load-generator thread, PGlite) and the PostgreSQL backends serving the bench database.
 * On a shared 2-core machine a test run elsewhere halves the figures; this makes that visible.
 */
import { readFileSync } from 'node:fs';

interface Snapshot {
  total: number;
  idle: number;
  own: number;
  /** ticks per database backend at the start */
  db: Map<number, number>;
}

export interface CpuShare {
  /** shares of all CPUs' time, 0–1 */
  own: number;
  db: number;
  other: number;
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function procStat(): { total: number; idle: number } {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal (guest time is included in user)
  const total = cpu.slice(0, 8).reduce((a, b) => a + b, 0);
  return { total, idle: cpu[3] + cpu[4] };
}

function pidTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime, stime
  } catch {
    return 0; // gone
  }
}

export class CpuMonitor {
  readonly available: boolean;

  constructor(private readonly databasePids: () => Promise<number[]>) {
    let ok = true;
    try {
      procStat();
    } catch {
      ok = false;
    }
    this.available = ok;
  }

  async start(): Promise<Snapshot | undefined> {
    if (!this.available) return undefined;
    const pids = await this.databasePids().catch(() => []);
    const { total, idle } = procStat();
    const u = process.cpuUsage();
    return { total, idle, own: ((u.user + u.system) / 1e6) * TICKS_PER_SECOND, db: new Map(pids.map((p) => [p, pidTicks(p)])) };
  }

  async stop(a: Snapshot | undefined): Promise<CpuShare | undefined> {
    if (!a) return undefined;
    // backends that connected during the phase (the app's pool grows under load) count entirely;
    // backends that ended (the pool closes idle connections after 10 s) count as idle
    const later = (await this.databasePids().catch(() => [])).filter((p) => !a.db.has(p));
    const { total, idle } = procStat();
    const u = process.cpuUsage();
    const own = ((u.user + u.system) / 1e6) * TICKS_PER_SECOND - a.own;
    let db = later.reduce((sum, p) => sum + pidTicks(p), 0);
    for (const [pid, before] of a.db) {
      const now = pidTicks(pid);
      if (now >= before) db += now - before;
    }
    const span = Math.max(1, total - a.total);
    const busy = span - (idle - a.idle);
    return { own: own / span, db: db / span, other: Math.max(0, (busy - own - db) / span) };
  }
}
