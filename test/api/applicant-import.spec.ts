import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nipOf } from '@selter/domain/testing';
// The XLSX writer lives beside the reader whose unit specs use it too (a test helper, no production code).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { workbookOf } from '../../apps/api/src/rounds/import-applicants/workbook.test-helper';
import { useApiStack, type Reply } from './client';
import { AGENCY, openRegistration } from './journey';

type Row = {
  row: number;
  status: 'accepted' | 'rejected';
  applicantId?: string;
  nip?: string;
  code?: string;
  ruleId?: string;
  reason?: { id: string; en: string };
  field?: string;
};
type Report = {
  roundId: string;
  format: string;
  sha256: string;
  accepted: number;
  rejected: number;
  ignoredColumns: string[];
  rows: Row[];
};

const HEADER =
  'jabatan,nip,nama,instansi_asal,pangkat,pendidikan,pengalaman_tahun,jenis_jabatan_terakhir,jabatan_terakhir,lama_jabatan_terakhir,tanggal_lahir,dokumen,catatan';
const DOCS =
  '"surat-lamaran, drh, rekomendasi-ppk, surat-inspektorat, pakta-integritas, lhkpn, foto, surat-sehat, surat-sehat-jiwa, bebas-narkoba, spt, sertifikat-pim"';
/** One CSV line of the header above: a good applicant for `post` with this NIP, fields overridable by column. */
function line(
  post: string,
  nip: string,
  over: Partial<Record<'nama' | 'tanggal_lahir' | 'pangkat', string>> = {},
): string {
  return [
    post,
    nip,
    over.nama ?? `Pelamar ${nip}`,
    'Pemerintah Kabupaten Contoh',
    over.pangkat ?? 'IV/a',
    'S2',
    '10',
    'administrator',
    'Kepala Bidang',
    '4',
    over.tanggal_lahir ?? '05/05/1975',
    DOCS,
    'catatan bebas',
  ].join(',');
}

function expectProblem(reply: Reply, status: number, code: string): void {
  expect({ status: reply.status, code: reply.body['code'], type: reply.type }).toEqual({
    status,
    code,
    type: expect.stringContaining('application/problem+json'),
  });
}

