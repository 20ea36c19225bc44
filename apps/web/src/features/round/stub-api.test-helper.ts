import type { Role } from '../../session';

/** Answers by path for a stubbed API: the body, or a problem with its status. */
export type Answers = Record<string, unknown | ((query: URLSearchParams) => unknown)>;

const answer = (
  answers: Answers,
  path: string,
  query: URLSearchParams,
): { status: number; body: unknown } => {
  const found = answers[path];
  if (found === undefined)
    return {
      status: 404,
      body: { type: 'about:blank', title: 'Not Found', status: 404, code: 'TEST.NO_ANSWER', detail: path },
    };
  return {
    status: 200,
    body: typeof found === 'function' ? (found as (q: URLSearchParams) => unknown)(query) : found,
  };
};

/**
 * A signed-in session whose API answers from `answers` (keyed by path, without the query), and
 * a global fetch answering the same for the calls made without the typed client. jsdom has no
 * Request, which the generated client needs, hence a client stand-in with only GET.
 */
export function stubApi(answers: Answers, role: Role = 'operator'): { session: unknown; calls: string[] } {
  const calls: string[] = [];
  const api = {
    GET: async (
      template: string,
      options: { params?: { path?: Record<string, string>; query?: Record<string, unknown> } } = {},
    ) => {
      const path = template.replace(/\{(\w+)\}/g, (_, name: string) =>
        encodeURIComponent(options.params?.path?.[name] ?? ''),
      );
      const query = new URLSearchParams(
        Object.entries(options.params?.query ?? {}).map(([k, v]) => [k, String(v)]),
      );
      calls.push(query.size ? `${path}?${query}` : path);
      const { status, body } = answer(answers, path, query);
      return status === 200
        ? { data: body, response: { ok: true, status } }
        : { error: body, response: { ok: false, status } };
    },
  };
  global.fetch = jest.fn(async (input: string) => {
    const url = new URL(input, 'http://localhost');
    calls.push(`${url.pathname}${url.search}`);
    const { status, body } = answer(answers, url.pathname, url.searchParams);
    return { ok: status === 200, status, headers: new Map<string, string>(), json: async () => body };
  }) as unknown as typeof fetch;
  const user = { sub: `${role}.kabcontoh`, role, agency: 'kabcontoh', name: `Uji ${role}` };
  return {
    session: {
      session: { token: 't', user, expiresAt: Date.now() + 60_000 },
      api,
      signIn: () => undefined,
      signOut: () => undefined,
    },
    calls,
  };
}
