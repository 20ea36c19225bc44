import { time, type Role } from '@selter/domain';
import { DEMO_AGENCY, DEMO_USER_OF, demoCommands } from '@selter/domain/testing';

/** What the seeder needs of the running api. */
export interface DemoApi {
  /** A bearer token for a seeded user of the development issuer. */
  token(user: string): Promise<string>;
  setClock(now: string): Promise<void>;
  send(
    token: string,
    method: 'POST',
    path: string,
    body: unknown,
  ): Promise<{ status: number; body: unknown }>;
}

/**
 * Seeds the demo rounds through the api, as the seeded users would decide them, each decision at
 * its day on the api's adjustable clock (ADR 11), then sets the clock back to the real time.
 * Stops at the first refusal, naming it.
 */
export async function seedDemo(api: DemoApi, nowMs: number, log: (line: string) => void): Promise<void> {
  const today = time.dateOf(time.instantAt(nowMs));
  const tokens = new Map<string, string>();
  const tokenOf = async (user: string): Promise<string> =>
    tokens.get(user) ?? tokens.set(user, await api.token(user)).get(user)!;
  try {
    for (const { round, commands } of demoCommands(today)) {
      for (const command of commands) {
        await api.setClock(command.metadata.now);
        const role = command.metadata.actor.role as Exclude<Role, 'system'>;
        const token = await tokenOf(DEMO_USER_OF[role]);
        const reply =
          command.type === 'PlanRound'
            ? await api.send(token, 'POST', '/rounds', {
                roundId: round.localId,
                plan: command.data.plan,
                policyId: command.data.policyId,
              })
            : await api.send(
                token,
                'POST',
                `/rounds/round-${DEMO_AGENCY}-${round.localId}/decisions/${command.type}`,
                command.data,
              );
        if (reply.status !== 200 && reply.status !== 201)
          throw new Error(`${round.localId} ${command.type}: ${reply.status} ${JSON.stringify(reply.body)}`);
      }
      log(`demo: ${round.localId} (${commands.length} decisions)`);
    }
  } finally {
    await api.setClock(time.instantAt(Date.now()));
  }
}

/** The running api over HTTP, signing in as the development issuer's users. */
export function httpDemoApi(url: string, adminToken: () => Promise<string>): DemoApi {
  const json = async (res: Response): Promise<unknown> => res.json().catch(() => undefined);
  return {
    async token(user) {
      const res = await fetch(`${url}/dev-auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user }),
      });
      if (!res.ok) throw new Error(`no token for ${user}: ${res.status}`);
      return ((await res.json()) as { access_token: string }).access_token;
    },
    async setClock(now) {
      const res = await fetch(`${url}/admin/clock`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${await adminToken()}`, 'content-type': 'application/json' },
        body: JSON.stringify({ now }),
      });
      if (!res.ok) throw new Error(`the api's clock cannot be set (API_CLOCK=adjustable?): ${res.status}`);
    },
    async send(token, method, path, body) {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'idempotency-key': crypto.randomUUID(),
        },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: await json(res) };
    },
  };
}
