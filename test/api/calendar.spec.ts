import { randomUUID } from 'node:crypto';
import { time, type RoundCommand } from '@selter/domain';
import { aPansel, aPlan, aPost, RoundBuilder } from '@selter/domain/testing';
import { readStream } from '@selter/event-store';
import { useApiStack, type ApiClient, type Reply } from './client';

jest.setTimeout(180_000);

const WITA_AGENCY = 'kabbanjar';
const MFA = { amr: ['pwd', 'otp'] };
const LEGAL_BASIS = 'UU 8/2022 tentang Provinsi Kalimantan Selatan';

describe('calendars and time zones as data through the API (ADR 24)', () => {
  const under = useApiStack();

  /** An operator of an agency the development issuer does not seed, from the test issuer. */
  const operatorToken = (agency: string): Promise<string> =>
    under.stack.issuer.mint({ sub: `operator.${agency}`, role: 'operator', agency, ...MFA });

  async function sendAs(
    api: ApiClient,
    token: string,
    localId: string,
    command: RoundCommand,
    agency = WITA_AGENCY,
  ): Promise<Reply> {
    await api.setClock(command.metadata.now);
    const key = randomUUID();
    if (command.metadata.actor.role === 'oversight') {
      return api.post(
        'liaison.bkn',
        `/rounds/round-${agency}-${localId}/decisions/${command.type}`,
        command.data,
      );
    }
    if (command.type === 'PlanRound') {
      const { plan, policyId } = command.data;
      return api.raw('POST', '/rounds', { token, key, body: { roundId: localId, plan, policyId } });
    }
    return api.raw('POST', `/rounds/round-${agency}-${localId}/decisions/${command.type}`, {
      token,
      key,
      body: command.data,
    });
  }

  it('[R19] counts the 2026 examples of SKB 1497/2/5 of 2025 and refuses 2028 with CALENDAR.YEAR_MISSING', async () => {
    const { api } = under;
    const count = (from: string, days: number) =>
      api.get('operator.kabcontoh', `/calendar/working-days?agency=kabcontoh&from=${from}&days=${days}`);
    expect((await count('2026-03-16', 7)).body).toMatchObject({ date: '2026-04-01', zone: 'WIB' });
    expect((await count('2026-12-21', 7)).body).toMatchObject({ date: '2027-01-04' });
    const missing = await count('2027-12-27', 7);
    expect(missing.status).toBe(409);
    expect(missing.type).toContain('application/problem+json');
    expect(missing.body).toMatchObject({ code: 'CALENDAR.YEAR_MISSING', details: { year: 2028 } });
    const calendar = await api.get<{ years: Array<{ year: number; decree: string }> }>(
      'auditor.kabcontoh',
      '/calendar',
    );
    expect(calendar.body.years.map((y) => y.year)).toEqual([
      2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027,
    ]);
    expect(calendar.body.years.find((y) => y.year === 2026)?.decree).toContain('1497');
  });

  it('[R19] lets an admin add a regional holiday with its legal basis; a later count uses it, for that agency only', async () => {
    const { api } = under;
    const before = await api.get(
      'operator.kabcontoh',
      '/calendar/working-days?agency=kabcontoh&from=2026-03-16&days=7',
    );
    expect(before.body).toMatchObject({ date: '2026-04-01' });
    expect(
      (
        await api.post('operator.kabcontoh', '/calendar/days-off', {
          date: '2026-03-25',
          name: 'x',
          agency: 'kabcontoh',
          legalBasis: 'Perda 1/2020',
        })
      ).status,
    ).toBe(403);
    const noBasis = await api.post('admin', '/calendar/days-off', {
      date: '2026-03-25',
      name: 'Hari Jadi',
      agency: 'kabcontoh',
    });
    expect(noBasis.status).toBe(400);
    expect(JSON.stringify(noBasis.body)).toContain('legalBasis');
    const added = await api.post('admin', '/calendar/days-off', {
      date: '2026-03-25',
      name: 'Hari Jadi Kabupaten Contoh',
      agency: 'kabcontoh',
      legalBasis: 'Perda Kabupaten Contoh 1/2020',
    });
    expect(added.status).toBe(201);
    const after = await api.get(
      'operator.kabcontoh',
      '/calendar/working-days?agency=kabcontoh&from=2026-03-16&days=7',
    );
    expect(after.body).toMatchObject({
      date: '2026-04-02',
      version: (added.body as { version: number }).version,
    });
    const other = await api.get(
      'operator.kotalain',
      '/calendar/working-days?agency=kotalain&from=2026-03-16&days=7',
    );
    expect(other.body).toMatchObject({ date: '2026-04-01' });
    // Audited: the change is an event on the calendar stream naming who and on what basis.
    const stored = await readStream(under.stack.sql, 'calendar');
    const event = stored.find((e) => e.type === 'DayOffAdded');
    expect(event).toMatchObject({
      type: 'DayOffAdded',
      data: { legalBasis: 'Perda Kabupaten Contoh 1/2020' },
      metadata: { actor: { id: 'admin' } },
    });
  });

  it("[R18] closes a WITA agency's registration at 23:59:59 WITA, not at midnight WIB", async () => {
    const { api } = under;
    const placed = await api.raw('PUT', `/calendar/agencies/${WITA_AGENCY}/place`, {
      token: await api.token('admin'),
      body: { province: 'Kalimantan Selatan', legalBasis: LEGAL_BASIS },
    });
    expect(placed.status).toBe(200);
    const place = await api.get('operator.kabcontoh', `/calendar/agencies/${WITA_AGENCY}`);
    expect(place.body).toMatchObject({ zone: 'WITA', offset: '+08:00', province: 'Kalimantan Selatan' });

    const members = aPansel().map((m, i) => ({ ...m, memberId: `pansel${i + 1}.${WITA_AGENCY}` }));
    const plan = aPlan([aPost('dinkes')], { pansel: { decreeNumber: '800/1/2024', members } });
    const b = new RoundBuilder(plan, '2024-09-02', 'bkn-2024');
    b.announce().register('dinkes', 6);
    const token = await operatorToken(WITA_AGENCY);
    for (const command of b.take()) {
      const reply = await sendAs(api, token, 'wita1', command);
      if (reply.status >= 300)
        throw new Error(`${command.type}: ${reply.status} ${JSON.stringify(reply.body)}`);
    }
    const deadline = plan.schedule.registrationDeadline;
    // 23:59:59 WITA is 22:59:59 WIB: still open; an applicant registers in the last second.
    const lastSecond = `${deadline}T23:59:59+08:00`;
    b.register('dinkes', 1, () => ({}), deadline);
    const [late] = b.take();
    if (!late) throw new Error('no registration');
    const reply = await sendAs(api, token, 'wita1', {
      ...late,
      metadata: { ...late.metadata, now: lastSecond },
    });
    expect(reply.status).toBe(200);

    // The round's clock closes the post one second later: midnight WITA, an hour before midnight WIB.
    const closedAt = await waitForEvent(api, token, 'wita1', 'RegistrationClosed');
    const endWita = time.instantMillis(time.endOfDate(deadline, '+08:00'));
    expect(time.instantMillis(closedAt)).toBeGreaterThanOrEqual(endWita);
    expect(time.instantMillis(closedAt)).toBeLessThan(time.instantMillis(time.endOfDate(deadline)));
  });

  it("[R19] raises the round clock's CALENDAR.YEAR_MISSING alarm in the inbox of the operator and the admin instead of extending into 2028", async () => {
    const { api } = under;
    const agency = 'kabakhir';
    const token = await operatorToken(agency);
    const members = aPansel().map((m, i) => ({ ...m, memberId: `pansel${i + 1}.${agency}` }));
    const schedule = {
      announcementOn: '2027-12-06',
      registrationDeadline: '2027-12-27',
      referenceDate: '2027-12-27',
    };
    const plan = aPlan([aPost('dinkes')], { pansel: { decreeNumber: '800/9/2027', members }, schedule });
    const b = new RoundBuilder(plan, '2027-11-29', 'bkn-2025');
    b.announce().register('dinkes', 1);
    b.register('dinkes', 1, () => ({}), '2027-12-27');
    const commands = b.take();
    const last = commands.pop();
    if (!last) throw new Error('no commands');
    for (const command of commands) {
      const reply = await sendAs(api, token, 'akhir1', command, agency);
      if (reply.status >= 300)
        throw new Error(`${command.type}: ${reply.status} ${JSON.stringify(reply.body)}`);
    }
    // The last second of the deadline day: one second later the clock would extend by 7 working days into 2028.
    const lastSecond = { ...last, metadata: { ...last.metadata, now: '2027-12-27T23:59:59+07:00' } };
    expect((await sendAs(api, token, 'akhir1', lastSecond, agency)).status).toBe(200);

    type Inbox = {
      items: Array<{ roundId: string; command: string; alarm: { code: string; year: number | null } | null }>;
    };
    const alarmIn = async (get: () => Promise<Reply<Inbox>>) => {
      const until = Date.now() + 30_000;
      for (;;) {
        const inbox = await get();
        const item = inbox.body.items?.find((i) => i.roundId === `round-${agency}-akhir1` && i.alarm);
        if (item || Date.now() > until) return item;
        await new Promise((r) => setTimeout(r, 250));
      }
    };
    const mine = await alarmIn(() => api.raw<Inbox>('GET', '/inbox', { token }));
    expect(mine).toMatchObject({
      command: 'CloseRegistration',
      alarm: { code: 'CALENDAR.YEAR_MISSING', year: 2028 },
    });
    const admins = await alarmIn(() => api.get<Inbox>('admin', '/inbox'));
    expect(admins).toMatchObject({ alarm: { code: 'CALENDAR.YEAR_MISSING', year: 2028 } });
    // Not closed early, not extended: the post still waits in registration on its deadline.
    const view = await api.raw<{
      posts: Array<{ status: string; registrationDeadline: string; extensions: number }>;
    }>('GET', `/rounds/round-${agency}-akhir1`, { token });
    expect(view.body.posts[0]).toMatchObject({
      status: 'registration',
      registrationDeadline: expect.stringMatching(/^2027-12-27/),
      extensions: 0,
    });
  });

  async function waitForEvent(api: ApiClient, token: string, localId: string, type: string): Promise<string> {
    const until = Date.now() + 60_000;
    for (;;) {
      const timeline = await api.raw<{ events?: Array<{ type: string; at: string }> }>(
        'GET',
        `/rounds/round-${WITA_AGENCY}-${localId}/timeline`,
        { token },
      );
      const found = timeline.body.events?.find((e) => e.type === type);
      if (found) return found.at;
      if (Date.now() > until) throw new Error(`no ${type}: ${JSON.stringify(timeline.body).slice(0, 500)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
});
