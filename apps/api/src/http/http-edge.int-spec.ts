/**
 * configureHttpEdge on an app of its own (one stand-in controller, nothing else): CORS for the configured origins
 * only, and headers and body limits in front of every route. Over real HTTP on 127.0.0.1; no dependency needed.
 */
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { APP_FILTER, NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ErrorFilter } from './error.filter';
import { configureHttpEdge } from './http-edge';

@Controller('api/things')
class ThingsController {
  @Get()
  list(): { items: string[] } {
    return { items: ['a'] };
  }

  @Post()
  create(@Body() body: unknown): unknown {
    return body;
  }
}

@Module({ controllers: [ThingsController], providers: [{ provide: APP_FILTER, useClass: ErrorFilter }] })
class EdgeTestModule {}

async function startApp(corsOrigins: readonly string[]): Promise<{ app: NestExpressApplication; url: string }> {
  const app = await NestFactory.create<NestExpressApplication>(EdgeTestModule, { logger: false, bodyParser: false });
  configureHttpEdge(app, { corsOrigins });
  await app.listen(0, '127.0.0.1');
  return { app, url: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}` };
}

function preflight(url: string, origin: string): Promise<Response> {
  return fetch(`${url}/api/things`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
  });
}

describe('CORS', () => {
  it('is off without configured origins: no page elsewhere may call the API', async () => {
    const { app, url } = await startApp([]);
    try {
      expect((await preflight(url, 'https://ops.example.com')).headers.get('access-control-allow-origin')).toBeNull();
      expect((await fetch(`${url}/api/things`, { headers: { origin: 'https://ops.example.com' } })).headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await app.close();
    }
  });

  it('lets the configured origins in, with the headers the API reads and answers, and nobody else', async () => {
    const { app, url } = await startApp(['https://ops.example.com']);
    try {
      const allowed = await preflight(url, 'https://ops.example.com');
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://ops.example.com');
      expect(allowed.headers.get('access-control-allow-headers')).toContain('Authorization');
      expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();

      const read = await fetch(`${url}/api/things`, { headers: { origin: 'https://ops.example.com' } });
      expect(read.headers.get('access-control-allow-origin')).toBe('https://ops.example.com');
      expect(read.headers.get('access-control-expose-headers')).toContain('Retry-After');

      expect((await preflight(url, 'https://evil.example.com')).headers.get('access-control-allow-origin')).toBeNull();
      expect((await fetch(`${url}/api/things`, { headers: { origin: 'https://evil.example.com' } })).headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await app.close();
    }
  });
});

describe('in front of every route', () => {
  it('sends hardened headers and refuses bodies too large or too deep, for any controller', async () => {
    const { app, url } = await startApp([]);
    try {
      const read = await fetch(`${url}/api/things`);
      expect(read.headers.get('x-powered-by')).toBeNull();
      expect(read.headers.get('x-content-type-options')).toBe('nosniff');

      const post = (body: string) => fetch(`${url}/api/things`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect((await post('{"a":1}')).status).toBe(201);
      expect(await (await post(JSON.stringify({ a: 'x'.repeat(10 * 1024 * 1024) }))).json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
      expect(await (await post(`${'['.repeat(65)}${']'.repeat(65)}`)).json()).toMatchObject({ code: 'MALFORMED_REQUEST' });
      expect((await post(`${'['.repeat(64)}${']'.repeat(64)}`)).status).toBe(201);
    } finally {
      await app.close();
    }
  });
});
