import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { time } from '@selter/domain';
import { anAnnouncement, aPost } from '@selter/domain/testing';
import { Checkpointer, generateSigner, verifyBundle, type EvidenceBundle } from '@selter/event-store';
import type { Page } from 'playwright-core';
import { ApiClient } from '../api/client';
import { AGENCY, journeyPlan, USER_OF } from '../api/journey';
import { expectAccessible } from './axe';
import { decideFromInbox, refusalIn, signInAs, submitDecision, t, until } from './console-steps';
import { pageReady, useWebStack } from './web-stack';

// One stack for the console's whole story, in order: a round planned, run and closed through the
// console by every seeded role from its inbox; a second round's CSV import with bad rows and its
// refused closing (R18); the auditor's view of the first round; the public page. The tests of this
// file build on each other (a round takes its steps one after another) and share one stack, which
// keeps the browser tests' time down.

const OPERATOR = USER_OF.operator;
const LIAISON = USER_OF.oversight; // liaison.bkn: BKN holds the gates under the policy in force (bkn-2025)
const PPK = USER_OF.ppk;
const AUDITOR = USER_OF.auditor;
const POST = 'dinkes';

/** Today in Jakarta, as the console's plan page dates its example (the API's clock runs on real time until a test moves it). */
const TODAY = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
/** The example plan's registration deadline (announced tomorrow, 17 days open); the day after it, registration may close. */
const DEADLINE = time.addCalendarDays(TODAY, 18);
const AFTER_DEADLINE = time.addCalendarDays(DEADLINE, 1);

const ALL_DOCUMENTS =
  'surat-lamaran, drh, rekomendasi-ppk, surat-inspektorat, pakta-integritas, lhkpn, foto, surat-sehat, surat-sehat-jiwa, bebas-narkoba, spt, sertifikat-pim';
const HEADER =
  'jabatan;id_pelamar;nip;nama;instansi_asal;pangkat;pendidikan;pengalaman_tahun;jenis_jabatan_terakhir;jabatan_terakhir;lama_jabatan_terakhir;tanggal_lahir;dokumen;diundang';

interface Applicant {
  id: string;
  nip: string;
  name: string;
  /** The score in every scored stage (the health test is pass/fail: 1). */
  score: number;
}

/** Eligible applicants (S2, IV/a, 10+ years, administrator for 4, born 1975-1980, every document), best first. */
const APPLICANTS: Applicant[] = [
  { id: `${POST}-001`, nip: '197505052000032001', name: 'dr. Siti Rahmawati, M.Kes.', score: 90 },
  { id: `${POST}-002`, nip: '197803122002121003', name: 'Ir. Bambang Setiawan, M.M.', score: 85 },
  { id: `${POST}-003`, nip: '198001202005012004', name: 'Ni Made Ayu Lestari, M.PH.', score: 80 },
  { id: `${POST}-004`, nip: '197709092001121005', name: 'Drs. Yohanes Pattiasina, M.Si.', score: 70 },
];

/** A row of the import file; the date of birth is the one the NIP begins with, written day first. */
const rowOf = (a: Pick<Applicant, 'id' | 'nip' | 'name'>, post = POST): string =>
  `${post};${a.id};${a.nip};${a.name};Pemerintah Kabupaten Contoh;IV/a;S2;10;administrator;Kepala Bidang;4;${a.nip.slice(6, 8)}/${a.nip.slice(4, 6)}/${a.nip.slice(0, 4)};${ALL_DOCUMENTS};tidak`;
const csvOf = (rows: string[]): Buffer => Buffer.from(`${[HEADER, ...rows].join('\r\n')}\r\n`, 'utf8');

// The key the backbone signs checkpoints with: the api puts its public half in evidence bundles.
const signer = generateSigner();
const keyDir = mkdtempSync(join(tmpdir(), 'selter-web-'));
const keyFile = join(keyDir, 'checkpoint.pem');
writeFileSync(keyFile, signer.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), {
  mode: 0o600,
});
afterAll(() => rmSync(keyDir, { recursive: true, force: true }));

