import type { Role, RoundCommand, RoundPlan } from '@selter/domain';
import { aPansel, aPlan, aPost, DEMO_USER_OF, nipOf, RoundBuilder } from '@selter/domain/testing';
import type { ApiClient, Reply } from './client';

export const AGENCY = 'kabcontoh';
export const POLICY = 'bkn-2024';

/** The seeded user who takes each role's decisions in these tests (BKN holds the gates under bkn-2024). */
export const USER_OF = DEMO_USER_OF;

/** The applicant the fifth pansel member declared a conflict of interest with (R3). */
export const CONFLICTED_NIP = nipOf(0);
export const CONFLICTED_MEMBER = 'pansel5.kabcontoh';

/** One post, a pansel of the seeded members (the fifth conflicted with the first applicant). */
export function journeyPlan(): RoundPlan {
  const members = aPansel().map((m, i) => ({
    ...m,
    memberId: `pansel${i + 1}.${AGENCY}`,
    conflictsOfInterest: i === 4 ? [{ nip: CONFLICTED_NIP, nature: 'saudara kandung' }] : [],
  }));
  return aPlan([aPost('dinkes')], { pansel: { decreeNumber: '800/1/2024', members } });
}

/** The domain's RoundBuilder on the journey's plan; it records each command it runs (`take()`) for the test to send through the API. */
export class JourneyBuilder extends RoundBuilder {
  constructor() {
    super(journeyPlan(), '2024-09-02', POLICY);
  }
}

/** Sends one recorded command through the API as the seeded user of its role, at its time. */
export async function send(api: ApiClient, localId: string, command: RoundCommand): Promise<Reply> {
  await api.setClock(command.metadata.now);
  const user = USER_OF[command.metadata.actor.role as Exclude<Role, 'system'>];
  if (command.type === 'PlanRound')
    return api.post(user, '/rounds', {
      roundId: localId,
      plan: command.data.plan,
      policyId: command.data.policyId,
    });
  return api.post(user, `/rounds/round-${AGENCY}-${localId}/decisions/${command.type}`, command.data);
}

/** Sends commands in order; fails on the first refusal, naming it. */
export async function sendAll(
  api: ApiClient,
  localId: string,
  commands: readonly RoundCommand[],
): Promise<void> {
  for (const command of commands) {
    const reply = await send(api, localId, command);
    if (reply.status !== 200 && reply.status !== 201)
      throw new Error(`${command.type}: ${reply.status} ${JSON.stringify(reply.body)}`);
  }
}

/** A round through the API up to open registration: announced, `applicants` registered for dinkes, the clock on 2024-09-12 (deadline 2024-09-24). */
export async function openRegistration(api: ApiClient, localId: string, applicants: number): Promise<void> {
  const b = new JourneyBuilder();
  b.announce().register('dinkes', applicants);
  await sendAll(api, localId, b.take());
  await api.setClock('2024-09-12');
}
