/** One option as `--help` lists it: its flags, then its description, a line each. */
export type OptionHelp = readonly [flags: string, ...description: string[]];

/**
 * A command's `--help` text: `Options:`, each option's flags with its description in one column two spaces past
 * the longest flags, and the notes after a blank line.
 */
export function optionsHelp(options: readonly OptionHelp[], notes: readonly string[] = []): string {
  const width = Math.max(...options.map(([flags]) => flags.length)) + 2;
  const lines = options.flatMap(([flags, ...description]) =>
    description.map((line, index) => `  ${(index === 0 ? flags : '').padEnd(width)}${line}`),
  );
  return ['Options:', ...lines, ...(notes.length > 0 ? ['', ...notes] : [])].join('\n');
}
