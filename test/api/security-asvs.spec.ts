import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ManagedProcess } from '@selter/engines';
import { ApiClient, type Reply } from './client';
import { startApiStack, type ApiStack } from './stack';

const ROOT = resolve(__dirname, '../..');
const MFA = { amr: ['pwd', 'otp'] };
const ANON_LIMIT = 25;

function expectProblem(reply: Reply, status: number, code: string): void {
  expect({ status: reply.status, code: reply.body['code'] }).toEqual({ status, code });
  expect(reply.type).toContain('application/problem+json');
}

/** ASVS 5.0 L2 items of issue 14 (ADR 21), against an API configured as in production. */
describe('API hardening (ASVS L2) in production mode', () => {
  let stack: ApiStack;
  let api: ApiClient;
  let admin: string;
  let auditor: string;

  beforeAll(async () => {
    stack = await startApiStack({
      NODE_ENV: 'production',
      DEV_ISSUER: 'off',
      API_CLOCK: 'system',
      AUTH_INTROSPECTION_CACHE_SECONDS: '0',
      API_ANON_RATE_LIMIT_PER_MINUTE: String(ANON_LIMIT),
    });
    api = new ApiClient(stack.url);
    admin = await stack.issuer.mint({ sub: 'ops-admin', role: 'admin', ...MFA });
    auditor = await stack.issuer.mint({ sub: 'auditor', role: 'auditor' });
  }, 180_000);
  afterAll(() => stack?.stop());

  it('sends a CSP without inline script, no framing, no X-Powered-By, and no-store on authenticated answers', async () => {
    const live = await api.raw('GET', '/health/live');
    const csp = live.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(live.headers.get('x-frame-options')).toBe('DENY');
    expect(live.headers.get('x-powered-by')).toBeNull();
    const reply = await api.raw('GET', '/admin/security-events', { token: admin });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('cache-control')).toBe('no-store');
    // The console's page loads its code from files only, so the CSP above does not break it.
    const page = readFileSync(join(ROOT, 'apps/web/index.html'), 'utf8');
    expect(page.match(/<script\b[^>]*>/g)?.every((tag) => / src=/.test(tag))).toBe(true);
  });

  it('accepts only access tokens (typ at+jwt): an ID token with the right audience is refused; the scheme is case-insensitive', async () => {
    const idToken = await stack.issuer.mint({ sub: 'auditor', role: 'auditor' }, { typ: 'JWT' });
    const refused = await api.raw('GET', '/admin/security-events', { token: idToken });
    expectProblem(refused, 401, 'AUTH.UNAUTHENTICATED');
    expect(refused.body['detail']).toContain('at+jwt');
    expect(
      (await api.raw('GET', '/admin/security-events', { headers: { authorization: `bearer ${auditor}` } }))
        .status,
    ).toBe(200);
  });

  it('requires MFA (amr/acr) for PPK, oversight, pansel and admin in production, not for the auditor', async () => {
    for (const claims of [
      { sub: 'ppk.kabcontoh', role: 'ppk', agency: 'kabcontoh' },
      { sub: 'liaison.kasn', role: 'oversight', oversight_body: 'KASN' },
      { sub: 'pansel1.kabcontoh', role: 'pansel', agency: 'kabcontoh' },
      { sub: 'ops-admin', role: 'admin' },
    ]) {
      const reply = await api.raw('GET', '/rounds/round-kabcontoh-none', {
        token: await stack.issuer.mint(claims),
        headers: { 'x-request-id': 'asvs-mfa' },
      });
      expectProblem(reply, 401, 'AUTH.MFA_REQUIRED');
      const withMfa = await api.raw('GET', '/rounds/round-kabcontoh-none', {
        token: await stack.issuer.mint({ ...claims, ...MFA }),
      });
      expect(withMfa.status).not.toBe(401);
    }
  });

  it('refuses a token the issuer has revoked (introspection)', async () => {
    const token = await stack.issuer.mint({ sub: 'auditor', role: 'auditor' });
    expect((await api.raw('GET', '/admin/security-events', { token })).status).toBe(200);
    stack.issuer.revoke(token);
    expectProblem(await api.raw('GET', '/admin/security-events', { token }), 401, 'AUTH.TOKEN_REVOKED');
  });

  it('shows /health details, /metrics and /docs to operations only; /health/live and the status stay public; the clock to the admin only', async () => {
    const publicHealth = await api.raw('GET', '/health');
    expect(Object.keys(publicHealth.body)).toEqual(['status']);
    const opsHealth = await api.raw<{ info?: Record<string, unknown> }>('GET', '/health', { token: admin });
    expect(Object.keys(opsHealth.body.info ?? {})).toContain('postgres');
    expectProblem(await api.raw('GET', '/metrics'), 401, 'AUTH.UNAUTHENTICATED');
    expectProblem(await api.raw('GET', '/metrics', { token: auditor }), 403, 'AUTH.FORBIDDEN');
    const metrics = await fetch(`${stack.url}/metrics`, { headers: { authorization: `Bearer ${admin}` } });
    expect({ status: metrics.status, text: (await metrics.text()).slice(0, 6) }).toEqual({
      status: 200,
      text: '# HELP',
    });
    expectProblem(await api.raw('GET', '/docs/openapi.json'), 401, 'AUTH.UNAUTHENTICATED');
    expect((await api.raw('GET', '/docs/openapi.json', { token: admin })).status).toBe(200);
    expectProblem(await api.raw('GET', '/admin/clock', { token: auditor }), 403, 'AUTH.FORBIDDEN');
    expect((await api.raw('GET', '/admin/clock', { token: admin })).status).toBe(200);
  });

  it('records every refusal durably (append-only), readable by the admin and the national auditor only', async () => {
    let items: Array<Record<string, unknown>> = [];
    for (
      const deadline = Date.now() + 10_000;
      Date.now() < deadline;
      await new Promise((r) => setTimeout(r, 200))
    ) {
      items = (
        await api.raw<{ items: Array<Record<string, unknown>> }>('GET', '/admin/security-events?limit=500', {
          token: admin,
        })
      ).body.items;
      if (
        ['AUTH.MFA_REQUIRED', 'AUTH.TOKEN_REVOKED', 'AUTH.FORBIDDEN'].every((code) =>
          items.some((e) => e['code'] === code),
        )
      )
        break;
    }
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'AUTH.MFA_REQUIRED',
          principal: 'ppk.kabcontoh',
          route: '/rounds/round-kabcontoh-none',
          requestId: 'asvs-mfa',
          status: 401,
        }),
        expect.objectContaining({ code: 'AUTH.TOKEN_REVOKED', principal: 'auditor', status: 401 }),
        expect.objectContaining({
          code: 'AUTH.FORBIDDEN',
          principal: 'auditor',
          route: '/metrics',
          status: 403,
        }),
      ]),
    );
    const page = await api.raw<{ items: unknown[]; next: number | null }>(
      'GET',
      '/admin/security-events?limit=2',
      { token: auditor },
    );
    expect({ count: page.body.items.length, next: typeof page.body.next }).toEqual({
      count: 2,
      next: 'number',
    });
    const agencyAuditor = await stack.issuer.mint({
      sub: 'auditor.kabcontoh',
      role: 'auditor',
      agency: 'kabcontoh',
    });
    expectProblem(
      await api.raw('GET', '/admin/security-events', { token: agencyAuditor }),
      403,
      'AUTH.FORBIDDEN',
    );
    await expect(stack.sql`update security_events set code = 'X'`).rejects.toThrow(/append-only/);
    await expect(stack.sql`delete from security_events`).rejects.toThrow(/append-only/);
  });

  it('rate-limits requests without a valid token and /health per address, in PostgreSQL: 429 problem+json with Retry-After', async () => {
    const statuses: number[] = [];
    let limited: Reply | undefined;
    for (let i = 0; i < ANON_LIMIT + 5 && !limited; i++) {
      const reply = await api.raw('GET', '/rounds/round-kabcontoh-none');
      statuses.push(reply.status);
      if (reply.status === 429) limited = reply;
    }
    expect(limited).toBeDefined();
    expectProblem(limited!, 429, 'RATE.LIMITED');
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
    let health: Reply | undefined;
    for (let i = 0; i < ANON_LIMIT + 5 && !health; i++) {
      const reply = await api.raw('GET', '/health');
      if (reply.status === 429) health = reply;
    }
    expectProblem(health!, 429, 'RATE.LIMITED');
    expect(Number(health!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await api.raw('GET', '/health/live')).status).toBe(200);
    const [{ count }] = await stack.sql<
      [{ count: number }]
    >`select count(*)::int as count from api_rate_limits where hits > ${ANON_LIMIT}`;
    expect(count).toBeGreaterThanOrEqual(2);
  });
});

