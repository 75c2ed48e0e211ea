import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 in front of a server, that can hold back the server's answers while letting requests
 * through: what a client sees when its request reached the server and the answer did not come back in time (a slow
 * network, a server that stalls after committing). `release()` sends what was held, in order.
 */
export class HeldAnswersProxy {
  private holding = false;
  private readonly connections = new Set<{ client: Socket; upstream: Socket; held: Buffer[] }>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(target: string): Promise<HeldAnswersProxy> {
    const [host, port] = target.split(':');
    let proxy: HeldAnswersProxy | null = null;
    const server = createServer((client) => proxy?.relay(client, host, Number(port)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('the proxy has no port');
    proxy = new HeldAnswersProxy(server, address.port);
    return proxy;
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  hold(): void {
    this.holding = true;
  }

  release(): void {
    this.holding = false;
    for (const connection of this.connections) {
      for (const chunk of connection.held.splice(0)) connection.client.write(chunk);
    }
  }

  async stop(): Promise<void> {
    for (const { client, upstream } of this.connections) {
      client.destroy();
      upstream.destroy();
    }
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private relay(client: Socket, host: string, port: number): void {
    const upstream = connect(port, host);
    const connection = { client, upstream, held: [] as Buffer[] };
    this.connections.add(connection);
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk: Buffer) => {
      if (this.holding) connection.held.push(chunk);
      else client.write(chunk);
    });
    const close = () => {
      this.connections.delete(connection);
      client.destroy();
      upstream.destroy();
    };
    for (const socket of [client, upstream]) {
      socket.on('error', close);
      socket.on('close', close);
    }
  }
}
