import * as net from 'node:net';

/** How a paused proxy treats new connections. */
export type PauseMode = 'refuse' | 'blackhole';

/**
 * A tiny TCP proxy on a random loopback port, for fault injection between a service and a
 * dependency (e.g. PostgreSQL): `pause()` cuts every open connection and then refuses new
 * ones (accepts and resets them at once) or blackholes them (accepts and never answers,
 * so the client runs into its own timeout); `resume()` forwards again.
 */
export class TcpProxy {
  private readonly sockets = new Set<net.Socket>();
  private paused: PauseMode | null = null;

  private constructor(
    private readonly server: net.Server,
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  /** Starts a proxy to `host:port` on 127.0.0.1 and a free port. */
  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const ready: { proxy?: TcpProxy } = {};
    const server = net.createServer((client) => {
      if (ready.proxy) ready.proxy.accept(client);
      else client.destroy();
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    ready.proxy = new TcpProxy(server, (server.address() as net.AddressInfo).port, target);
    return ready.proxy;
  }

  /** Starts a proxy for the host and port of a URL (e.g. DATABASE_URL) and returns it with the URL rewritten to go through it. */
  static async forUrl(url: string, defaultPort = 5432): Promise<{ proxy: TcpProxy; url: string }> {
    const u = new URL(url);
    const proxy = await TcpProxy.start({ host: u.hostname, port: Number(u.port || defaultPort) });
    u.hostname = '127.0.0.1';
    u.port = String(proxy.port);
    return { proxy, url: u.toString() };
  }

  /** Connections currently open through the proxy (client side and target side). */
  get openConnections(): number {
    return this.sockets.size;
  }

  /** Whether the proxy is paused, and how. */
  get state(): PauseMode | 'forwarding' {
    return this.paused ?? 'forwarding';
  }

  /** Cuts every open connection; new ones are refused or blackholed until resume(). */
  pause(mode: PauseMode = 'refuse'): void {
    this.paused = mode;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  /** Forwards new connections again. */
  resume(): void {
    this.paused = null;
  }

  /** Closes the proxy and every connection through it. */
  async stop(): Promise<void> {
    this.pause();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: net.Socket): void {
    client.on('error', () => undefined);
    if (this.paused === 'refuse') {
      client.resetAndDestroy();
      return;
    }
    this.track(client);
    if (this.paused === 'blackhole') return; // held open, never answered; cut by the next pause/stop
    const upstream = net.connect(this.target.port, this.target.host);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    this.track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }

  private track(s: net.Socket): void {
    this.sockets.add(s);
    s.on('close', () => this.sockets.delete(s));
  }
}
