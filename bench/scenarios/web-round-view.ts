// web-round-view: how long the largest round (20 posts, 1,500 applicants through verdicts and two
// stages) takes to become a usable round view in headless Chromium, signed in as the operator,
// against a small round (1 post, 5 applicants) in the same run. Target: ready in <= 1.5 s.
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRoundActivities } from '@selter/activities';
import { roundStateQuery, roundWorkflowId } from '@selter/contracts';
import { queryThroughRestore } from '@selter/testing';
import type { RoundCommand } from '@selter/domain';
import { LARGEST_ROUND, planOfPosts, RoundStream } from '@selter/domain/testing';
import { CHROMIUM_ARGS, chromiumMissing, findChromium } from '@selter/engines';
import { migrate } from '@selter/event-store';
import { createProjectionRunner, projectionsMigrations, ROUND_READ_MODELS } from '@selter/projections';
import { chromium, type Browser, type BrowserContextOptions } from 'playwright-core';
import type { Scenario } from '../harness';
import { RecordingBuilder, startBenchApi, startBenchWorker, type BenchWorker } from '../rounds';

const WEB_DIST = resolve(__dirname, '../../apps/web/dist');
const AGENCY = 'kabcontoh';
const OPERATOR = 'operator.kabcontoh';
const LOADS = 5;
const TARGET_MS = 1_500;
const READY = '[data-page="round-view"][aria-busy="false"]';
const TAB: BrowserContextOptions = {
  locale: 'id-ID',
  timezoneId: 'Asia/Jakarta',
  viewport: { width: 1280, height: 800 },
};

interface SeededRound {
  path: string;
  events: number;
  /** The post titles a usable view shows. */
  titles: string[];
  terminate(): Promise<void>;
}

/** The commands of a round of `posts` posts and `applicants` applicants through verdicts and two published stages. */
function roundCommands(posts: number, applicants: number): { commands: RoundCommand[]; titles: string[] } {
  const b = new RecordingBuilder(planOfPosts(posts)).announce();
  b.round.postIds.forEach((postId, i) =>
    b.register(postId, Math.floor(applicants / posts) + (i < applicants % posts ? 1 : 0)),
  );
  b.closeAll().verify().stages(2);
  return { commands: [...b.commands], titles: b.plan.posts.map((p) => p.title) };
}

/**
 * Writes a round as its workflow would, without waiting on ~3,000 Updates (round-large's 5
 * minutes): each command decided by the domain, its events appended by the round activity the
 * workflow calls, one append per decision. Then the round's workflow starts on the stored events,
 * as after a continue-as-new, and the read models catch up: what the console reads is the same.
 */
async function seedRound(
  w: BenchWorker,
  roundId: string,
  posts: number,
  applicants: number,
): Promise<SeededRound> {
  const { commands, titles } = roundCommands(posts, applicants);
  const streamId = roundWorkflowId(AGENCY, roundId);
  const { recordRoundDecisions } = createRoundActivities({ sql: w.sql });
  const stream = new RoundStream();
  for (const command of commands) {
    const routed =
      command.type === 'PlanRound' ? { ...command, data: { ...command.data, roundId } } : command;
    const expectedVersion = stream.state.version;
    const events = stream.run({ ...routed, metadata: { ...routed.metadata, workflowId: streamId } });
    await recordRoundDecisions({
      streamId,
      expectedVersion,
      decisions: [{ decisionId: randomUUID(), events }],
      recordedAt: new Date().toISOString(),
    });
  }
  const version = stream.state.version;
  const handle = await w.client.workflow.start('selectionRound', {
    taskQueue: w.taskQueue,
    workflowId: streamId,
    args: [{ agency: AGENCY, roundId, resume: { version, continuation: 1 } }],
  });
  const restored = await queryThroughRestore(() => handle.query(roundStateQuery));
  if (restored.version !== version)
    throw new Error(
      `${streamId}: the workflow folded ${restored.version} events, the store holds ${version}`,
    );
  return {
    path: `/console/rounds/${streamId}`,
    events: version,
    titles,
    terminate: async () => void (await handle.terminate('benchmark over')),
  };
}

/** The operator's tab storage after signing in through the console's own sign-in page (the session lives in sessionStorage). */
async function signedInStorage(browser: Browser, url: string): Promise<Array<[string, string]>> {
  const users = (await (await fetch(`${url}/dev-auth/users`)).json()) as Array<{ sub: string; name: string }>;
  const context = await browser.newContext({ ...TAB, baseURL: url });
  try {
    const page = await context.newPage();
    await page.goto('/console/');
    await page.locator('[data-page="sign-in"][aria-busy="false"]').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: users.find((u) => u.sub === OPERATOR)?.name ?? OPERATOR }).click();
    await page
      .locator('[data-page]:not([data-page="sign-in"])[aria-busy="false"]')
      .waitFor({ timeout: 30_000 });
    return (await page.evaluate('Object.entries(sessionStorage)')) as Array<[string, string]>;
  } finally {
    await context.close();
  }
}

/** Runs in every document before its own scripts: the signed-in session back, and the instant the view is first ready. */
const initScript = (storage: Array<[string, string]>): string => `
  try { for (const [key, value] of ${JSON.stringify(storage)}) sessionStorage.setItem(key, value); } catch {}
  new MutationObserver(() => {
    if (window.__selterReady === undefined && document.querySelector(${JSON.stringify(READY)})) window.__selterReady = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true });`;

