import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { pathToFileURL } from 'node:url';
import {
  appendToStream,
  chainHash,
  Checkpointer,
  EVENT_STORE_MIGRATIONS,
  exportBundle,
  generateSigner,
  loadMigrations,
  migrate,
  type CheckpointSigner,
  type EvidenceBundle,
  type NewEvent,
} from '@selter/event-store';
import { createTestDatabase } from '@selter/testing';
import type { Browser } from 'playwright-core';
import postgres from 'postgres';
import { USER_OF } from '../api/journey';
import { launchChromium, openTab, type ConsoleTab } from './browser';
import { pageReady, signIn, useWebStack } from './web-stack';

const STREAM = 'round-kabcontoh-2026-07';
const N = 30;

const stageResult = (v: number): NewEvent => ({
  eventId: randomUUID(),
  type: 'StageResultRecorded',
  data: { applicantId: `applicant-${v}`, score: 60 + v },
  metadata: { actor: { id: 'pansel-1', role: 'pansel' }, correlationId: randomUUID() },
  recordedAt: new Date(Date.UTC(2026, 6, 1) + v * 60_000).toISOString(),
});

/** A real store's bundle of one round (a neighbour's events in between), exported after a checkpoint. */
async function realBundle(signer: CheckpointSigner): Promise<EvidenceBundle> {
  const db = await createTestDatabase('offline_verifier');
  const sql = postgres(db.url, { max: 2, onnotice: () => undefined });
  try {
    await migrate(sql, loadMigrations('event-store', EVENT_STORE_MIGRATIONS));
    for (let v = 1; v <= N; v += 1) {
      await appendToStream(sql, STREAM, v - 1 || 'no_stream', [stageResult(v)]);
      if (v % 3 === 0)
        await appendToStream(sql, 'round-kabtetangga-2026-07', v / 3 - 1 || 'no_stream', [stageResult(v)]);
    }
    await new Checkpointer(sql, signer).checkpoint();
    return await exportBundle(sql, STREAM, signer);
  } finally {
    await sql.end();
    await db.drop();
  }
}

/** Each tampering an auditor must see named, and the version it must be named at. */
const CASES: Array<{ name: string; code: string; version?: number; change(b: EvidenceBundle): void }> = [
  {
    name: 'changed payload',
    code: 'HASH_MISMATCH',
    version: 5,
    change: (b) =>
      void ((b.events[4] as { record: string }).record =
        b.events[4]?.record.replace('"score":65', '"score":95') ?? ''),
  },
  {
    name: 'deleted middle event',
    code: 'VERSION_GAP',
    version: 10,
    change: (b) => void b.events.splice(9, 1),
  },
  {
    name: 'reordered pair',
    code: 'OUT_OF_ORDER',
    version: 12,
    change: (b) => void b.events.splice(11, 2, b.events[12] as never, b.events[11] as never),
  },
  {
    name: 'cut tail of 3',
    code: 'LOG_TRUNCATED',
    version: N - 2,
    change: (b) => void b.events.splice(N - 3),
  },
  {
    name: 'rewritten suffix, hashes recomputed',
    code: 'CHECKPOINT_ROOT_MISMATCH',
    version: 20,
    change: (b) => {
      let prev: Buffer = Buffer.from(b.events[18]?.hash ?? '', 'hex');
      for (const e of b.events.slice(19)) {
        e.record = e.record.replace('"data":{', '"data":{"forged":true,');
        e.prevHash = prev.toString('hex');
        prev = chainHash(prev, e.record);
        e.hash = prev.toString('hex');
      }
    },
  },
  {
    name: 'forged checkpoint signature',
    code: 'CHECKPOINT_SIGNATURE_INVALID',
    change: (b) => {
      const signature = Buffer.from(b.checkpoint.signature, 'base64');
      signature[0] = ((signature[0] ?? 0) + 1) % 256;
      b.checkpoint.signature = signature.toString('base64');
    },
  },
];

