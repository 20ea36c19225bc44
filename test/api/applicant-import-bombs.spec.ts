import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { nipOf } from '@selter/domain/testing';
// The XLSX writer lives beside the reader whose unit specs use it too (a test helper, no production code).
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  deflatedRepeat,
  workbookAround,
  workbookFrame,
  workbookOf,
  zipOf,
} from '../../apps/api/src/rounds/import-applicants/workbook.test-helper';
import { useApiStack } from './client';
import { AGENCY, openRegistration } from './journey';

const DOCS =
  'surat-lamaran; drh; rekomendasi-ppk; surat-inspektorat; pakta-integritas; lhkpn; foto; surat-sehat; surat-sehat-jiwa; bebas-narkoba; spt; sertifikat-pim';

type Problem = { code?: string; details?: { limit?: string } };

const MB = 1024 * 1024;
const OPEN =
  '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const CLOSE = '</sheetData></worksheet>';
const inline = (text: string) => `<c t="inlineStr"><is><t>${text}</t></is></c>`;
const ROW = `<row>${['dinkes', nipOf(1), 'Pelamar Bom', 'Pemerintah Kabupaten Contoh', 'IV/a', 'S2', '10'].map(inline).join('')}</row>`;

/** The process listening on the API's port, and its resident memory as the kernel counts it. */
function apiPid(url: string): number {
  const out = execFileSync('ss', ['-ltnpH', `sport = :${new URL(url).port}`], { encoding: 'utf8' });
  const pid = /pid=(\d+)/.exec(out)?.[1];
  if (!pid) throw new Error(`no process listens on ${url}: ${out}`);
  return Number(pid);
}
const residentBytes = (pid: number): number =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) * 1024;

/** Six kinds of XLSX bomb, each at most a couple of MB as sent, with the code and limit each must be refused with. */
async function bombs(): Promise<Array<{ name: string; bytes: Buffer; code: string; limit: string }>> {
  const rows = await deflatedRepeat(OPEN, ROW, Math.floor((200 * MB) / ROW.length), CLOSE);
  const spaces = await deflatedRepeat(OPEN, ' '.repeat(1024), 300 * 1024, CLOSE);
  const wide = await deflatedRepeat(`${OPEN}<row>`, inline('x'), 5_000_000, `</row>${CLOSE}`);
  const long = await deflatedRepeat(
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>',
    'a'.repeat(1024),
    300 * 1024,
    '</t></si></sst>',
  );
  const lying = (data: Buffer) => ({ data, declaredSize: 8 * MB });
  return [
    {
      name: 'honest 200 MB of rows',
      bytes: workbookAround({ data: rows.data, declaredSize: rows.size }),
      code: 'IMPORT.EXPANDS_TOO_MUCH',
      limit: 'expandedBytes',
    },
    {
      name: '200 MB of rows declared as 8 MB',
      bytes: workbookAround(lying(rows.data)),
      code: 'IMPORT.TOO_MANY_ROWS',
      limit: 'rows',
    },
    {
      name: '300 MB of spaces declared as 8 MB',
      bytes: workbookAround(lying(spaces.data)),
      code: 'IMPORT.EXPANDS_TOO_MUCH',
      limit: 'expandedBytes',
    },
    {
      name: 'a row of 5 million cells declared as 8 MB',
      bytes: workbookAround(lying(wide.data)),
      code: 'IMPORT.TOO_MANY_CELLS',
      limit: 'columns',
    },
    {
      name: 'a 300 MB shared string declared as 8 MB',
      bytes: zipOf([
        ...workbookFrame(1, true),
        { name: 'xl/worksheets/sheet1.xml', data: `${OPEN}<row><c t="s"><v>0</v></c></row>${CLOSE}` },
        { name: 'xl/sharedStrings.xml', raw: true, ...lying(long.data) },
      ]),
      code: 'IMPORT.CELL_TOO_LONG',
      limit: 'cellChars',
    },
    {
      name: '5,000 entries',
      bytes: workbookAround(
        { data: rows.data.subarray(0, 1024), declaredSize: 1024 },
        Array.from({ length: 5_000 }, (_, i) => ({ name: `xl/media/${i}.bin`, data: '' })),
      ),
      code: 'IMPORT.TOO_MANY_ENTRIES',
      limit: 'zipEntries',
    },
  ];
}

