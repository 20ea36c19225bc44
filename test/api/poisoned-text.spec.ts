import { randomUUID } from 'node:crypto';
import type { RoundCommand } from '@selter/domain';
import { anApplicant, nipOf } from '@selter/domain/testing';
import { testDataConverter, testEndpoints } from '@selter/testing';
import { Client, Connection } from '@temporalio/client';
// The XLSX writer lives beside the reader whose unit specs use it too (a test helper, no production code).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { workbookOf } from '../../apps/api/src/rounds/import-applicants/workbook.test-helper';
import { useApiStack, type Reply } from './client';
import { AGENCY, journeyPlan, openRegistration } from './journey';

type Problem = { code?: string; errors?: Array<{ path: string; message: string }> };
type Report = { accepted: number; rejected: number };

/** A NUL, a lone surrogate (sent as the `\ud800` escape) and a noncharacter, with the code point a refusal names. */
const POISONS = [
  { char: '\u0000', codePoint: 'U+0000' },
  { char: '\ud800', codePoint: 'U+D800' },
  { char: '\ufffe', codePoint: 'U+FFFE' },
] as const;

const HEADER =
  'jabatan,nip,nama,instansi_asal,pangkat,pendidikan,pengalaman_tahun,jenis_jabatan_terakhir,jabatan_terakhir,lama_jabatan_terakhir,tanggal_lahir,dokumen';
const DOCS =
  'surat-lamaran; drh; rekomendasi-ppk; surat-inspektorat; pakta-integritas; lhkpn; foto; surat-sehat; surat-sehat-jiwa; bebas-narkoba; spt; sertifikat-pim';
const cells = (nip: string, name = `Pelamar ${nip}`) => [
  'dinkes',
  nip,
  name,
  'Pemerintah Kabupaten Contoh',
  'IV/a',
  'S2',
  '10',
  'administrator',
  'Kepala Bidang',
  '4',
  '05/05/1975',
  DOCS,
];
const csvLine = (nip: string, name?: string) =>
  cells(nip, name)
    .map((c) => `"${c}"`)
    .join(',');

function expectRefused(
  reply: Reply<Problem>,
  status: number,
  code: string,
  path: string,
  message = '',
): void {
  expect({ status: reply.status, code: reply.body.code, type: reply.type }).toEqual({
    status,
    code,
    type: expect.stringContaining('application/problem+json'),
  });
  expect(reply.body.errors).toEqual([{ path, message: expect.stringContaining(message) }]);
}

