/** Pauses between delivery attempts while NATS is away: short at first (a blip), then at most `maxMs` apart. */
export class DeliveryBackoff {
  private nextMs: number;

  constructor(
    private readonly initialMs = 100,
    private readonly maxMs = 2_000,
  ) {
    this.nextMs = initialMs;
  }

  next(): number {
    const delay = this.nextMs;
    this.nextMs = Math.min(this.maxMs, this.nextMs * 2);
    return delay;
  }

  reset(): void {
    this.nextMs = this.initialMs;
  }
}