describe('XLSX bombs are refused before they are expanded', () => {
  const under = useApiStack();
  const localId = `b-${randomUUID().slice(0, 8)}`;
  const path = `/rounds/round-${AGENCY}-${localId}/applicant-imports`;
  const upload = (bytes: Buffer) =>
    under.api.upload<Problem>('operator.kabcontoh', path, {
      name: 'pelamar.xlsx',
      bytes: new Uint8Array(bytes),
    });

  beforeAll(() => openRegistration(under.api, localId, 1));

  it('answers ten sent at once with 413 naming the limit, the API growing by under 200 MB and /health/live answering throughout', async () => {
    const kinds = await bombs();
    expect(
      kinds
        .filter(({ bytes }) => bytes.length >= 2 * MB)
        .map(({ name, bytes }) => `${name}: ${bytes.length}`),
    ).toEqual([]);
    const ten = [0, 1, 2, 3, 4, 5, 1, 2, 0, 4].map((i) => kinds[i] as (typeof kinds)[number]);
    // Each kind once alone first, so that what the API compiles and loads once is not counted as growth.
    for (const { bytes, code } of kinds) expect((await upload(bytes)).body.code).toBe(code);
    const pid = apiPid(under.stack.url);
    const before = residentBytes(pid);
    let most = before;
    const sampling = setInterval(() => (most = Math.max(most, residentBytes(pid))), 20);
    const probes: Array<{ status: number; ms: number }> = [];
    let done = false;
    const probing = (async () => {
      while (!done) {
        const started = performance.now();
        const reply = await fetch(`${under.stack.url}/health/live`);
        await reply.arrayBuffer();
        probes.push({ status: reply.status, ms: performance.now() - started });
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    try {
      const replies = await Promise.all(ten.map(({ bytes }) => upload(bytes)));
      expect(
        replies.map((r, i) => ({
          bomb: ten[i]?.name,
          status: r.status,
          type: r.type.split(';')[0],
          code: r.body.code,
          limit: r.body.details?.limit,
        })),
      ).toEqual(
        ten.map(({ name, code, limit }) => ({
          bomb: name,
          status: 413,
          type: 'application/problem+json',
          code,
          limit,
        })),
      );
    } finally {
      done = true;
      await probing;
      clearInterval(sampling);
    }
    most = Math.max(most, residentBytes(pid));
    // In MB, so that a failure says by how much.
    expect(Math.round((most - before) / MB)).toBeLessThan(200);
    expect(probes.length).toBeGreaterThan(0);
    expect(probes.every((p) => p.status === 200)).toBe(true);
    // The event loop keeps turning while ten bombs are read: a bomb read without yielding would hold
    // it for as long as its hundreds of megabytes take to inflate. (How fast it answers under load is a benchmark's question, not this test's: on
    // 2 shared cores a probe has taken up to ~400 ms while every engine was busy.)
    expect(probes.filter((p) => p.ms >= 1_000).map((p) => `${Math.round(p.ms)} ms`)).toEqual([]);

    // The API goes on: a real workbook is read and its row registered.
    const good = workbookOf([
      [
        [
          'jabatan',
          'nip',
          'nama',
          'instansi_asal',
          'pangkat',
          'pendidikan',
          'pengalaman_tahun',
          'jenis_jabatan_terakhir',
          'jabatan_terakhir',
          'lama_jabatan_terakhir',
          'tanggal_lahir',
          'dokumen',
        ],
        [
          'dinkes',
          nipOf(900),
          'Siti Aminah',
          'Pemerintah Kabupaten Contoh',
          'IV/a',
          'S2',
          10,
          'administrator',
          'Kepala Bidang',
          4,
          new Date(Date.UTC(1975, 4, 5)),
          DOCS,
        ],
      ],
    ]);
    const reply = await under.api.upload<{ accepted: number }>('operator.kabcontoh', path, {
      name: 'pelamar.xlsx',
      bytes: new Uint8Array(good),
    });
    expect({ status: reply.status, accepted: reply.body.accepted }).toEqual({ status: 200, accepted: 1 });
  });
});
