import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useApiStack } from './client';

const INDEX =
  '<!doctype html><html><body><div id="root">console-index-marker</div><script type="module" src="/console/assets/app-abc123.js"></script></body></html>';
const SCRIPT = 'console.info("app-abc123");';

describe('the web console served by the API', () => {
  // A tiny stand-in for `npm run web:build`, so the test does not depend on a real build.
  const dist = mkdtempSync(join(tmpdir(), 'selter-web-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), INDEX);
  writeFileSync(join(dist, 'assets', 'app-abc123.js'), SCRIPT);
  writeFileSync(join(dist, 'favicon.svg'), '<svg/>');
  writeFileSync(join(dist, '.env'), 'SECRET=1');
  const under = useApiStack({ WEB_DIST_DIR: dist });
  afterAll(() => rm(dist, { recursive: true, force: true }));
  const get = (path: string): Promise<Response> => fetch(`${under.stack.url}${path}`, { redirect: 'manual' });

  it('sends / to the console and serves its index, its files, and index.html for client routes', async () => {
    const home = await get('/');
    expect(home.status).toBe(302);
    expect(home.headers.get('location')).toBe('/console/');
    for (const path of [
      '/console',
      '/console/',
      '/console/inbox',
      '/console/rounds/round-kabcontoh-2024-01/timeline',
      '/publik/kabcontoh',
      '/publik/kabcontoh/2024-01',
    ]) {
      const page = await get(path);
      expect({ path, status: page.status, type: page.headers.get('content-type') }).toEqual({
        path,
        status: 200,
        type: expect.stringContaining('text/html'),
      });
      expect(await page.text()).toContain('console-index-marker');
      expect(page.headers.get('cache-control')).toBe('no-cache');
    }
    const script = await get('/console/assets/app-abc123.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect(script.headers.get('cache-control')).toContain('immutable');
    expect(await script.text()).toBe(SCRIPT);
    expect((await get('/console/favicon.svg')).headers.get('content-type')).toContain('image/svg+xml');
  });

  it('answers a missing asset with 404 problem+json and never serves dotfiles or files outside the build', async () => {
    const missing = await under.api.raw('GET', '/console/assets/app-old999.js');
    expect({ status: missing.status, code: missing.body['code'], type: missing.type }).toEqual({
      status: 404,
      code: 'CONSOLE.ASSET_NOT_FOUND',
      type: expect.stringContaining('application/problem+json'),
    });
    for (const path of [
      '/console/.env',
      '/console/%2e%2e/%2e%2e/package.json',
      '/console/..%2f..%2fpackage.json',
      '/console/%E0%A4%A',
    ]) {
      const reply = await get(path);
      const text = await reply.text();
      expect(text).not.toContain('SECRET');
      expect(text).not.toContain('"workspaces"');
    }
  });

  it('keeps the API as it was: unknown paths are problem+json, endpoints need a token, the OpenAPI document has no console path', async () => {
    const unknown = await under.api.raw('GET', '/no/such/route');
    expect({ status: unknown.status, code: unknown.body['code'], type: unknown.type }).toEqual({
      status: 404,
      code: 'REQUEST.NOT_FOUND',
      type: expect.stringContaining('application/problem+json'),
    });
    expect((await under.api.raw('GET', '/rounds')).status).toBe(401);
    const doc = await under.api.raw<{ paths: Record<string, unknown> }>('GET', '/docs/openapi.json');
    expect(
      Object.keys(doc.body.paths).filter(
        (p) => p === '/' || p.startsWith('/console') || p.startsWith('/publik'),
      ),
    ).toEqual([]);
  });

  it('says how to build the console when there is no build', async () => {
    await rm(join(dist, 'index.html'));
    for (const path of ['/console/', '/console/inbox', '/publik/kabcontoh']) {
      const reply = await under.api.raw('GET', path);
      expect({ path, status: reply.status, code: reply.body['code'], type: reply.type }).toEqual({
        path,
        status: 503,
        code: 'CONSOLE.NOT_BUILT',
        type: expect.stringContaining('application/problem+json'),
      });
      expect(String(reply.body['detail'])).toContain('npm run web:build');
    }
  });
});
