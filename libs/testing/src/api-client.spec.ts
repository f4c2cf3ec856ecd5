import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { callApi } from './api-client';

describe(callApi.name, () => {
  let server: Server;
  let base: string;
  const seen: { method?: string; url?: string; headers: IncomingMessage['headers']; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, headers: req.headers, body });
        if (req.url === '/empty') res.writeHead(204).end();
        else res.writeHead(201, { 'content-type': 'application/json' }).end('{"id":"s-1"}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends the key as a bearer token and the body as JSON, and parses the answer', async () => {
    expect(await callApi(base, 'POST', '/v1/subscriptions', 'bik_k', { url: 'x' })).toEqual({
      status: 201,
      body: { id: 's-1' },
    });
    expect(seen[0]).toMatchObject({
      method: 'POST',
      url: '/v1/subscriptions',
      headers: { authorization: 'Bearer bik_k', 'content-type': 'application/json' },
      body: '{"url":"x"}',
    });
  });

  it('sends no body or content type without one, and gives null for an empty answer', async () => {
    expect(await callApi(base, 'DELETE', '/empty', 'bik_k')).toEqual({ status: 204, body: null });
    expect(seen[1].headers['content-type']).toBeUndefined();
    expect(seen[1].body).toBe('');
  });
});
