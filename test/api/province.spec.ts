import { randomUUID } from 'node:crypto';
import { waitUntil } from '@selter/engines';
import type { Role, RoundCommand, RoundPlan } from '@selter/domain';
import { aPansel, aPlan, aPost, RoundBuilder } from '@selter/domain/testing';
import { useApiStack, type ApiClient, type Reply } from './client';

/**
 * Provinces over regencies (issue 16 item 6, ADR 30): the seeded province `provcontoh` (WITA) is
 * over the regency `kabpesisir`. The province's operator and auditor read the regency's rounds and
 * decide nothing in them; a regency reads neither the province's rounds nor its sister regencies';
 * the province works its own rounds with its own pansel and its governor as PPK.
 */
const PROVINCE = 'provcontoh';
const REGENCY = 'kabpesisir';
const POLICY = 'bkn-2024';

type Caller = Exclude<Role, 'system'>;
const usersOf = (agency: string): Readonly<Record<Caller, string>> => ({
  operator: `operator.${agency}`,
  pansel: `pansel1.${agency}`,
  ppk: `ppk.${agency}`,
  oversight: 'liaison.bkn',
  auditor: `auditor.${agency}`,
  admin: 'admin',
});

/** A plan seating the agency's five seeded pansel members, for `posts` posts. */
function planOf(agency: string, level: 'province' | 'regency', name: string, posts: string[]): RoundPlan {
  const members = aPansel().map((m, i) => ({ ...m, memberId: `pansel${i + 1}.${agency}` }));
  return aPlan(
    posts.map((p) => aPost(p)),
    { agency: { name, level }, pansel: { decreeNumber: '800/7/2024', members } },
  );
}

/** Sends the builder's commands through the API as the agency's own seeded users, each at its time (after Retry-After when the agency is busy, as the console does). */
async function sendAll(
  api: ApiClient,
  agency: string,
  localId: string,
  commands: RoundCommand[],
): Promise<void> {
  const users = usersOf(agency);
  for (const command of commands) {
    await api.setClock(command.metadata.now);
    const user = users[command.metadata.actor.role as Caller];
    const reply =
      command.type === 'PlanRound'
        ? await api.postObeyingRetryAfter(user, '/rounds', {
            roundId: localId,
            plan: command.data.plan,
            policyId: POLICY,
          })
        : await api.postObeyingRetryAfter(
            user,
            `/rounds/round-${agency}-${localId}/decisions/${command.type}`,
            command.data,
          );
    if (reply.status !== 200 && reply.status !== 201)
      throw new Error(`${command.type} by ${user}: ${reply.status} ${JSON.stringify(reply.body)}`);
  }
}

const expectProvinceRefusal = (reply: Reply): void => {
  expect(reply.status).toBe(403);
  expect(reply.type).toContain('application/problem+json');
  expect(reply.body['code']).toBe('AUTH.PROVINCE_READS_ONLY');
};

type Listed = { rounds: Array<{ id: string; readOnly: boolean }> };
const listed = async (api: ApiClient, user: string): Promise<Listed['rounds']> =>
  (await api.get<Listed>(user, '/rounds')).body.rounds;