describe('applicant import (CSV and XLSX)', () => {
  const under = useApiStack();
  const localId = `i-${randomUUID().slice(0, 8)}`;
  const roundId = `round-${AGENCY}-${localId}`;
  const path = `/rounds/${roundId}/applicant-imports`;
  const registered = async (): Promise<number> =>
    (
      await under.stack.sql<
        [{ n: number }]
      >`select count(*)::int as n from events where stream_id = ${roundId} and type = 'ApplicantRegistered'`
    )[0].n;
  const csv = (text: string, name = 'pelamar.csv') => ({ name, bytes: text, type: 'text/csv' });
  const upload = (
    file: { name: string; bytes: Uint8Array<ArrayBuffer> | string },
    key?: string,
    user = 'operator.kabcontoh',
  ) => under.api.upload<Report>(user, path, file, key);

  // One applicant (nipOf(0)) already registered for dinkes.
  beforeAll(() => openRegistration(under.api, localId, 1));

  it('registers the good rows of a CSV and says for each bad row which column or rule refused it', async () => {
    const before = await registered();
    const file = [
      HEADER,
      line('dinkes', nipOf(10)),
      line('dinkes', '1975/0505'),
      line('no-such-post', nipOf(11)),
      line('dinkes', nipOf(0)),
      line('dinkes', nipOf(10)),
      '',
      line('dinkes', nipOf(12), { nama: '' }),
      line('dinkes', nipOf(13), { tanggal_lahir: '31/02/1975' }),
      line('dinkes', nipOf(14), { pangkat: '"Pembina Utama Muda, IV/c"' }),
    ].join('\r\n');
    const reply = await upload(csv(file));
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      roundId,
      format: 'csv',
      accepted: 2,
      rejected: 6,
      ignoredColumns: ['catatan'],
    });
    const byRow = new Map(reply.body.rows.map((r) => [r.row, r]));
    expect(byRow.get(2)).toEqual({
      row: 2,
      status: 'accepted',
      applicantId: `dinkes-${nipOf(10)}`,
      nip: nipOf(10),
    });
    expect(byRow.get(3)).toMatchObject({
      status: 'rejected',
      code: 'REQUEST.INVALID',
      field: 'nip',
      reason: { id: expect.stringContaining('nip'), en: expect.stringContaining('NIP') },
    });
    expect(byRow.get(4)).toMatchObject({
      status: 'rejected',
      code: 'POST.UNKNOWN',
      reason: { id: expect.any(String), en: expect.any(String) },
    });
    expect(byRow.get(5)).toMatchObject({ status: 'rejected', code: 'APPLICANT.DUPLICATE', nip: nipOf(0) });
    // The same NIP twice in one file: the first row is registered, the domain refuses the second.
    expect(byRow.get(6)).toMatchObject({ status: 'rejected', code: 'APPLICANT.DUPLICATE' });
    expect(byRow.has(7)).toBe(false);
    expect(byRow.get(8)).toMatchObject({ status: 'rejected', code: 'REQUEST.INVALID', field: 'nama' });
    expect(byRow.get(9)).toMatchObject({
      status: 'rejected',
      code: 'REQUEST.INVALID',
      field: 'tanggal_lahir',
    });
    expect(byRow.get(10)).toMatchObject({ status: 'accepted', applicantId: `dinkes-${nipOf(14)}` });
    expect(await registered()).toBe(before + 2);

    // The same file again (a retry after a timeout, say): the recorded answers, nobody registered twice.
    const retry = await upload(csv(file));
    expect(retry.body.rows).toEqual(reply.body.rows);
    expect(await registered()).toBe(before + 2);
  });

  it('reads the committed sample (semicolons, day-first dates, decimal commas, NIP with spaces) with every row accepted', async () => {
    const sample = readFileSync(join(__dirname, '../../docs/samples/pelamar-contoh.csv'), 'utf8');
    const reply = await upload(csv(`\ufeff${sample}`, 'pelamar-contoh.csv'));
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ accepted: 3, rejected: 0, ignoredColumns: [] });
    expect(reply.body.rows.map((r) => r.applicantId)).toEqual([
      'dinkes-001',
      'dinkes-002',
      'dinkes-198001202005012004',
    ]);
    expect(reply.body.rows[0]?.nip).toBe('197505052000032001');
    const [event] = await under.stack.sql<
      Array<{
        data: {
          applicant: { dateOfBirth: string; rank: string; relatedExperienceYears: number };
          invited: boolean;
        };
      }>
    >`
      select record_json->'data' as data from events where stream_id = ${roundId} and record_json->'data'->>'applicantId' = 'dinkes-198001202005012004'`;
    expect(event?.data).toMatchObject({
      applicant: { dateOfBirth: '1980-01-20', rank: 'IV/a', relatedExperienceYears: 10.5 },
      invited: true,
    });
  });

  it('reads the first sheet of an XLSX with English headers, Excel dates, and refuses a NIP Excel has rounded', async () => {
    const documents =
      'application-letter, cv, home-ppk-recommendation, inspectorate-statement, integrity-pact, asset-declaration, photo, health-certificate, mental-health-certificate, drug-free-certificate, tax-return, leadership-training-certificate';
    const good = (nip: string | number, post = 'dinkes') => [
      post,
      nip,
      `Pelamar ${nip}`,
      'Pemerintah Kota Contoh',
      'IV/b',
      'S3',
      12,
      'jpt-pratama',
      'Kepala Dinas',
      2,
      new Date(Date.UTC(1972, 7, 17)),
      documents,
      true,
    ];
    const sheet = [
      [
        'postId',
        'nip',
        'name',
        'homeAgency',
        'rank',
        'education',
        'relatedExperienceYears',
        'priorPostKind',
        'priorPostTitle',
        'priorPostYears',
        'dateOfBirth',
        'documents',
        'invited',
      ],
      good(nipOf(30)),
      good(Number(nipOf(31))),
      [],
      good(nipOf(32), 'nope'),
    ];
    const bytes = new Uint8Array(workbookOf([sheet, [['not read']]]));
    const reply = await upload({ name: 'pelamar.xlsx', bytes });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ format: 'xlsx', accepted: 1, rejected: 2 });
    expect(reply.body.rows).toEqual([
      { row: 2, status: 'accepted', applicantId: `dinkes-${nipOf(30)}`, nip: nipOf(30) },
      expect.objectContaining({
        row: 3,
        status: 'rejected',
        code: 'REQUEST.INVALID',
        field: 'nip',
        reason: expect.objectContaining({ en: expect.stringContaining('as text') }),
      }),
      expect.objectContaining({ row: 5, status: 'rejected', code: 'POST.UNKNOWN' }),
    ]);
    const [event] = await under.stack.sql<Array<{ data: { applicant: { dateOfBirth: string } } }>>`
      select record_json->'data' as data from events where stream_id = ${roundId} and record_json->'data'->>'applicantId' = ${`dinkes-${nipOf(30)}`}`;
    expect(event?.data.applicant.dateOfBirth).toBe('1972-08-17');
  });

  it('replays an import sent again with its Idempotency-Key, and refuses the key with another file', async () => {
    const key = randomUUID();
    const file = csv([HEADER, line('dinkes', nipOf(40))].join('\n'));
    const first = await upload(file, key);
    expect(first.body.accepted).toBe(1);
    const again = await upload(file, key);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expectProblem(
      await upload(csv([HEADER, line('dinkes', nipOf(41))].join('\n')), key),
      422,
      'IDEMPOTENCY.KEY_REUSED',
    );
  });

  it('refuses files it cannot read as a whole, with a problem naming why', async () => {
    const missing = await upload(csv([HEADER.replace(',tanggal_lahir', ''), 'dinkes,1'].join('\n')));
    expectProblem(missing, 400, 'IMPORT.MISSING_COLUMNS');
    expect((missing.body as unknown as { details: unknown }).details).toEqual({ missing: ['tanggal_lahir'] });
    expectProblem(await upload(csv('')), 400, 'IMPORT.NO_HEADER');
    expectProblem(await upload(csv('a,b,c\n1,2,3\n')), 400, 'IMPORT.NO_HEADER');
    expectProblem(await upload(csv(`${HEADER}\n\n`)), 400, 'IMPORT.NO_ROWS');
    expectProblem(
      await upload(csv(`${HEADER},name\n${line('dinkes', nipOf(60))},x`)),
      400,
      'IMPORT.DUPLICATE_COLUMN',
    );
    expectProblem(
      await upload({
        name: 'foto.png',
        bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, ...randomBytes(64)]),
      }),
      415,
      'IMPORT.UNSUPPORTED_FORMAT',
    );
    expectProblem(
      await upload({ name: 'lama.xls', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, ...randomBytes(64)]) }),
      415,
      'IMPORT.UNSUPPORTED_FORMAT',
    );
    expectProblem(
      await upload({
        name: 'rusak.xlsx',
        bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...randomBytes(64)]),
      }),
      415,
      'IMPORT.UNSUPPORTED_FORMAT',
    );
    expectProblem(
      await upload(
        csv([HEADER, ...Array.from({ length: 2_001 }, (_, i) => line('dinkes', nipOf(1000 + i)))].join('\n')),
      ),
      413,
      'IMPORT.TOO_MANY_ROWS',
    );
    expectProblem(await upload(csv(`${HEADER}\n${'x'.repeat(2 * 1024 * 1024)}`)), 413, 'REQUEST.TOO_LARGE');
    const token = await under.api.token('operator.kabcontoh');
    expectProblem(
      await under.api.raw('POST', path, { token, body: { file: 'x' } }),
      415,
      'REQUEST.UNSUPPORTED_MEDIA_TYPE',
    );
    const empty = new FormData();
    empty.append('note', 'no file');
    const noFile = await fetch(`${under.stack.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: empty,
    });
    expect({ status: noFile.status, code: ((await noFile.json()) as { code: string }).code }).toEqual({
      status: 400,
      code: 'REQUEST.INVALID',
    });
  });

  it("takes imports only from an operator of the round's agency (or an admin), for a round that exists", async () => {
    const file = csv([HEADER, line('dinkes', nipOf(50))].join('\n'));
    for (const user of [
      'pansel1.kabcontoh',
      'ppk.kabcontoh',
      'auditor.kabcontoh',
      'liaison.bkn',
      'operator.kotalain',
    ])
      expectProblem(await upload(file, undefined, user), 403, 'AUTH.FORBIDDEN');
    expectProblem(await under.api.raw('POST', path, {}), 401, 'AUTH.UNAUTHENTICATED');
    expectProblem(
      await under.api.upload(
        'operator.kabcontoh',
        `/rounds/round-${AGENCY}-nope-${localId}/applicant-imports`,
        file,
      ),
      404,
      'ROUND.NOT_FOUND',
    );
  });

  it('is one operation of the OpenAPI document, taking multipart/form-data', async () => {
    const doc = await under.api.raw<{
      paths: Record<
        string,
        { post?: { operationId: string; requestBody?: { content: Record<string, unknown> } } }
      >;
    }>('GET', '/docs/openapi.json');
    const operation = doc.body.paths['/rounds/{roundId}/applicant-imports']?.post;
    expect(operation?.operationId).toBe('importApplicants');
    expect(Object.keys(operation?.requestBody?.content ?? {})).toEqual(['multipart/form-data']);
  });
});
