import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SNMPSIM_DIR } from './snmpsim-install';

/**
 * Copies each recording out of snmpsim-data into .yard/snmpsim/recordings, decompressed, sorted by OID and, when
 * `subtrees` is given, reduced to the records under them. Why reduced: snmpsim indexes every record of its data folder
 * before it answers (1,600 records/s with Python's dumb dbm, far more with ndbm: tools/stack/snmpsim.mjs); the network recordings hold 25 million
 * records, the subtrees a collector walks about 600,000, and a walk inside a subtree gets the same answers either
 * way. Why sorted: snmpsim needs its files in OID order (`snmpsim-manage-records --sort-records` exists for that);
 * some recordings are not (e.g. network/router/ruijie-n18010), and snmpsim then leaves GETs unanswered and walks
 * going backwards. Returns a data folder holding exactly these recordings (symbolic links; snmpsim keys its index on
 * the target, so every folder shares one index per recording).
 */
export function prepareRecordings(venv: string, recordings: readonly string[], subtrees: readonly string[] | undefined): string {
  const variant = subtrees ? `sorted-subtrees-${digest(subtrees)}` : 'sorted-whole';
  const store = join(SNMPSIM_DIR, 'recordings', variant);
  const missing = recordings.filter((recording) => !existsSync(join(store, `${recording}.snmprec`)));
  if (missing.length > 0) {
    execFileSync(join(venv, 'bin', 'python'), ['-c', FILTER_SCRIPT, store, JSON.stringify(subtrees ?? []), ...missing], { stdio: ['ignore', 'ignore', 'pipe'] });
  }
  const folder = join(SNMPSIM_DIR, 'data', `${variant}-${digest(recordings)}`);
  for (const recording of recordings) {
    const link = join(folder, `${recording}.snmprec`);
    if (existsSync(link)) continue;
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(store, `${recording}.snmprec`), link);
  }
  return folder;
}

/** Every recording of snmpsim-data under `prefix` (e.g. `network/`), by the name snmpsim serves it under. */
export function listRecordings(venv: string, prefix: string): string[] {
  const data = dataFolder(venv);
  const walk = (relative: string): string[] =>
    readdirSync(join(data, relative), { withFileTypes: true }).flatMap((entry) => {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) return walk(path);
      const match = /^(.*)\.snmprec(\.bz2)?$/.exec(path);
      return match ? [match[1]] : [];
    });
  return walk('').filter((name) => name.startsWith(prefix)).sort();
}

function dataFolder(venv: string): string {
  const lib = join(venv, 'lib');
  const python = readdirSync(lib).find((name) => name.startsWith('python'));
  if (!python) throw new Error(`No python library folder in ${lib}`);
  return join(lib, python, 'site-packages', 'snmpsim_data', 'data');
}

function digest(values: readonly string[]): string {
  return createHash('sha256').update([...values].sort().join('\n')).digest('hex').slice(0, 12);
}

// Written to a temporary name and renamed: two test files preparing the same recording never read half a file.
// A line's OID is the text before its first `|`; lines whose OID is not numeric go last.
const FILTER_SCRIPT = `
import bz2, json, os, sys, snmpsim_data
store, subtrees, names = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3:]
data = os.path.join(os.path.dirname(snmpsim_data.__file__), 'data')
prefixes = tuple(s + '.' for s in subtrees)
def oid_key(line):
    try:
        return (0, tuple(int(part) for part in line.split('|', 1)[0].split('.')))
    except ValueError:
        return (1, ())
for name in names:
    source = os.path.join(data, name + '.snmprec')
    reader = bz2.open(source + '.bz2', 'rt', errors='surrogateescape') if os.path.exists(source + '.bz2') else open(source, 'rt', errors='surrogateescape')
    target = os.path.join(store, name + '.snmprec')
    os.makedirs(os.path.dirname(target), exist_ok=True)
    partial = target + '.%d.part' % os.getpid()
    with reader:
        kept = [line if line.endswith('\\n') else line + '\\n' for line in reader if not prefixes or line.startswith(prefixes) or line.split('|', 1)[0] in subtrees]
    kept.sort(key=oid_key)
    with open(partial, 'wt', errors='surrogateescape') as out:
        out.writelines(kept)
    os.replace(partial, target)
`;
