import { randomUUID } from 'node:crypto';
import { roundStateQuery } from '@selter/contracts';
import { evolve, initialState, type RoundCommand, type RoundEvent } from '@selter/domain';
import { anApplicant, nipOf } from '@selter/domain/testing';
import { readStream } from '@selter/event-store';
import { testDataConverter, testEndpoints } from '@selter/testing';
import { Client, Connection } from '@temporalio/client';
import { useApiStack, type Reply } from './client';
import { AGENCY, JourneyBuilder, openRegistration, sendAll, USER_OF } from './journey';

/**
 * Decisions sent through the API dozens at once to ONE round (ADR 16). The stack admits 4
 * decisions per round at a time and lets none wait (API_DECISION_WAIT_MS=0): every request
 * beyond those 4 is answered 429 at once, so the refusal path, its Retry-After and the retries it
 * promises are exercised on every wave, not only when the machine happens to be slow.
 */
const DEADLINE_MS = 15_000;
const WAVE = 50;
const ALLOWED = new Set([200, 201, 409, 422, 429, 503]);

interface Sent {
  readonly command: RoundCommand;
  /** Every reply this decision got, the last one final. */
  readonly replies: Reply[];
}

describe('decisions under concurrency (through the HTTP API)', () => {
  const under = useApiStack({ API_DECISIONS_PER_ROUND: '4', API_DECISION_WAIT_MS: '0' });
  let connection: Connection;
  beforeAll(async () => {
    connection = await Connection.connect({ address: testEndpoints().temporalAddress });
  });
  afterAll(() => connection?.close());

  /** Every reply is allowed, problem+json when not 2xx, within the deadline; 429/503 advise Retry-After. */
  function expectHonest(reply: Reply, elapsedMs: number): void {
    expect(ALLOWED.has(reply.status) ? reply.status : { unexpected: reply.status, body: reply.body }).toBe(
      reply.status,
    );
    expect(elapsedMs).toBeLessThan(DEADLINE_MS + 2_000);
    if (reply.status >= 400) expect(reply.type).toContain('application/problem+json');
    if (reply.status === 429 || reply.status === 503)
      expect(Number(reply.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  }

  /**
   * Sends every command at once, as `user`; half carry an Idempotency-Key. A 429 or 503 is sent again
   * after its Retry-After: with the same key when there is one (a pending outcome names the key to use
   * when the caller had none), as a new request otherwise (429 means nothing was decided).
   */
  async function wave(user: string, localId: string, commands: readonly RoundCommand[]): Promise<Sent[]> {
    const token = await under.api.token(user);
    return Promise.all(
      commands.map(async (command, i) => {
        let key: string | undefined = i % 2 === 0 ? randomUUID() : undefined;
        const replies: Reply[] = [];
        for (let attempt = 0; attempt < 40; attempt += 1) {
          const began = Date.now();
          const reply = await under.api.raw(
            'POST',
            `/rounds/round-${AGENCY}-${localId}/decisions/${command.type}`,
            { token, body: command.data, ...(key ? { key } : {}) },
          );
          expectHonest(reply, Date.now() - began);
          replies.push(reply);
          if (reply.status !== 429 && reply.status !== 503) break;
          const details = reply.body['details'] as { idempotencyKey?: string } | undefined;
          key ??= details?.idempotencyKey;
          await new Promise((resolve) =>
            setTimeout(resolve, Number(reply.headers.get('retry-after')) * 1000),
          );
        }
        return { command, replies };
      }),
    );
  }

  const final = (s: Sent): Reply => s.replies[s.replies.length - 1]!;
  const applicantOf = (data: unknown): string => (data as { applicantId: string }).applicantId;

  /** The stored stream folds to exactly the state the round's workflow holds, and each 2xx decision has exactly one event. */
  async function expectOneTruth(localId: string, sent: readonly Sent[], eventType: string): Promise<void> {
    const streamId = `round-${AGENCY}-${localId}`;
    const stored = await readStream(under.stack.sql, streamId);
    const ofType = stored.filter((e) => e.type === eventType);
    expect(ofType).toHaveLength(sent.length);
    for (const s of sent) {
      const mine = ofType.filter((e) => applicantOf(e.data) === applicantOf(s.command.data));
      expect({
        applicant: applicantOf(s.command.data),
        status: final(s).status,
        stored: mine.length,
      }).toEqual({ applicant: applicantOf(s.command.data), status: 200, stored: 1 });
      expect(final(s).body['version']).toBe(mine[0]?.streamVersion);
    }
    expect(new Set(stored.map((e) => e.eventId)).size).toBe(stored.length);
    expect(stored.map((e) => e.streamVersion)).toEqual(stored.map((_, i) => i + 1));
    const folded = stored
      .map((e) => ({ type: e.type, data: e.data, metadata: e.metadata }) as RoundEvent)
      .reduce(evolve, initialState());
    const queried = await new Client({ connection, dataConverter: await testDataConverter() }).workflow
      .getHandle(streamId)
      .query(roundStateQuery);
    expect(queried).toEqual(JSON.parse(JSON.stringify(folded)));
  }

  it('answers 50 registrations, then 50 more, then 50 verdicts sent at once to one round truthfully: each stored once, the round going on', async () => {
    const localId = `c-${randomUUID().slice(0, 8)}`;
    const b = new JourneyBuilder();
    b.announce();
    await sendAll(under.api, localId, b.take());
    b.register('dinkes', 2 * WAVE);
    const registrations = b.take();
    await under.api.setClock(registrations[0]!.metadata.now);

    const first = await wave(USER_OF.operator, localId, registrations.slice(0, WAVE));
    const second = await wave(USER_OF.operator, localId, registrations.slice(WAVE));
    const registered = [...first, ...second];
    // The refusal path was taken (4 at a time, no waiting) and every decision was recorded in the end.
    expect(registered.some((s) => s.replies.some((r) => r.status === 429))).toBe(true);
    await expectOneTruth(localId, registered, 'ApplicantRegistered');

    b.closeAll();
    await sendAll(under.api, localId, b.take());
    b.verify();
    const verdicts = b.take().filter((c) => c.type === 'RecordAdministrativeVerdict');
    await under.api.setClock(verdicts[0]!.metadata.now);
    const judged = await wave(USER_OF.pansel, localId, verdicts.slice(0, WAVE));
    await expectOneTruth(localId, judged, 'AdministrativeVerdictRecorded');

    // The round takes the next decision as usual.
    const next = await under.api.post(
      USER_OF.pansel,
      `/rounds/round-${AGENCY}-${localId}/decisions/RecordAdministrativeVerdict`,
      verdicts[WAVE]!.data,
    );
    expect(next.status).toBe(200);
  }, 240_000);

  it('answers two 40-row imports into one round at once, each with a per-row report, every row registered once', async () => {
    const localId = `ci-${randomUUID().slice(0, 8)}`;
    await openRegistration(under.api, localId, 1);
    const header =
      'jabatan,nip,nama,instansi_asal,pangkat,pendidikan,pengalaman_tahun,jenis_jabatan_terakhir,jabatan_terakhir,lama_jabatan_terakhir,tanggal_lahir,dokumen';
    const docs =
      '"surat-lamaran, drh, rekomendasi-ppk, surat-inspektorat, pakta-integritas, lhkpn, foto, surat-sehat, surat-sehat-jiwa, bebas-narkoba, spt, sertifikat-pim"';
    const line = (n: number): string =>
      [
        'dinkes',
        nipOf(n),
        `Pelamar ${n}`,
        'Pemerintah Kabupaten Contoh',
        'IV/a',
        'S2',
        '10',
        'administrator',
        'Kepala Bidang',
        '4',
        '05/05/1975',
        docs,
      ].join(',');
    // Two offices' lists sharing 10 applicants (NIPs 1030-1039): each of those is registered by one import only.
    const fileA = [header, ...Array.from({ length: 40 }, (_, i) => line(1000 + i))].join('\r\n');
    const fileB = [header, ...Array.from({ length: 40 }, (_, i) => line(1030 + i))].join('\r\n');
    const path = `/rounds/round-${AGENCY}-${localId}/applicant-imports`;
    type Report = {
      accepted: number;
      rejected: number;
      rows: Array<{ nip?: string; status: string; code?: string }>;
    };
    const [a, b] = await Promise.all([
      under.api.upload<Report>(
        USER_OF.operator,
        path,
        { name: 'a.csv', bytes: fileA, type: 'text/csv' },
        randomUUID(),
      ),
      under.api.upload<Report>(
        USER_OF.operator,
        path,
        { name: 'b.csv', bytes: fileB, type: 'text/csv' },
        randomUUID(),
      ),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.rows).toHaveLength(40);
    expect(b.body.rows).toHaveLength(40);
    // Every shared NIP: accepted by exactly one import, refused as a duplicate by the other.
    for (let n = 1030; n < 1040; n += 1) {
      const answers = [...a.body.rows, ...b.body.rows].filter((r) => r.nip === nipOf(n));
      expect(answers.map((r) => r.status).sort()).toEqual(['accepted', 'rejected']);
      expect(answers.find((r) => r.status === 'rejected')?.code).toBe('APPLICANT.DUPLICATE');
    }
    expect(a.body.accepted + b.body.accepted).toBe(70);
    const stored = (await readStream(under.stack.sql, `round-${AGENCY}-${localId}`)).filter(
      (e) => e.type === 'ApplicantRegistered',
    );
    expect(stored).toHaveLength(71);
    expect(new Set(stored.map((e) => (e.data as { applicant: { nip: string } }).applicant.nip)).size).toBe(
      71,
    );

    // The round goes on.
    const next = await under.api.post(
      USER_OF.operator,
      `/rounds/round-${AGENCY}-${localId}/decisions/RegisterApplicant`,
      {
        postId: 'dinkes',
        applicantId: 'dinkes-next',
        applicant: anApplicant(nipOf(2000)),
      },
    );
    expect(next.status).toBe(200);
  }, 180_000);
});
