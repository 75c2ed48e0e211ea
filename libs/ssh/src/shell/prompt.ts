import type { PlatformProfile } from '../platforms/ssh-platforms';

/** A pager that paging-off did not silence (a device that ignores `terminal length 0`): answered with a space. */
export const PAGER = /(?:\s*-+ ?\(?more(?: \d+%)?\)? ?-+\s*|\s*<--- More --->\s*)$/i;

/** The last line of `text` (what a prompt is, when the device waits for input). */
export function lastLine(text: string): string {
  const cut = text.lastIndexOf('\n');
  return cut === -1 ? text : text.slice(cut + 1);
}

/**
 * The last 2 KB of `text`, from the start of the line they begin in: what the prompt and pager patterns need to see, so that
 * checking a long output after each chunk does not rescan all of it.
 */
export function endOf(text: string): string {
  if (text.length <= 2048) return text;
  const from = text.lastIndexOf('\n', text.length - 2048);
  return from === -1 ? text : text.slice(from);
}

/** Whether `text` ends as a prompt of this platform might: a non-empty last line ending with a terminator. */
export function endsWithAnyPrompt(text: string, profile: PlatformProfile): boolean {
  const line = lastLine(text).trimEnd();
  return line.length > 1 && profile.promptTerminators.includes(line[line.length - 1]) && !/\s/.test(line[0]);
}

/** The prompt without its mode: `router1>` → `router1`, `netops@mx1>` → `netops@mx1`, `sw1(config)#` → `sw1`. */
export function basePromptOf(prompt: string, profile: PlatformProfile): string {
  const trimmed = prompt.trim();
  const withoutTerminator = profile.promptTerminators.includes(trimmed[trimmed.length - 1]) ? trimmed.slice(0, -1) : trimmed;
  return withoutTerminator.replace(/\([^)]*\)$/, '');
}

/**
 * Matches the device's prompt at the end of the output, in any mode: the base prompt, an optional `(config…)`, one
 * terminator. Anchored to a line start, so a line of output that merely contains the host name does not end a command.
 */
export function promptPattern(basePrompt: string, profile: PlatformProfile): RegExp {
  const terminators = profile.promptTerminators.replace(/[\]\\^-]/g, '\\$&');
  return new RegExp(`(?:^|\\n)${escapeRegExp(basePrompt)}(?:\\([^)\\n]*\\))?[${terminators}]\\s*$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
