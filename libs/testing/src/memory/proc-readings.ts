/**
 * Readings of a process from Linux's /proc, parsed from the text (the benchmark reads the files; parsing stays
 * free of I/O so that it can be tested): the resident set (VmRSS of /proc/<pid>/status) and the CPU time spent
 * (utime + stime of /proc/<pid>/stat, in clock ticks).
 */

/** VmRSS in kB from the text of /proc/<pid>/status; null when the line is missing (a zombie has none). */
export function residentKbOf(statusText: string): number | null {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(statusText);
  return match ? Number(match[1]) : null;
}

/**
 * utime + stime in clock ticks from the text of /proc/<pid>/stat. The command name (field 2) is in parentheses and
 * may hold spaces and parentheses itself, so the fields are counted from the last `)`.
 */
export function cpuTicksOf(statText: string): number {
  const end = statText.lastIndexOf(')');
  if (end < 0) throw new Error(`not a /proc/<pid>/stat line: ${statText.slice(0, 80)}`);
  // After the name: state (field 3), ... utime (14), stime (15); index 0 here is field 3.
  const fields = statText.slice(end + 2).trim().split(/\s+/);
  const utime = Number(fields[14 - 3]);
  const stime = Number(fields[15 - 3]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error(`no utime/stime in: ${statText.slice(0, 80)}`);
  return utime + stime;
}

/**
 * The Yardmaster service a command line (/proc/<pid>/cmdline, NUL-separated) runs from `root`'s build, e.g.
 * `node <root>/apps/api/dist/main.js` → `api`; null for any other process.
 */
export function serviceOfCommandLine(cmdline: string, root: string): string | null {
  const args = cmdline.split('\0').filter((arg) => arg.length > 0);
  const prefix = `${root.replace(/\/$/, '')}/apps/`;
  for (const arg of args.slice(1)) {
    if (!arg.startsWith(prefix)) continue;
    const match = /^([a-z]+)\/dist\/main\.js$/.exec(arg.slice(prefix.length));
    if (match) return match[1];
  }
  return null;
}

/** The variables of /proc/<pid>/environ (NUL-separated `NAME=value`). */
export function environmentOf(environText: string): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const entry of environText.split('\0')) {
    const equals = entry.indexOf('=');
    if (equals > 0) variables[entry.slice(0, equals)] = entry.slice(equals + 1);
  }
  return variables;
}