describe('a selection round through the console, each role from its inbox', () => {
  const web = useWebStack({ CHECKPOINT_KEY_FILE: keyFile });
  const api = (): ApiClient => new ApiClient(web.stack.url);
  /** The round the journey plans in the console; set by the first test. */
  let roundId = '';
  /** A round announced through the API with too few applicants for R18: the import and the refusal. */
  const shortId = `round-${AGENCY}-short-${randomUUID().slice(0, 6)}`;

  const need = (): string => {
    if (!roundId) throw new Error('the round was not planned (the first test failed)');
    return roundId;
  };
  const signInAsUser = (user: string): Promise<string> => signInAs(web.tab.page, web.stack.url, user);
  /** The first step that failed: the steps after it fail at once instead of waiting on a round that cannot move on. */
  let broken: string | undefined;
  const step = (name: string, run: () => Promise<void>, timeoutMs?: number): void =>
    it(
      name,
      async () => {
        if (broken) throw new Error(`not run: an earlier step failed (${broken})`);
        try {
          await run();
        } catch (error) {
          broken = name;
          throw error;
        }
      },
      timeoutMs,
    );

  beforeAll(async () => {
    // The second round: the journey's plan dated like the example, submitted, recommended and announced today.
    const client = api();
    const plan = {
      ...journeyPlan(),
      posts: [aPost(POST)],
      schedule: {
        announcementOn: time.addCalendarDays(TODAY, 1),
        registrationDeadline: DEADLINE,
        referenceDate: DEADLINE,
      },
    };
    const localId = shortId.slice(`round-${AGENCY}-`.length);
    const steps: Array<[string, string, unknown]> = [
      [OPERATOR, '/rounds', { roundId: localId, plan }],
      [OPERATOR, `/rounds/${shortId}/decisions/SubmitPlanForRecommendation`, {}],
      [
        LIAISON,
        `/rounds/${shortId}/decisions/RecordPlanRecommendation`,
        { issuedBy: 'BKN', letterNumber: 'B-2/BKN/2026', decision: 'approved' },
      ],
      [
        OPERATOR,
        `/rounds/${shortId}/decisions/AnnounceRound`,
        { ...anAnnouncement(plan), secretariatContact: 'bkpsdm@kabcontoh.go.id' },
      ],
    ];
    for (const [user, path, body] of steps) {
      const reply = await client.post(user, path, body);
      if (reply.status >= 300) throw new Error(`${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
    }
  }, 60_000);

  step(
    'the operator plans a one-post round from the example and submits it for the oversight recommendation',
    async () => {
      const { page } = web.tab;
      expect(await signInAsUser(OPERATOR)).toBe('inbox');
      await page.getByRole('link', { name: t('nav.newRound'), exact: true }).click();
      await pageReady(page, 'plan-round');
      await page.getByTestId('fill-example').click();
      // One post is enough: the example's second and third go.
      await page.getByRole('button', { name: t('operator:posts.remove', { n: 3 }), exact: true }).click();
      await page.getByRole('button', { name: t('operator:posts.remove', { n: 2 }), exact: true }).click();
      await expectAccessible(page, 'the plan page with the example');

      // The editor shows what the API finds (POST /rounds/plan-check, the domain's validators), all
      // at once: four problems made here show four findings live, and undoing them clears them.
      const findings = (): Promise<Record<string, Array<string | null>>> =>
        page
          .locator('[data-findings]')
          .evaluateAll((groups) =>
            Object.fromEntries(
              groups.map((g) => [
                g.getAttribute('data-findings'),
                [...g.querySelectorAll('[data-finding]')].map((f) => f.getAttribute('data-finding')),
              ]),
            ),
          );
      const showing = async (expected: Record<string, string[]>): Promise<void> => {
        let seen: Record<string, Array<string | null>> = {};
        await until(
          `the editor shows ${JSON.stringify(expected)}`,
          async () => {
            seen = await findings();
            return Object.entries(expected).every(
              ([section, codes]) => JSON.stringify(seen[section]) === JSON.stringify(codes),
            );
          },
          undefined,
          10_000,
        ).catch((error: unknown) => {
          throw new Error(`${String(error)}; seen ${JSON.stringify(seen)}`);
        });
      };
      await showing({ posts: ['none'], pansel: ['none'], stages: ['none'], schedule: ['none'] });
      // R2 counts a member from their employer: the agency's own officials are internal.
      await page
        .getByLabel(t('operator:pansel.employerOf', { n: 3 }), { exact: true })
        .fill('Inspektorat Kabupaten Contoh');
      await page.getByRole('checkbox', { name: t('operator:pansel.partyOf', { n: 1 }), exact: true }).check();
      await page.getByLabel(t('operator:stages.kindOf', { n: 6 }), { exact: true }).selectOption('paper');
      await page.getByLabel(t('operator:stages.weightOf', { n: 3 }), { exact: true }).fill('25');
      await showing({
        pansel: ['PANSEL.INTERNAL_SHARE_EXCEEDED', 'PANSEL.MEMBER_INELIGIBLE'],
        stages: ['PLAN.MANDATORY_STAGE_MISSING', 'PLAN.STAGE_CATALOGUE_INVALID'],
        schedule: ['none'],
      });
      const pansel = page.locator('[data-findings="pansel"]');
      expect(await pansel.locator('[data-finding="PANSEL.INTERNAL_SHARE_EXCEEDED"]').innerText()).toMatch(
        /R2[\s\S]*Anggota internal 3 dari 5 \(60%\) melebihi batas/,
      );
      expect(await pansel.locator('[data-finding="PANSEL.MEMBER_INELIGIBLE"]').innerText()).toMatch(
        /R3[\s\S]*partai politik/,
      );
      expect(await page.locator('[data-finding="PLAN.STAGE_CATALOGUE_INVALID"]').innerText()).toContain(
        'Jumlah bobot tahap 105, bukan 100',
      );
      await expectAccessible(page, 'the plan page with findings');
      await page
        .getByLabel(t('operator:pansel.employerOf', { n: 3 }), { exact: true })
        .fill('Universitas Negeri Contoh');
      await page
        .getByRole('checkbox', { name: t('operator:pansel.partyOf', { n: 1 }), exact: true })
        .uncheck();
      await page.getByLabel(t('operator:stages.kindOf', { n: 6 }), { exact: true }).selectOption('health');
      await page.getByLabel(t('operator:stages.weightOf', { n: 3 }), { exact: true }).fill('20');
      await showing({ posts: ['none'], pansel: ['none'], stages: ['none'], schedule: ['none'] });

      const localId = await page.getByLabel(t('operator:plan.roundId')).inputValue();
      expect(localId).toMatch(/^\d{4}-[a-z0-9]+$/);
      await page.getByTestId('plan-submit').click();
      await pageReady(page, 'round-view');
      roundId = `round-${AGENCY}-${localId}`;
      expect(new URL(page.url()).pathname).toBe(`/console/rounds/${roundId}`);
      await page.locator('[data-page="round-view"] [data-status="planned"]').first().waitFor();
      await expectAccessible(page, 'the planned round');

      await decideFromInbox(page, roundId, 'SubmitPlanForRecommendation');
      await submitDecision(page, 'SubmitPlanForRecommendation');
    },
    120_000,
  );

  step('the BKN liaison finds the plan in the inbox and recommends it', async () => {
    const { page } = web.tab;
    await signInAsUser(LIAISON);
    await decideFromInbox(page, need(), 'RecordPlanRecommendation');
    await page.getByLabel(t('decisions:oversight.letterNumber')).fill('B-1234/BKN/11/2026');
    await page.getByRole('radio', { name: t('decisions:planRecommendation.approved'), exact: true }).check();
    await submitDecision(page, 'RecordPlanRecommendation');
  });

  step('the operator announces the round and registers four applicants by importing a CSV file', async () => {
    const { page } = web.tab;
    await signInAsUser(OPERATOR);
    await decideFromInbox(page, need(), 'AnnounceRound');
    await page
      .getByLabel(t('operator:forms.secretariatContact'))
      .fill('Sekretariat pansel, BKPSDM Kabupaten Contoh, bkpsdm@kabcontoh.go.id');
    // R6: where it is published, and each stage's dates after the deadline (the form lists the plan's stages).
    await page.getByLabel(t('operator:forms.media')).fill('https://bkpsdm.kabcontoh.go.id\nSSCASN');
    const slots = page.locator('[data-stage-slot]');
    await until('the stages to schedule', async () => (await slots.count()) > 0);
    for (let i = 0; i < (await slots.count()); i += 1) {
      const dates = slots.nth(i).locator('input[type="date"]');
      await dates.nth(0).fill(time.addCalendarDays(DEADLINE, 7 + 3 * i));
      await dates.nth(1).fill(time.addCalendarDays(DEADLINE, 8 + 3 * i));
    }
    await submitDecision(page, 'AnnounceRound');

    await importFile(page, need(), 'pelamar-dinkes.csv', csvOf(APPLICANTS.map((a) => rowOf(a))));
    const counts = page.getByTestId('import-counts');
    expect(await counts.getAttribute('data-accepted')).toBe('4');
    expect(await counts.getAttribute('data-rejected')).toBe('0');
    const rows = page.locator('[data-testid="import-report"] tbody tr');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status')))).toEqual([
      'accepted',
      'accepted',
      'accepted',
      'accepted',
    ]);
    await until(
      'the applicant list shows the four',
      async () => (await page.locator('[data-testid="applicant-list"] tbody tr').count()) === 4,
    );
    await expectAccessible(page, 'the import report');
  });

  it('imports a CSV file with good and bad rows: each rejected row with its reason and code, the good ones registered', async () => {
    const { page } = web.tab;
    await signInAsUser(OPERATOR);
    const good = APPLICANTS.slice(0, 3);
    const rows = [
      ...good.map((a) => rowOf(a)),
      rowOf({ id: `${POST}-005`, nip: '197611112001121007', name: 'Pengalaman dalam kata' }).replace(
        ';10;',
        ';sepuluh;',
      ),
      rowOf({ id: `${POST}-006`, nip: good[0]?.nip ?? '', name: 'NIP ganda' }),
      rowOf({ id: 'dishub-001', nip: '197602022001121006', name: 'Jabatan tidak ada' }, 'dishub'),
    ];
    await importFile(page, shortId, 'pelamar-campuran.csv', csvOf(rows));
    const counts = page.getByTestId('import-counts');
    expect([await counts.getAttribute('data-accepted'), await counts.getAttribute('data-rejected')]).toEqual([
      '3',
      '3',
    ]);
    const report = page.locator('[data-testid="import-report"] tbody tr');
    const lines = await report.evaluateAll((trs) =>
      trs.map((tr) => ({
        row: tr.getAttribute('data-row'),
        status: tr.getAttribute('data-status'),
        code: tr.getAttribute('data-code'),
        ruleId: tr.getAttribute('data-rule-id'),
        text: tr.textContent ?? '',
      })),
    );
    expect(lines.map((l) => l.status)).toEqual([
      'accepted',
      'accepted',
      'accepted',
      'rejected',
      'rejected',
      'rejected',
    ]);
    const rejected = lines.filter((l) => l.status === 'rejected');
    expect(rejected.map((l) => l.code)).toEqual(['REQUEST.INVALID', 'APPLICANT.DUPLICATE', 'POST.UNKNOWN']);
    for (const line of rejected) {
      // Each shows its reason in words and the code (and the rule where the refusal has one).
      expect(line.text).toContain(`${t('operator:import.code')}: ${line.code ?? ''}`);
      expect(line.text).toContain(t('operator:import.rejectedRow'));
      if (line.ruleId) expect(line.text).toContain(`${t('operator:import.rule')}: ${line.ruleId}`);
    }
    expect(rejected[0]?.text).toContain(`${t('operator:import.field')}: pengalaman_tahun`);
    expect(rejected[1]?.text).toContain(good[0]?.nip);
    await expectAccessible(page, 'the import report with rejected rows');
  });

  it('refuses closing registration below the minimum: the dry run and the submission show code, rule R18 and its legal source', async () => {
    const { page, expectConsoleError } = web.tab;
    // The deadline has passed: the API's adjustable clock (ADR 11) moves to the day after it.
    await api().setClock(AFTER_DEADLINE);
    expectConsoleError(/status of 422/);
    await signInAsUser(OPERATOR);
    await decideFromInbox(page, shortId, 'CloseRegistration', POST);
    const form = page.locator('[data-page="decision"] [data-decision="CloseRegistration"]');
    const before = await refusalIn(form.locator('[role="alert"][data-problem-code]').first());
    const rules = (await api().raw<{ rules: Array<{ id: string; source: string }> }>('GET', '/rules')).body
      .rules;
    const r18 = rules.find((r) => r.id === 'R18');
    expect(before).toMatchObject({ code: 'POST.BELOW_MINIMUM_APPLICANTS', ruleId: 'R18' });
    expect(before.text).toContain(t('decision.wouldBeRefused'));
    expect(before.text).toContain(`${t('problem.rule')}: R18`);
    expect(before.text).toContain(`${t('problem.source')}: ${r18?.source ?? '(no source for R18)'}`);
    expect(before.text).toContain('3 pelamar di bawah minimum 4');
    await expectAccessible(page, 'the refused dry run');

    await form.getByRole('button').first().click();
    const after = await refusalIn(form.locator('[role="alert"][data-problem-code]').nth(1));
    expect(after).toMatchObject({ code: 'POST.BELOW_MINIMUM_APPLICANTS', ruleId: 'R18' });
    expect(after.text).toContain(t('problem.title'));
    expect(after.text).toContain(`${t('problem.source')}: ${r18?.source ?? ''}`);
    expect(await page.getByTestId('decision-done').count()).toBe(0);
    await expectAccessible(page, 'the refused decision');
  });

  step('the operator closes the registration of the journey round from the inbox', async () => {
    const { page } = web.tab;
    await signInAsUser(OPERATOR);
    await decideFromInbox(page, need(), 'CloseRegistration', POST);
    await submitDecision(page, 'CloseRegistration');
  });

  step(
    'the pansel records the administrative verdicts, every stage and its publication, and proposes the shortlist, each from the inbox',
    async () => {
      const { page } = web.tab;
      await signInAsUser('pansel1.kabcontoh');
      await decideFromInbox(page, need(), 'RecordAdministrativeVerdict', POST);
      for (const a of APPLICANTS) {
        const editor = page.locator('fieldset', { hasText: t('decisions:verdict.for', { name: a.name }) });
        await editor.getByRole('radio', { name: t('decisions:verdict.pass'), exact: true }).check();
        await submitDecision(
          page,
          'RecordAdministrativeVerdict',
          editor.getByRole('button', { name: t('decisions:verdict.submit', { name: a.name }) }),
        );
      }
      await publishStage(page, 'admin');

      await signInAsUser('pansel2.kabcontoh');
      for (const stageId of ['asesmen', 'makalah', 'paparan', 'wawancara', 'kesehatan']) {
        await decideFromInbox(page, need(), 'RecordStageResults', POST);
        await chooseStage(page, stageId);
        for (const a of APPLICANTS)
          await page
            .getByLabel(t('decisions:stage.scoreOf', { name: a.name }), { exact: true })
            .fill(String(stageId === 'kesehatan' ? 1 : a.score));
        await submitDecision(page, 'RecordStageResults');
        await publishStage(page, stageId);
      }

      await signInAsUser('pansel3.kabcontoh');
      await decideFromInbox(page, need(), 'ProposeShortlist', POST);
      // The best three by the final ranking are ticked already.
      for (const [i, a] of APPLICANTS.entries()) {
        expect(
          await page
            .getByRole('checkbox', { name: t('decisions:shortlist.pickOf', { name: a.name }) })
            .isChecked(),
        ).toBe(i < 3);
      }
      await submitDecision(page, 'ProposeShortlist');
    },
  );

  step('the BKN liaison reviews the shortlist and the pansel announces it', async () => {
    const { page } = web.tab;
    await signInAsUser(LIAISON);
    await decideFromInbox(page, need(), 'ReviewShortlist', POST);
    await page.getByLabel(t('decisions:oversight.letterNumber')).fill('R-77/BKN/2026');
    await submitDecision(page, 'ReviewShortlist');

    await signInAsUser('pansel1.kabcontoh');
    await decideFromInbox(page, need(), 'AnnounceShortlist', POST);
    await submitDecision(page, 'AnnounceShortlist');
  });

  step(
    'the PPK chooses one of the three, BKN recommends the inauguration, the PPK issues the decree and inaugurates',
    async () => {
      const { page } = web.tab;
      const chosen = APPLICANTS[1] as Applicant; // not the top scorer: the PPK's choice among the three is free (R23)
      await signInAsUser(PPK);
      await decideFromInbox(page, need(), 'ChooseAppointee', POST);
      for (const a of APPLICANTS.slice(0, 3))
        await page.getByRole('radio', { name: t('decisions:choose.pickOf', { name: a.name }) }).waitFor();
      expect(
        await page
          .getByRole('radio', { name: t('decisions:choose.pickOf', { name: APPLICANTS[3]?.name ?? '' }) })
          .count(),
      ).toBe(0);
      await page.getByRole('radio', { name: t('decisions:choose.pickOf', { name: chosen.name }) }).check();
      await submitDecision(page, 'ChooseAppointee');

      await signInAsUser(LIAISON);
      await decideFromInbox(page, need(), 'RecordInaugurationRecommendation', POST);
      await page.getByLabel(t('decisions:oversight.letterNumber')).fill('I-12/BKN/2026');
      await submitDecision(page, 'RecordInaugurationRecommendation');

      await signInAsUser(PPK);
      await decideFromInbox(page, need(), 'IssueAppointmentDecree', POST);
      await page.getByLabel(t('decisions:decree.number')).fill('821.2/45/BKPSDM/2026');
      await submitDecision(page, 'IssueAppointmentDecree');

      await decideFromInbox(page, need(), 'InaugurateAppointee', POST);
      // Typed day first, as Indonesian offices write dates.
      const [year, month, day] = AFTER_DEADLINE.split('-');
      const date = page.getByLabel(t('decisions:inaugurate.date'));
      await date.fill(`${day ?? ''}/${month ?? ''}/${year ?? ''}`);
      await date.press('Tab');
      const witnesses = [
        { nip: '196805051990031002', name: 'Drs. H. Rahmat Hidayat, M.Si.' },
        { nip: '197001011995032003', name: 'Dr. Ratna Dewi, M.Pd.' },
      ];
      for (const [i, w] of witnesses.entries()) {
        const fieldset = page.locator('fieldset', {
          hasText: t('decisions:inaugurate.witness', { number: i + 1 }),
        });
        await fieldset.getByLabel(t('decisions:inaugurate.nip')).fill(w.nip);
        await fieldset.getByLabel(t('decisions:inaugurate.name')).fill(w.name);
        await fieldset.getByLabel(t('decisions:inaugurate.level')).click();
        await page.getByRole('option', { name: t('decisions:level.jpt-pratama'), exact: true }).click();
      }
      await page.getByLabel(t('decisions:inaugurate.clergy')).fill('K.H. Abdul Muin');
      await page.getByLabel(t('decisions:inaugurate.minutes')).fill('BA/12/BKPSDM/2026');
      await submitDecision(page, 'InaugurateAppointee');
    },
  );

  step(
    'the round view shows the round closed, the post inaugurated, and a timeline of every event with its actor and role',
    async () => {
      const { page } = web.tab;
      await signInAsUser(OPERATOR);
      await page.goto(`/console/rounds/${need()}`);
      await pageReady(page, 'round-view');
      await page.locator('[data-page="round-view"] [data-status="closed"]').first().waitFor();
      await page.locator('[data-testid="posts"] [data-status="inaugurated"]').waitFor();
      await expectAccessible(page, 'the closed round');
      await page.getByRole('tab', { name: t('round:tabs.timeline') }).click();
      const timeline = page.getByTestId('timeline');
      await timeline.waitFor();
      const events = await timeline
        .locator('tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => ({ type: tr.getAttribute('data-type'), text: tr.textContent ?? '' })),
        );
      expect(events.length).toBeGreaterThanOrEqual(30);
      // Who took each decision, by id and role: every seeded role of the journey appears.
      const actors: Array<[string, string, string]> = [
        ['RoundPlanned', OPERATOR, 'operator'],
        ['PlanRecommended', LIAISON, 'oversight'],
        ['RoundAnnounced', OPERATOR, 'operator'],
        ['AdministrativeVerdictRecorded', 'pansel1.kabcontoh', 'pansel'],
        ['ShortlistProposed', 'pansel3.kabcontoh', 'pansel'],
        ['ShortlistReviewed', LIAISON, 'oversight'],
        ['AppointeeChosen', PPK, 'ppk'],
        ['AppointeeInaugurated', PPK, 'ppk'],
      ];
      for (const [type, actor, role] of actors) {
        const line = events.find((e) => e.type === type)?.text ?? `(no ${type} in the timeline)`;
        expect(line).toContain(actor);
        expect(line).toContain(t(`roles.${role}`));
      }
      await expectAccessible(page, 'the timeline');
      web.forDocs('round-view');
    },
  );

  step(
    'the auditor sees the chain verified, moves the time slider back to an earlier status, and exports a bundle that verifies offline',
    async () => {
      const { page } = web.tab;
      // The backbone's part: a signed checkpoint covering the round's last event.
      await new Checkpointer(web.stack.api.sql, signer).checkpoint();
      await signInAsUser(AUDITOR);
      await page.goto(`/console/rounds/${need()}`);
      await pageReady(page, 'round-view');
      await page.getByRole('link', { name: t('round:view.audit'), exact: true }).click();
      await pageReady(page, 'audit');
      const status = page.getByTestId('verification-status');
      expect(await status.textContent()).toBe(t('audit:verification.verified'));
      expect(await page.locator('[data-verified]').getAttribute('data-verified')).toBe('true');
      const stateAt = page.locator('[data-testid="state-at"][aria-busy="false"]');
      await stateAt.locator('[data-status="closed"]').first().waitFor();

      // The slider by keyboard: Home is the first event (the plan), two steps on the recommendation.
      const thumb = page.getByRole('slider');
      await thumb.focus();
      await page.keyboard.press('Home');
      await until(
        'the slider is at the first event',
        async () => new URL(page.url()).searchParams.get('at') === '1',
      );
      await stateAt.locator('[data-status="planned"]').first().waitFor();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await until(
        'the slider is at the third event',
        async () => new URL(page.url()).searchParams.get('at') === '3',
      );
      await stateAt.locator('[data-status="recommended"]').first().waitFor();
      expect(await page.getByTestId('event-at').textContent()).toContain(LIAISON);
      await expectAccessible(page, "the auditor's view at an earlier event");

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('export-bundle').click(),
      ]);
      await page.getByTestId('bundle-done').waitFor();
      const bundle = JSON.parse(readFileSync(await download.path(), 'utf8')) as EvidenceBundle;
      expect(download.suggestedFilename()).toMatch(/\.json$/);
      expect(verifyBundle(bundle, { publicKey: signer.publicKey })).toMatchObject({
        ok: true,
        streamId: need(),
      });
      await expectAccessible(page, "the auditor's view after the export");
      // The screenshot from the top: a full-page shot of a scrolled page draws the fixed header mid-page.
      await page.evaluate(() => window.scrollTo(0, 0));
      web.forDocs('auditor');
    },
  );

  step(
    "the public page shows the round's published rankings to anyone, accessible and printable without navigation or buttons",
    async () => {
      const { page } = web.tab;
      await page.goto(`/publik/${AGENCY}`);
      await pageReady(page, 'public');
      expect(await page.evaluate(() => window.sessionStorage.length)).toBe(0);
      const section = page.locator(`section[id="${need()}"]`);
      await section.waitFor();
      // The latest ranking (the health test) is open; each stage published is listed.
      const ranking = section.getByTestId('ranking').first();
      await ranking.waitFor();
      for (const a of APPLICANTS.slice(0, 3)) expect(await ranking.textContent()).toContain(a.name);
      // Each stage published is listed under the name the announced plan gives it, not its id.
      type Published = {
        rounds: Array<{
          roundId: string;
          posts: Array<{ stages: Array<{ stageId: string; stageName: string | null }> }>;
        }>;
      };
      const published = (await (
        await page.request.get(`/public/agencies/${AGENCY}/rounds`)
      ).json()) as Published;
      const stages = published.rounds.find((r) => r.roundId === need())?.posts.flatMap((p) => p.stages) ?? [];
      expect(stages.map((s) => s.stageId)).toEqual([
        'admin',
        'asesmen',
        'makalah',
        'paparan',
        'wawancara',
        'kesehatan',
      ]);
      for (const { stageId, stageName } of stages) {
        expect(stageName).toEqual(expect.any(String));
        expect(stageName).not.toBe(stageId);
        await section
          .getByText(t('public:stage', { stage: stageName ?? stageId }), { exact: true })
          .waitFor();
      }
      await expectAccessible(page, 'the public page');
      web.forDocs('public');

      await page.emulateMedia({ media: 'print' });
      const visibleButtons = await page
        .locator('button:visible, nav:visible, [data-no-print]:visible')
        .evaluateAll((els) =>
          els
            .filter((el) => !el.classList.contains('mantine-Accordion-control'))
            .map((el) => el.outerHTML.slice(0, 120)),
        );
      expect(visibleButtons).toEqual([]);
      expect(await section.getByTestId('ranking').first().isVisible()).toBe(true);
      await page.emulateMedia({ media: 'screen' });
    },
  );
});

/** Opens the round's registration page, the file tab, and imports `bytes` as a CSV file; waits for the report. */
async function importFile(page: Page, roundId: string, name: string, bytes: Buffer): Promise<void> {
  await page.goto(`/console/rounds/${roundId}/applicants`);
  await pageReady(page, 'register');
  await page.getByRole('tab', { name: t('operator:register.fromFile') }).click();
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: bytes });
  await page.getByTestId('import-submit').click();
  await page.getByTestId('import-report').waitFor({ timeout: 20_000 });
}

/** The stage a stage decision is for: chosen from the catalogue where the page offers it, else typed. */
async function chooseStage(page: Page, stageId: string): Promise<void> {
  // Its name reads "Tahap seleksi *" (required): matched as a part.
  const field = page.getByRole('combobox', { name: t('decisions:stage.id') });
  if ((await field.inputValue()).includes(stageId)) return;
  await field.click();
  const option = page.getByRole('option', { name: new RegExp(`\\(${stageId}\\)$`) });
  if ((await option.count()) > 0) await option.click();
  else await field.fill(stageId);
}

/** Publishes a stage's results from the inbox (every participant has one, so the inbox offers it). */
async function publishStage(page: Page, stageId: string): Promise<void> {
  const roundId = new URL(page.url()).pathname.split('/')[3] ?? '';
  await decideFromInbox(page, roundId, 'PublishStageResults', POST);
  await chooseStage(page, stageId);
  await submitDecision(page, 'PublishStageResults');
}