describe('a province over its regencies (ADR 30)', () => {
  const under = useApiStack();
  const regencyLocal = `r-${randomUUID().slice(0, 8)}`;
  const regencyRound = `round-${REGENCY}-${regencyLocal}`;

  beforeAll(async () => {
    const b = new RoundBuilder(
      planOf(REGENCY, 'regency', 'Pemerintah Kabupaten Pesisir', ['dinkes']),
      '2024-09-02',
      POLICY,
    );
    b.announce().register('dinkes', 3);
    await sendAll(under.api, REGENCY, regencyLocal, b.take());
  }, 120_000);

  it("lets the province's operator and auditor read the regency's round, read-only in the list", async () => {
    const { api } = under;
    for (const user of ['operator.provcontoh', 'auditor.provcontoh']) {
      const rounds = await waitUntil(
        'the regency round listed for the province',
        async () => {
          const all = await listed(api, user);
          if (!all.some((r) => r.id === regencyRound)) throw new Error(JSON.stringify(all));
          return all;
        },
        { timeoutMs: 15_000 },
      );
      expect(rounds.find((r) => r.id === regencyRound)?.readOnly).toBe(true);
      const round = await api.get<{ zone: string; posts: unknown[] }>(user, `/rounds/${regencyRound}`);
      expect(round.status).toBe(200);
      expect(round.body.zone).toBe('WITA');
      expect((await api.get(user, `/rounds/${regencyRound}/timeline`)).status).toBe(200);
      expect((await api.get(user, `/rounds/${regencyRound}/posts/dinkes/applicants`)).status).toBe(200);
      expect((await api.get(user, `/rounds/${regencyRound}/audit/state?at=1`)).status).toBe(200);
    }
    expect((await listed(api, 'operator.kabpesisir')).find((r) => r.id === regencyRound)?.readOnly).toBe(
      false,
    );
    // The province's own pansel and governor do not follow the regency's rounds.
    expect((await api.get('pansel1.provcontoh', `/rounds/${regencyRound}`)).body['code']).toBe(
      'AUTH.FORBIDDEN',
    );
    expect((await api.get('ppk.provcontoh', `/rounds/${regencyRound}`)).status).toBe(403);
    // Nor does an agency outside the province.
    expect((await api.get('operator.kabcontoh', `/rounds/${regencyRound}`)).status).toBe(403);
  });

  it("refuses every decision sent from the province in the regency's round with AUTH.PROVINCE_READS_ONLY", async () => {
    const { api } = under;
    await api.setClock('2024-09-12');
    const path = `/rounds/${regencyRound}/decisions`;
    expectProvinceRefusal(
      await api.post('operator.provcontoh', `${path}/CloseRegistration`, { postId: 'dinkes' }),
    );
    expectProvinceRefusal(
      await api.post('operator.provcontoh', `${path}/ExtendRegistration/check`, { postId: 'dinkes' }),
    );
    expectProvinceRefusal(
      await api.post('auditor.provcontoh', `${path}/CancelRound`, { reason: 'uji dari provinsi' }),
    );
    expectProvinceRefusal(
      await api.post('ppk.provcontoh', `${path}/ChooseAppointee`, {
        postId: 'dinkes',
        applicantId: 'dinkes-a1',
      }),
    );
    const plan = planOf(REGENCY, 'regency', 'Pemerintah Kabupaten Pesisir', ['dinkes']);
    expectProvinceRefusal(
      await api.post('operator.provcontoh', '/rounds', {
        roundId: 'dari-provinsi',
        agency: REGENCY,
        plan,
        policyId: POLICY,
      }),
    );
    const incumbent = {
      nip: 'n0',
      name: 'Pejabat 0',
      postId: 'p0',
      dateOfBirth: '1970-01-01',
      inauguratedOn: '2021-09-01',
    };
    expectProvinceRefusal(
      await api.post('operator.provcontoh', '/rotations', {
        rotationId: 'dari-provinsi',
        agency: REGENCY,
        policyId: POLICY,
        posts: [{ postId: 'p0', title: 'Kepala p0' }],
        incumbents: [incumbent],
      }),
    );
    // Nothing was decided: the regency's post is still open, and the province's inbox holds none of its decisions.
    const round = await api.get<{ posts: Array<{ status: string }> }>(
      'operator.kabpesisir',
      `/rounds/${regencyRound}`,
    );
    expect(round.body.posts[0]?.status).toBe('registration');
    const inbox = await api.get<{ items: Array<{ roundId: string }> }>('operator.provcontoh', '/inbox');
    expect(inbox.body.items.filter((i) => i.roundId === regencyRound)).toEqual([]);
    const own = await api.get<{ items: Array<{ roundId: string; command: string }> }>(
      'operator.kabpesisir',
      '/inbox',
    );
    expect(own.body.items.filter((i) => i.roundId === regencyRound).map((i) => i.command)).toContain(
      'CloseRegistration',
    );
  });

  it("keeps a regency out of the province's rounds and its sister regencies' beyond the public results", async () => {
    const { api } = under;
    // A second regency placed under the province by an admin, as data (an audited calendar change).
    const placed = await api.raw('PUT', '/calendar/agencies/kabhulu/place', {
      token: await api.token('admin'),
      body: { province: 'Kalimantan Selatan', level: 'regency', parent: PROVINCE, legalBasis: 'UU 8/2022' },
    });
    expect(placed.status).toBe(200);
    expect((await api.get('operator.provcontoh', `/calendar/agencies/${PROVINCE}`)).body).toMatchObject({
      level: 'province',
      parent: null,
      under: ['kabhulu', REGENCY],
      zone: 'WITA',
    });
    await api.setClock('2024-09-02');
    const sister = await api.post('admin', '/rounds', {
      roundId: 'saudara',
      agency: 'kabhulu',
      plan: planOf('kabhulu', 'regency', 'Pemerintah Kabupaten Hulu', ['dinkes']),
      policyId: POLICY,
    });
    expect(sister.status).toBe(201);
    const provinceOwn = new RoundBuilder(
      planOf(PROVINCE, 'province', 'Pemerintah Provinsi Contoh', ['bappeda']),
      '2024-09-02',
      POLICY,
    );
    provinceOwn.announce();
    await sendAll(api, PROVINCE, 'sendiri', provinceOwn.take());

    for (const id of [`round-kabhulu-saudara`, `round-${PROVINCE}-sendiri`]) {
      const reply = await api.get('operator.kabpesisir', `/rounds/${id}`);
      expect(reply.status).toBe(403);
      expect(reply.body['code']).toBe('AUTH.FORBIDDEN');
      expect((await api.get('auditor.kabpesisir', `/rounds/${id}/audit/state?at=1`)).status).toBe(403);
    }
    const seen = await listed(api, 'operator.kabpesisir');
    expect(seen.map((r) => r.id)).not.toEqual(expect.arrayContaining([`round-kabhulu-saudara`]));
    expect(seen.map((r) => r.id)).not.toContain(`round-${PROVINCE}-sendiri`);
    // The province's announced round is public, to the regency as to everyone.
    const open = await waitUntil(
      "the province's announced round on its public page",
      async () => {
        const r = await api.raw<{ rounds: Array<{ roundId: string }> }>(
          'GET',
          `/public/agencies/${PROVINCE}/rounds`,
        );
        if (!r.body.rounds?.some((x) => x.roundId === `round-${PROVINCE}-sendiri`))
          throw new Error(JSON.stringify(r.body));
        return r;
      },
      { timeoutMs: 15_000 },
    );
    expect(open.status).toBe(200);
    // The province follows the newly placed regency too (after the tree's few seconds of cache).
    await waitUntil(
      "the sister regency's round listed for the province",
      async () => {
        const all = await listed(api, 'operator.provcontoh');
        if (!all.some((r) => r.id === 'round-kabhulu-saudara' && r.readOnly))
          throw new Error(JSON.stringify(all));
      },
      { timeoutMs: 15_000 },
    );
  });

  it("refuses a plan whose agency level contradicts the agency's recorded place", async () => {
    const { api } = under;
    await api.setClock('2024-09-02');
    const asRegency = planOf(PROVINCE, 'regency', 'Pemerintah Provinsi Contoh', ['bappeda']);
    for (const path of ['/rounds', '/rounds/plan-check']) {
      const reply = await api.post('operator.provcontoh', path, {
        roundId: 'salah-tingkat',
        plan: asRegency,
        policyId: POLICY,
      });
      expect(reply.status).toBe(422);
      expect(reply.type).toContain('application/problem+json');
      expect(reply.body).toMatchObject({
        code: 'PLAN.AGENCY_LEVEL_MISMATCH',
        details: { field: 'plan.agency.level', recorded: 'province', planned: 'regency' },
      });
    }
    const asProvince = planOf(PROVINCE, 'province', 'Pemerintah Provinsi Contoh', ['bappeda']);
    expect(
      (await api.post('operator.provcontoh', '/rounds/plan-check', { plan: asProvince, policyId: POLICY }))
        .status,
    ).toBe(200);
  });

  it("plans and works the South Kalimantan shape: 11 posts, BKN era, WITA, by the province's own users", async () => {
    const { api } = under;
    const posts = [
      'bappeda',
      'dinkes',
      'dishub',
      'dinsos',
      'disdik',
      'dpupr',
      'bpkad',
      'dlh',
      'diskominfo',
      'disperin',
      'satpolpp',
    ];
    const localId = `kalsel-${randomUUID().slice(0, 6)}`;
    const roundId = `round-${PROVINCE}-${localId}`;
    const b = new RoundBuilder(
      planOf(PROVINCE, 'province', 'Pemerintah Provinsi Contoh', posts),
      '2024-09-02',
      POLICY,
    );
    b.announce();
    for (const post of posts) b.register(post, 4);
    b.closeAll().verify().stages();
    for (const post of posts) b.shortlist(post);
    for (const post of posts) b.appoint(post);
    for (const post of posts) b.run(b.inaugurateCommand(post));
    const commands = b.take();
    await sendAll(api, PROVINCE, localId, commands);
    const round = await waitUntil(
      'every post inaugurated in the read model',
      async () => {
        const r = await api.get<{
          status: string;
          zone: string;
          posts: Array<{ status: string; registrationDeadline: string }>;
        }>('operator.provcontoh', `/rounds/${roundId}`);
        if (r.body.status !== 'closed' || r.body.posts.some((p) => p.status !== 'inaugurated'))
          throw new Error(JSON.stringify(r.body));
        return r.body;
      },
      { timeoutMs: 30_000 },
    );
    // Every decision was taken by the province's own operator, pansel and governor, or BKN's liaison.
    const timeline = await api.get<{ events: Array<{ actor: { id: string; role: string } }> }>(
      'auditor.provcontoh',
      `/rounds/${roundId}/timeline?limit=1000`,
    );
    expect(timeline.status).toBe(200);
    const actors = new Set(
      timeline.body.events.filter((e) => e.actor.role !== 'system').map((e) => e.actor.id),
    );
    expect([...actors].filter((a) => !a.endsWith(`.${PROVINCE}`) && a !== 'liaison.bkn')).toEqual([]);
    expect([...actors]).toEqual(
      expect.arrayContaining(['operator.provcontoh', 'pansel1.provcontoh', 'ppk.provcontoh']),
    );
    expect(round.posts).toHaveLength(11);
    expect(round.zone).toBe('WITA');
    // The regency's staff do not read the province's round; its results are public to everyone.
    expect((await api.get('operator.kabpesisir', `/rounds/${roundId}`)).status).toBe(403);
    expect((await listed(api, 'operator.provcontoh')).find((r) => r.id === roundId)?.readOnly).toBe(false);
    const open = await api.raw<{ rounds: Array<{ roundId: string; posts: Array<{ stages: unknown[] }> }> }>(
      'GET',
      `/public/agencies/${PROVINCE}/rounds`,
    );
    const published = open.body.rounds.find((r) => r.roundId === roundId);
    expect(published?.posts).toHaveLength(11);
    expect(published?.posts.every((p) => p.stages.length > 0)).toBe(true);
  }, 600_000);
});