describe('a production API without a trusted issuer', () => {
  it('refuses to start: one line, exit code 78', () => {
    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'scripts', 'run.cjs'), join(ROOT, 'apps/api/src/main.ts')],
      {
        cwd: ROOT,
        env: {
          PATH: process.env['PATH'] ?? '',
          NODE_ENV: 'production',
          LOG_FORMAT: 'json',
          DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
          TEMPORAL_ADDRESS: '127.0.0.1:1',
          TEMPORAL_PAYLOAD_KEYS_FILE: process.env['TEMPORAL_PAYLOAD_KEYS_FILE'] ?? '',
        },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(run.status).toBe(78);
    expect(run.stdout + run.stderr).toContain('production needs a trusted issuer');
  }, 70_000);
});

describe('log files', () => {
  it('are made 0600, and a file left 0644 by an older run is tightened', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'selter-logs-'));
    const loose = join(dir, 'old.log');
    writeFileSync(loose, 'x', { mode: 0o644 });
    for (const logFile of [join(dir, 'new.log'), loose]) {
      const proc = new ManagedProcess({
        name: 'echo',
        command: process.execPath,
        args: ['-e', 'console.log(1)'],
        logFile,
      });
      await proc.waitForExit();
      expect((statSync(logFile).mode & 0o777).toString(8)).toBe('600');
    }
  });
});