/**
 * One cold load: a fresh context (empty cache), then milliseconds from navigation start
 * (performance.timeOrigin) to the first DOM change that shows the view ready; and how many of the
 * round's posts it shows. A view showing an error is not a measurement.
 */
async function coldLoad(
  browser: Browser,
  url: string,
  storage: Array<[string, string]>,
  round: SeededRound,
): Promise<{ ms: number; postsShown: number }> {
  const context = await browser.newContext({ ...TAB, baseURL: url });
  try {
    await context.addInitScript({ content: initScript(storage) });
    const page = await context.newPage();
    await page.goto(round.path, { waitUntil: 'commit' });
    await page
      .waitForFunction('window.__selterReady !== undefined', undefined, { timeout: 60_000 })
      .catch(async (error: unknown) => {
        const shown = (await page.evaluate(
          `[...document.querySelectorAll('[data-page]')].map((e) => e.dataset.page + ' busy=' + e.getAttribute('aria-busy')).join(', ') + ': ' + document.body.innerText.slice(0, 300)`,
        )) as string;
        throw new Error(
          `${round.path} not ready (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); the page shows ${shown}`,
        );
      });
    const ms = Number(await page.evaluate('window.__selterReady'));
    const view = page.locator(READY);
    const text = await view.innerText();
    if ((await view.locator('[role="alert"]').count()) > 0)
      throw new Error(`the round view of ${round.path} shows an error: ${text.slice(0, 300)}`);
    return { ms, postsShown: round.titles.filter((title) => text.includes(title)).length };
  } finally {
    await context.close();
  }
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

const scenario: Scenario = {
  name: 'web-round-view',
  description:
    'time to a usable round view of the largest round (20 posts, 1,500 applicants) in headless Chromium, against a round of 1 post and 5 applicants',
  needs: ['postgres', 'temporal'],
  async run({ engines, workDir, log }) {
    if (!existsSync(join(WEB_DIST, 'index.html')))
      throw new Error('the console is not built: npm run web:build (npm run bench builds it)');
    const executablePath = findChromium();
    if (!executablePath) throw new Error(chromiumMissing());
    const w = await startBenchWorker(engines, 'web-round-view');
    const cleanup: Array<() => Promise<unknown>> = [() => w.close()];
    try {
      await migrate(w.sql, projectionsMigrations());
      const began = performance.now();
      const [large, small] = await Promise.all([
        seedRound(w, 'web-large', LARGEST_ROUND.posts, LARGEST_ROUND.applicants),
        seedRound(w, 'web-small', 1, 5),
      ]);
      cleanup.push(
        () => large.terminate(),
        () => small.terminate(),
      );
      await createProjectionRunner(w.sql, ROUND_READ_MODELS).catchUp();
      const setupSeconds = (performance.now() - began) / 1000;
      log(
        `web-round-view: rounds of ${large.events} and ${small.events} events stored, workflows restored and projected in ${setupSeconds.toFixed(1)} s`,
      );
      // A copy of the build: a rebuild of apps/web/dist meanwhile (vite empties it first) cannot break a load.
      const consoleCopy = join(workDir, 'web-round-view-console');
      cpSync(WEB_DIST, consoleCopy, { recursive: true });
      const api = await startBenchApi(w, engines, join(workDir, 'web-round-view-api.log'), {
        WEB_DIST_DIR: consoleCopy,
      });
      cleanup.push(() => api.stop());
      const browser = await chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] });
      cleanup.push(() => browser.close());
      const storage = await signedInStorage(browser, api.url);
      // One untimed load of each first (browser processes, the API's first queries), then cold loads in turn.
      await coldLoad(browser, api.url, storage, large);
      await coldLoad(browser, api.url, storage, small);
      const samples = { large: [] as number[], small: [] as number[] };
      const shown = { large: 0, small: 0 };
      for (let i = 0; i < LOADS; i += 1) {
        for (const [name, round] of [
          ['large', large],
          ['small', small],
        ] as const) {
          const { ms, postsShown } = await coldLoad(browser, api.url, storage, round);
          samples[name].push(ms);
          shown[name] = postsShown;
        }
      }
      const value = median(samples.large);
      const baseline = median(samples.small);
      log(
        `web-round-view: large ${samples.large.map((ms) => ms.toFixed(0)).join(', ')} ms; small ${samples.small.map((ms) => ms.toFixed(0)).join(', ')} ms`,
      );
      return {
        unit: 'ms to a usable round view (median of cold loads)',
        value,
        baseline,
        ratio: value / baseline,
        details: {
          targetMs: TARGET_MS,
          met: value <= TARGET_MS,
          loads: LOADS,
          samplesMs: { large: samples.large.map(Math.round), small: samples.small.map(Math.round) },
          large: {
            posts: LARGEST_ROUND.posts,
            applicants: LARGEST_ROUND.applicants,
            events: large.events,
            postsShown: shown.large,
          },
          small: { posts: 1, applicants: 5, events: small.events, postsShown: shown.small },
          readyWhen: READY,
          measured:
            'navigation start (performance.timeOrigin) to the first DOM change showing the ready view; fresh browser context (empty cache) per load, one untimed load of each first',
          setup:
            "commands decided by the domain's RoundBuilder, events appended by the round activity the workflow uses (one append per decision), the workflow started on the stored events as after a continue-as-new, read models caught up",
          setupSeconds,
          browser: `Chromium ${browser.version()} (${executablePath})`,
        },
      };
    } finally {
      for (const step of cleanup.reverse()) await step().catch(() => undefined);
    }
  },
};

export default scenario;
