import { natsConnectionOptions } from './nats-connection';

describe('natsConnectionOptions', () => {
  it('keeps the scheme and the port, 4222 when the URL gives none', () => {
    expect(natsConnectionOptions('nats://nats.example.net:4333', 'api').servers).toBe('nats://nats.example.net:4333');
    expect(natsConnectionOptions('nats://127.0.0.1', 'api').servers).toBe('nats://127.0.0.1:4222');
    expect(natsConnectionOptions('nats://[::1]:4222', 'api').servers).toBe('nats://[::1]:4222');
  });

  it('asks for TLS for a tls:// URL, and leaves it to the server otherwise', () => {
    expect(natsConnectionOptions('tls://nats.example.net:4222', 'api')).toMatchObject({ servers: 'tls://nats.example.net:4222', tls: {} });
    expect(natsConnectionOptions('nats://nats.example.net:4222', 'api').tls).toBeUndefined();
  });

  it('passes user and password from the URL as the client options, decoded, and not in the server address', () => {
    const options = natsConnectionOptions('nats://yard%40ops:p%3Ass%2Fw0rd@nats.example.net:4222', 'api');

    expect(options).toMatchObject({ user: 'yard@ops', pass: 'p:ss/w0rd', servers: 'nats://nats.example.net:4222' });
    expect(options.token).toBeUndefined();
  });

  it('reads a user name without a password as a token, as other NATS clients do', () => {
    const options = natsConnectionOptions('tls://s3cr3t-t0ken@nats.example.net', 'api');

    expect(options).toMatchObject({ token: 's3cr3t-t0ken', servers: 'tls://nats.example.net:4222' });
    expect(options.user).toBeUndefined();
  });

  it('sends no credentials when the URL has none', () => {
    const options = natsConnectionOptions('nats://127.0.0.1:4222', 'scheduler@host:1');

    expect([options.user, options.pass, options.token]).toEqual([undefined, undefined, undefined]);
    expect(options.name).toBe('scheduler@host:1');
  });
});
