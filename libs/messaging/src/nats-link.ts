import type { NatsConnection } from '@nats-io/nats-core';

/**
 * Whether a connection to NATS is up, as its status events tell, and whether it went down since a moment. A
 * command sent while the connection is down is never delivered (the client drops what it holds when it dials
 * again), so it can be refused at once; one sent before the link went down may have been delivered.
 */
export class NatsLink {
  private up = true;
  private losses = 0;

  constructor(nc: NatsConnection) {
    void this.follow(nc);
  }

  get isUp(): boolean {
    return this.up;
  }

  /** A moment, for `wentDownSince`. */
  mark(): number {
    return this.losses;
  }

  /** The link went down after `mark` (and may be back), or is down now. */
  wentDownSince(mark: number): boolean {
    return !this.up || this.losses !== mark;
  }

  private async follow(nc: NatsConnection): Promise<void> {
    for await (const status of nc.status()) {
      if (status.type === 'disconnect' || status.type === 'close') {
        this.up = false;
        this.losses += 1;
      } else if (status.type === 'reconnect') {
        this.up = true;
      }
    }
  }
}
