/** ANSI/VT100 control sequences some CLIs print (colours, cursor moves) and the backspaces of a pager's erasure. */
const CONTROL_SEQUENCES = /\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[=>]|[^\n\x08]\x08|\x07/g;

/** Device text as lines with `\n` only: control sequences removed, `\r\n` and stray `\r` dropped. */
export function normaliseDeviceText(raw: string): string {
  let text = raw;
  // Backspace pairs can nest (a pager erased character by character): remove until none is left.
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(CONTROL_SEQUENCES, '');
  }
  return text.replace(/\r+\n/g, '\n').replace(/\r/g, '');
}

/**
 * A command's output as the device printed it between the echoed command line and the prompt that followed, without
 * either (netmiko's `strip_command` and `strip_prompt`). `text` is normalised and ends with the prompt.
 */
export function commandOutputOf(text: string, command: string, prompt: RegExp): string {
  const withoutPrompt = text.replace(prompt, '');
  const firstBreak = withoutPrompt.indexOf('\n');
  const firstLine = firstBreak === -1 ? withoutPrompt : withoutPrompt.slice(0, firstBreak);
  // The echo: the command as typed, possibly after an earlier prompt when the device echoes the whole line.
  const body = command.trim() !== '' && firstLine.trimEnd().endsWith(command.trim()) ? (firstBreak === -1 ? '' : withoutPrompt.slice(firstBreak + 1)) : withoutPrompt;
  return body;
}