describe('the standalone verifier in Chromium: an auditor without Node', () => {
  let browser: Browser;
  let tab: ConsoleTab;
  let bundle: EvidenceBundle;
  let signer: CheckpointSigner;
  let dir: string;
  let loaded = 0;

  beforeAll(async () => {
    signer = generateSigner();
    [bundle, browser] = await Promise.all([realBundle(signer), launchChromium()]);
    dir = mkdtempSync(join(tmpdir(), 'selter-verifier-'));
    const file = join(dir, 'verifier.html');
    // Built as `npm run web:build` builds it (Vite is ESM-only: in a process of its own).
    await promisify(execFile)(
      process.execPath,
      ['scripts/run.cjs', 'apps/web/tools/build-verifier.ts', file],
      { cwd: resolve(__dirname, '../..') },
    );
    tab = await openTab(browser, 'http://127.0.0.1:9');
    await tab.page.goto(pathToFileURL(file).href);
    await tab.page.getByTestId('bundle-file').waitFor();
    loaded = tab.requests.length;
  }, 120_000);

  afterAll(async () => {
    await tab?.close();
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Picks a bundle in the page's file input and reads the verdict it shows. */
  async function verify(
    content: EvidenceBundle | string,
    keyId = '',
  ): Promise<{
    ok: string | null;
    text: string;
    problems: Array<{ code: string | null; version: string | null; position: string | null }>;
  }> {
    const { page } = tab;
    await page.getByTestId('key-id').fill(keyId);
    await page.evaluate(() => document.querySelector('[data-testid=verdict]')?.remove());
    const buffer = Buffer.from(typeof content === 'string' ? content : JSON.stringify(content));
    await page
      .getByTestId('bundle-file')
      .setInputFiles({ name: 'bundle.json', mimeType: 'application/json', buffer });
    const verdict = page.getByTestId('verdict');
    await verdict.waitFor();
    const problems = await verdict.locator('li').evaluateAll((items) =>
      items.map((li) => ({
        code: li.getAttribute('data-code'),
        version: li.getAttribute('data-version'),
        position: li.getAttribute('data-position'),
      })),
    );
    return { ok: await verdict.getAttribute('data-ok'), text: await verdict.innerText(), problems };
  }

  it('opens in Bahasa Indonesia first, English second', async () => {
    expect(await tab.page.locator('h1').innerText()).toBe(
      'Verifikasi bundel bukti / Evidence bundle verification',
    );
    expect(await tab.page.locator('html').getAttribute('lang')).toBe('id');
  });

  it('verifies a good bundle with WebCrypto, with the key pinned', async () => {
    const good = await verify(bundle, signer.keyId);
    expect(good).toMatchObject({ ok: 'true', problems: [] });
    expect(good.text).toContain(`TERVERIFIKASI / VERIFIED: ${STREAM}`);
    expect(good.text).toContain(`${N} peristiwa diperiksa / events checked`);
    expect(good.text).toContain(signer.keyId);
  });

  it.each(CASES.map((c) => [c.name, c] as const))(
    'names a %s with its version and global position',
    async (_name, c) => {
      const copy = JSON.parse(JSON.stringify(bundle)) as EvidenceBundle;
      c.change(copy);
      const seen = await verify(copy);
      expect(seen.ok).toBe('false');
      expect(seen.problems[0]).toEqual({
        code: c.code,
        version: c.version === undefined ? null : String(c.version),
        position: c.version === undefined ? null : expect.stringMatching(/^\d+$/),
      });
      expect(seen.text).toContain('GAGAL / FAILED');
    },
  );

  it('refuses a key other than the pinned one, and a file that is no bundle', async () => {
    expect((await verify(bundle, generateSigner().keyId)).problems[0]?.code).toBe('KEY_MISMATCH');
    expect((await verify('not json')).text).toContain('bukan JSON');
  });

  it('sent no request after it loaded: the bundle never leaves the page', () => {
    expect(tab.requests.slice(loaded)).toEqual([]);
    expect(tab.problems).toEqual([]);
  });
});

describe("the console's verifier page in Chromium: the same checks, nothing sent", () => {
  const web = useWebStack();
  let signer: CheckpointSigner;
  let bundle: EvidenceBundle;
  beforeAll(async () => {
    signer = generateSigner();
    bundle = await realBundle(signer);
  }, 60_000);

  it('verifies a picked bundle, names a change with its version, sends no request, and offers the standalone file', async () => {
    const { page } = web.tab;
    await signIn(page, web.stack.url, USER_OF.auditor);
    await page.goto('/console/audit/verify');
    await pageReady(page, 'verify-bundle');
    const loaded = web.tab.requests.length;
    const pick = async (content: EvidenceBundle) => {
      await page.evaluate(() => document.querySelector('[data-testid=verdict]')?.remove());
      await page.getByTestId('bundle-file').setInputFiles({
        name: 'bundle.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(content)),
      });
      return page.getByTestId('verdict');
    };
    expect(await (await pick(bundle)).getAttribute('data-ok')).toBe('true');
    const changed = JSON.parse(JSON.stringify(bundle)) as EvidenceBundle;
    CASES[0]?.change(changed);
    const verdict = await pick(changed);
    expect(await verdict.getAttribute('data-ok')).toBe('false');
    expect(await verdict.locator('li').first().getAttribute('data-code')).toBe('HASH_MISMATCH');
    expect(await verdict.locator('li').first().getAttribute('data-version')).toBe('5');
    expect(web.tab.requests.slice(loaded)).toEqual([]);
    const standalone = await page.request.get('/console/verifier.html');
    expect(standalone.status()).toBe(200);
    expect(await standalone.text()).toContain('Verifikasi bundel bukti');
  });
});
