import type { Response } from 'express';

export interface SseMessage {
  readonly id: string;
  readonly event: string;
  readonly data: string;
}

/**
 * A response carrying Server-Sent Events: headers sent at once, a comment every `keepAliveMs` so that proxies
 * and clients see the connection alive, and writes that wait while a slow client's buffer is full.
 */
export class SseResponse {
  private ended = false;
  private readonly keepAlive: NodeJS.Timeout;
  private readonly whenClosed: Promise<void>;

  private constructor(
    private readonly response: Response,
    keepAliveMs: number,
  ) {
    response.status(200);
    response.setHeader('Content-Type', 'text/event-stream');
    response.setHeader('Cache-Control', 'no-cache');
    response.setHeader('Connection', 'keep-alive');
    // nginx and its kin buffer responses unless told not to: events must leave as they are written.
    response.setHeader('X-Accel-Buffering', 'no');
    response.flushHeaders();
    response.socket?.setNoDelay(true);
    this.whenClosed = new Promise((resolve) =>
      response.once('close', () => {
        this.ended = true;
        clearInterval(this.keepAlive);
        resolve();
      }),
    );
    this.keepAlive = setInterval(() => this.write(': keep-alive\n\n'), keepAliveMs);
  }

  static open(response: Response, keepAliveMs: number): SseResponse {
    return new SseResponse(response, keepAliveMs);
  }

  /** Resolves when the connection is gone: the client left, or `end` was called. */
  get closed(): Promise<void> {
    return this.whenClosed;
  }

  get isOpen(): boolean {
    return !this.ended;
  }

  /** Writes one event; resolves false when the client has gone and nothing more can be sent. */
  async send(message: SseMessage): Promise<boolean> {
    const frame = [`id: ${oneLine(message.id)}`, `event: ${oneLine(message.event)}`, ...message.data.split(/\r\n|\r|\n/).map((line) => `data: ${line}`)].join('\n');
    if (!this.write(`${frame}\n\n`)) {
      await Promise.race([new Promise((resolve) => this.response.once('drain', resolve)), this.whenClosed]);
    }
    return !this.ended;
  }

  end(): void {
    clearInterval(this.keepAlive);
    if (!this.response.writableEnded) this.response.end();
  }

  /** False when the socket's buffer is full (wait for `drain`), or the response has ended. */
  private write(chunk: string): boolean {
    if (this.ended || this.response.writableEnded) return false;
    return this.response.write(chunk);
  }
}

function oneLine(value: string): string {
  return value.replace(/[\r\n]/g, ' ');
}
