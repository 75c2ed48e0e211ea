/** Why a channel ended when the shell did not close it itself. */
export type ChannelEnd = { readonly by: 'channel' } | { readonly by: 'connection'; readonly error?: Error };

/** What the shell needs of an SSH channel: ssh2's shell channel behind it (open-ssh-session), a fake in unit tests. */
export interface ShellChannel {
  write(text: string): void;
  /** Each chunk the device sends, stdout and stderr alike (a CLI writes both to the same terminal). */
  onData(listener: (chunk: string) => void): void;
  /** Once, when the channel or its connection ends without the shell's own `close`. */
  onEnd(listener: (end: ChannelEnd) => void): void;
  /** Closes the channel and its connection; no `onEnd` follows. */
  close(): void;
}
