/**
 * The value a job receives for a file variable: the upload's name, size and content type as the client sent
 * them, and its content, read from the run's file store only when asked for (a job that does not read a file
 * never transfers it). The content is kept only until the run ends.
 */
export interface RunFile {
  readonly name: string;
  /** In bytes. */
  readonly size: number;
  /** As the client sent it; `application/octet-stream` when it sent none. */
  readonly contentType: string;
  bytes(): Promise<Uint8Array>;
  /** The content decoded as UTF-8 (invalid sequences become U+FFFD). */
  text(): Promise<string>;
}
