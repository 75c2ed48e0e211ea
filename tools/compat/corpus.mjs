import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * The pairs of an ntc-templates `tests/` folder: `<platform>/<command with _ for spaces>/<name>.raw` beside
 * `<name>.yml` (its `parsed_sample`). Sorted, so that every run lists them in the same order.
 */
export function listPairs(root) {
  const pairs = [];
  const walk = (folder) => {
    for (const entry of readdirSync(folder).sort()) {
      const path = join(folder, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.endsWith('.raw')) {
        const [platform, commandFolder] = relative(root, folder).split(sep);
        pairs.push({
          id: relative(root, path).slice(0, -'.raw'.length),
          platform,
          command: commandFolder.replaceAll('_', ' '),
          raw: path,
          yml: path.slice(0, -'.raw'.length) + '.yml',
        });
      }
    }
  };
  walk(root);
  return pairs;
}

/** The device output as Python's `open(path).read()` gives it: UTF-8, universal newlines. */
export function readRaw(path) {
  return readFileSync(path, 'utf8').replace(/\r\n?/g, '\n');
}
