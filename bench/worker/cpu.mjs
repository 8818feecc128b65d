// CPU time of a running process, read from /proc (Linux): the bench's only clock for "CPU per request".
import { readdirSync, readFileSync } from "node:fs";

/** Clock ticks per second of utime/stime in /proc/<pid>/stat (USER_HZ, 100 on every Linux build in use). */
const USER_HZ = 100;

/** Fields after the `(comm)` of /proc/<pid>/stat, 0-based from field 3 (state). */
function statFields(path) {
  const text = readFileSync(path, "utf8");
  return text.slice(text.lastIndexOf(")") + 2).split(" ");
}

/** The direct children of `parent` whose command name is `comm`. */
export function childrenNamed(parent, comm) {
  const found = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (Number(statFields(`/proc/${entry}/stat`)[1]) !== parent) continue;
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() === comm) found.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

/**
 * A snapshot of a process's CPU time, all threads, user + system:
 * - `ns`: the sum of every live thread's run time from /proc/<pid>/task/<tid>/schedstat (nanoseconds; the
 *   scheduler's own sum_exec_runtime), and `mainNs` for the main thread alone (where workerd runs JavaScript);
 * - `ticks`: utime + stime from /proc/<pid>/stat (10 ms resolution, but it also counts threads that ended):
 *   the cross-check of `ns`.
 */
export function cpuSnapshot(pid) {
  const stat = statFields(`/proc/${pid}/stat`);
  const userTicks = Number(stat[11]);
  const systemTicks = Number(stat[12]);
  const ticks = userTicks + systemTicks;
  let ns = 0;
  let mainNs = 0;
  const tids = readdirSync(`/proc/${pid}/task`).sort();
  for (const tid of tids) {
    let run = 0;
    try {
      run = Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
    } catch {
      continue; // a thread that ended between readdir and read: its time is in `ticks` only
    }
    ns += run;
    if (Number(tid) === pid) mainNs = run;
  }
  return { ns, mainNs, ticks, systemTicks, threads: tids.join(",") };
}

/** CPU used between two snapshots, in milliseconds. `threadsChanged` flags a window where a thread came or went. */
export function cpuBetween(before, after) {
  return {
    ms: (after.ns - before.ns) / 1e6,
    mainMs: (after.mainNs - before.mainNs) / 1e6,
    tickMs: ((after.ticks - before.ticks) * 1000) / USER_HZ,
    systemTickMs: ((after.systemTicks - before.systemTicks) * 1000) / USER_HZ,
    threadsChanged: before.threads !== after.threads,
  };
}

/** Whether per-thread schedstat works here (it reads 0 on kernels without scheduler statistics). */
export function schedstatWorks(pid) {
  try {
    return cpuSnapshot(pid).ns > 0;
  } catch {
    return false;
  }
}

/** Busy CPU time of the whole machine so far (every core; /proc/stat, all but idle and iowait), in ms. */
export function machineBusyMs() {
  const [, ...fields] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/);
  const [user, nice, system, _idle, _iowait, irq, softirq, steal] = fields.map(Number);
  return ((user + nice + system + irq + softirq + steal) * 1000) / USER_HZ;
}

/** CPU time of a whole process so far (utime + stime of /proc/<pid>/stat, ended threads included), in ms. */
export function processCpuMs(pid) {
  const stat = statFields(`/proc/${pid}/stat`);
  return ((Number(stat[11]) + Number(stat[12])) * 1000) / USER_HZ;
}