describe('poisoned text is refused at the edge and in the domain, never reaching PostgreSQL', () => {
  const under = useApiStack();
  const localId = `t-${randomUUID().slice(0, 8)}`;
  const roundId = `round-${AGENCY}-${localId}`;
  const decision = (type: string) => `/rounds/${roundId}/decisions/${type}`;
  const count = async (type?: string): Promise<number> => {
    const { sql } = under.stack;
    const [row] = type
      ? await sql<
          [{ n: number }]
        >`select count(*)::int as n from events where stream_id = ${roundId} and type = ${type}`
      : await sql<[{ n: number }]>`select count(*)::int as n from events where stream_id = ${roundId}`;
    return row.n;
  };
  /** POSTs a body as the raw JSON text JSON.stringify writes (a lone surrogate as its `\ud800` escape). */
  const postRaw = async (user: string, path: string, rawBody: string, key = randomUUID()) =>
    under.api.raw<Problem>('POST', path, { token: await under.api.token(user), rawBody, key });
  const register = (n: number, name?: string) => ({
    postId: 'dinkes',
    applicantId: `dinkes-t${n}`,
    applicant: anApplicant(nipOf(500 + n), name === undefined ? {} : { name }),
  });

  // dinkes-a1 and dinkes-a2 registered; registration open on 2024-09-12.
  beforeAll(() => openRegistration(under.api, localId, 2));

  it('refuses a NUL, a lone surrogate and a noncharacter in every kind of free-text field with 400 naming the field, storing nothing', async () => {
    const fields: Array<{ user: string; path: string; field: string; body: (bad: string) => unknown }> = [
      {
        user: 'operator.kabcontoh',
        path: decision('RegisterApplicant'),
        field: 'applicant.name',
        body: (bad) => register(1, `Budi${bad}Santoso`),
      },
      {
        user: 'operator.kabcontoh',
        path: decision('RegisterApplicant'),
        field: 'applicant.priorPost.title',
        body: (bad) => ({
          ...register(1),
          applicant: {
            ...anApplicant(nipOf(501)),
            priorPost: { kind: 'administrator', title: `Kepala${bad}`, years: 4 },
          },
        }),
      },
      {
        user: 'operator.kabcontoh',
        path: decision('CancelRound'),
        field: 'reason',
        body: (bad) => ({ reason: `Dibatalkan ${bad}` }),
      },
      {
        user: 'pansel1.kabcontoh',
        path: decision('RecordAdministrativeVerdict'),
        field: 'findings[1].note',
        body: (bad) => ({
          postId: 'dinkes',
          applicantId: 'dinkes-a1',
          findings: [
            { ruleId: 'R7', note: 'lengkap' },
            { ruleId: 'R8', note: `kurang ${bad}` },
          ],
        }),
      },
      {
        user: 'ppk.kabcontoh',
        path: decision('ChooseAppointee'),
        field: 'note',
        body: (bad) => ({ postId: 'dinkes', applicantId: 'dinkes-a1', note: `pilihan${bad}` }),
      },
      {
        user: 'operator.kabcontoh',
        path: decision('RecordMendagriApproval'),
        field: 'letterNumber',
        body: (bad) => ({ purpose: 'selection', letterNumber: `800/${bad}/OTDA` }),
      },
      {
        user: 'ppk.kabcontoh',
        path: decision('ConsultDprdLeadership'),
        field: 'letterNumber',
        body: (bad) => ({ postId: 'dinkes', letterNumber: `170${bad}` }),
      },
      {
        user: 'operator.kabcontoh',
        path: decision('CloseRegistration'),
        field: '["catatan\\u0000"]',
        body: () => ({ postId: 'dinkes', 'catatan\u0000': 'x' }),
      },
      {
        user: 'operator.kabcontoh',
        path: '/rounds',
        field: 'plan.posts[0].title',
        body: (bad) => ({
          roundId: `${localId}-racun`,
          plan: {
            ...journeyPlan(),
            posts: journeyPlan().posts.map((p) => ({ ...p, title: `Kepala Dinas${bad}` })),
          },
        }),
      },
    ];
    const before = await count();
    for (const { user, path, field, body } of fields) {
      for (const { char, codePoint } of POISONS) {
        const raw = JSON.stringify(body(char));
        if (char === '\ud800' && !field.includes('catatan')) expect(raw).toContain('\\ud800');
        const reply = await postRaw(user, path, raw);
        expectRefused(reply, 400, 'REQUEST.INVALID', field, field.includes('catatan') ? 'U+0000' : codePoint);
      }
    }
    expect(await count()).toBe(before);
    expect(
      (
        await under.stack.sql<
          [{ n: number }]
        >`select count(*)::int as n from events where stream_id = ${`${roundId}-racun`}`
      )[0].n,
    ).toBe(0);

    // The round goes on: a clean decision is taken at once.
    const clean = await under.api.post(
      'operator.kabcontoh',
      decision('RegisterApplicant'),
      register(1, 'Budi Santoso'),
    );
    expect(clean.status).toBe(200);
    expect(await count()).toBe(before + 1);
  });

  it('refuses the same text sent straight to the workflow as an Update with COMMAND.INVALID_TEXT, storing nothing', async () => {
    const connection = await Connection.connect({ address: testEndpoints().temporalAddress });
    try {
      const handle = new Client({ connection, dataConverter: await testDataConverter() }).workflow.getHandle(
        roundId,
      );
      const before = await count();
      for (const { char } of POISONS) {
        const command: RoundCommand = {
          type: 'RegisterApplicant',
          data: register(2, `Siti${char}`),
          metadata: {
            now: '2024-09-12T09:00:00+07:00',
            actor: { id: 'operator.kabcontoh', role: 'operator' },
            correlationId: randomUUID(),
          },
        };
        const failure: unknown = await handle.executeUpdate('RegisterApplicant', { args: [command] }).then(
          () => 'accepted',
          (error: unknown) => error,
        );
        // The domain's code is the failure's type somewhere down the cause chain.
        const types: unknown[] = [];
        for (
          let e = failure as { type?: unknown; cause?: unknown } | undefined;
          e && typeof e === 'object';
          e = e.cause as typeof e
        )
          types.push(e.type);
        expect(types).toContain('COMMAND.INVALID_TEXT');
      }
      expect(await count()).toBe(before);
      const clean = await under.api.post(
        'operator.kabcontoh',
        decision('RegisterApplicant'),
        register(2, 'Siti Aminah'),
      );
      expect(clean.status).toBe(200);
      expect(await count()).toBe(before + 1);
    } finally {
      await connection.close();
    }
  });

  it('refuses a 10,000-level body sent with an Idempotency-Key with 400 REQUEST.TOO_DEEP, leaving the key free', async () => {
    const key = randomUUID();
    const deep = `{"reason":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    const refused = await postRaw('operator.kabcontoh', decision('CancelRound'), deep, key);
    expectRefused(refused, 400, 'REQUEST.TOO_DEEP', `reason${'[0]'.repeat(31)}`);
    // The limit is 32 levels: 32 are parsed and judged by the schema, 33 are not.
    expectRefused(
      await postRaw(
        'operator.kabcontoh',
        decision('CloseRegistration'),
        `{"postId":${'['.repeat(31)}${']'.repeat(31)}}`,
      ),
      400,
      'REQUEST.INVALID',
      'postId',
    );
    expect(
      (
        await postRaw(
          'operator.kabcontoh',
          decision('CloseRegistration'),
          `{"postId":${'['.repeat(32)}${']'.repeat(32)}}`,
        )
      ).body.code,
    ).toBe('REQUEST.TOO_DEEP');
    // Nothing claimed the key: the same key then takes a decision (not 409 in progress, not 422 reused).
    const before = await count('ApplicantRegistered');
    const taken = await under.api.post('operator.kabcontoh', decision('RegisterApplicant'), register(3), key);
    expect(taken.status).toBe(200);
    expect(await count('ApplicantRegistered')).toBe(before + 1);
  });

  it('refuses a whole CSV with a NUL cell and a whole XLSX with an _x0000_ cell, naming row and column, registering nobody', async () => {
    const path = `/rounds/${roundId}/applicant-imports`;
    const before = await count('ApplicantRegistered');
    const csv = [
      HEADER,
      csvLine(nipOf(600)),
      csvLine(nipOf(601), 'Budi\u0000Santoso'),
      csvLine(nipOf(602)),
    ].join('\r\n');
    const fromCsv = await under.api.upload<Problem>('operator.kabcontoh', path, {
      name: 'pelamar.csv',
      bytes: csv,
      type: 'text/csv',
    });
    expectRefused(fromCsv, 400, 'REQUEST.INVALID', 'rows[3].nama', 'U+0000');

    const bytes = new Uint8Array(
      workbookOf([[HEADER.split(','), cells(nipOf(603)), cells(nipOf(604), 'Siti_x0000_Aminah')]]),
    );
    const fromXlsx = await under.api.upload<Problem>(
      'operator.kabcontoh',
      path,
      { name: 'pelamar.xlsx', bytes },
      randomUUID(),
    );
    expectRefused(fromXlsx, 400, 'REQUEST.INVALID', 'rows[3].nama', 'U+0000');
    expect(await count('ApplicantRegistered')).toBe(before);

    // The corrected file goes through, every row registered.
    const fixed = await under.api.upload<Report>('operator.kabcontoh', path, {
      name: 'pelamar.csv',
      bytes: csv.replace('\u0000', ' '),
      type: 'text/csv',
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({ accepted: 3, rejected: 0 });
    expect(await count('ApplicantRegistered')).toBe(before + 3);
  });
});
