import { waitUntil } from '@selter/engines';
import { DEMO_AGENCY, DEMO_ROUNDS, DEMO_USER_OF, demoCommands } from '@selter/domain/testing';
import { time } from '@selter/domain';
import { useApiStack } from './client';

/**
 * The demo rounds `npm start` seeds on its first start (issue 17 item 1; apps/dev/src/demo.ts sends
 * them the same way): one agency's rounds at several stages, decided through the api by the
 * seeded users, each at its day on the api's adjustable clock, the last on the day before today.
 */
describe('demo rounds for a newcomer', () => {
  const under = useApiStack();
  const id = (localId: string): string => `round-${DEMO_AGENCY}-${localId}`;

  it('are an announced round, one in selection, one awaiting the PPK and a closed one', async () => {
    const today = time.dateOf(time.instantAt(Date.now()));
    for (const { round, commands } of demoCommands(today)) {
      for (const command of commands) {
        await under.api.setClock(command.metadata.now);
        const user = DEMO_USER_OF[command.metadata.actor.role as keyof typeof DEMO_USER_OF];
        const reply =
          command.type === 'PlanRound'
            ? await under.api.post(user, '/rounds', {
                roundId: round.localId,
                plan: command.data.plan,
                policyId: command.data.policyId,
              })
            : await under.api.post(
                user,
                `/rounds/${id(round.localId)}/decisions/${command.type}`,
                command.data,
              );
        expect({ round: round.localId, type: command.type, status: reply.status }).toEqual({
          round: round.localId,
          type: command.type,
          status: command.type === 'PlanRound' ? 201 : 200,
        });
      }
    }
    await under.api.setClock(time.instantAt(Date.now()));
    expect(DEMO_ROUNDS).toHaveLength(4);

    const status = async (localId: string): Promise<unknown> =>
      (await under.api.get<{ status: string }>('operator.kabcontoh', `/rounds/${id(localId)}`)).body.status;
    expect(await status('demo-diumumkan')).toBe('announced');
    expect(await status('demo-selesai')).toBe('closed');
    // Each role finds its work today: the PPK chooses among the finalists; the pansel scores a stage.
    await waitUntil(
      'the inboxes list the demo rounds',
      async () => {
        const ppk = await under.api.get<{ items: Array<{ roundId: string; command: string }> }>(
          'ppk.kabcontoh',
          '/inbox',
        );
        if (
          !ppk.body.items.some(
            (i) => i.roundId === id('demo-menunggu-ppk') && i.command === 'ChooseAppointee',
          )
        )
          throw new Error(`ppk inbox: ${JSON.stringify(ppk.body.items)}`);
        const pansel = await under.api.get<{ items: Array<{ roundId: string }> }>(
          'pansel1.kabcontoh',
          '/inbox',
        );
        if (!pansel.body.items.some((i) => i.roundId === id('demo-seleksi')))
          throw new Error(`pansel inbox: ${JSON.stringify(pansel.body.items)}`);
      },
      { timeoutMs: 20_000, intervalMs: 250 },
    );
  });
});
