import { randomUUID } from 'node:crypto';
import { startApiStack, type ApiStack, type ApiStackOptions } from './stack';

export interface Reply<T = Record<string, unknown>> {
  status: number;
  type: string;
  body: T;
  headers: Headers;
}

async function replyOf<T>(res: Response): Promise<Reply<T>> {
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    body: (text ? JSON.parse(text) : {}) as T,
    headers: res.headers,
  };
}

/** A small HTTP client for the api under test, logging in seeded users through the development issuer. */
export class ApiClient {
  private readonly tokens = new Map<string, Promise<string>>();

  constructor(readonly url: string) {}

  token(user: string): Promise<string> {
    let token = this.tokens.get(user);
    if (!token) {
      token = this.raw('POST', '/dev-auth/token', { body: { user } }).then((r) => {
        if (r.status !== 200) throw new Error(`no token for ${user}: ${JSON.stringify(r.body)}`);
        return String(r.body['access_token']);
      });
      this.tokens.set(user, token);
    }
    return token;
  }

  async raw<T = Record<string, unknown>>(
    method: string,
    path: string,
    o: {
      body?: unknown;
      token?: string;
      key?: string;
      rawBody?: string;
      headers?: Record<string, string>;
    } = {},
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    if (o.token) headers['authorization'] = `Bearer ${o.token}`;
    if (o.key) headers['idempotency-key'] = o.key;
    const body = o.rawBody ?? (o.body === undefined ? undefined : JSON.stringify(o.body));
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    return replyOf<T>(
      await fetch(`${this.url}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) }),
    );
  }

  /** POSTs a file as multipart/form-data (field `file`) as a seeded user, with an Idempotency-Key when given. */
  async upload<T = Record<string, unknown>>(
    user: string,
    path: string,
    file: { name: string; bytes: Uint8Array<ArrayBuffer> | string; type?: string },
    key?: string,
  ): Promise<Reply<T>> {
    const form = new FormData();
    form.append('file', new Blob([file.bytes], { type: file.type ?? 'application/octet-stream' }), file.name);
    const headers: Record<string, string> = {
      authorization: `Bearer ${await this.token(user)}`,
      ...(key ? { 'idempotency-key': key } : {}),
    };
    return replyOf<T>(await fetch(`${this.url}${path}`, { method: 'POST', headers, body: form }));
  }

  async get<T = Record<string, unknown>>(user: string, path: string): Promise<Reply<T>> {
    return this.raw<T>('GET', path, { token: await this.token(user) });
  }

  /** POSTs as a seeded user, with a fresh Idempotency-Key unless one is given. */
  async post<T = Record<string, unknown>>(
    user: string,
    path: string,
    body: unknown,
    key: string = randomUUID(),
  ): Promise<Reply<T>> {
    return this.raw<T>('POST', path, { token: await this.token(user), body, key });
  }

  /**
   * POSTs as the console does: a 429/503 (nothing was decided) is sent again with the same
   * Idempotency-Key after its Retry-After, up to `attempts` times; any other answer is returned.
   */
  async postObeyingRetryAfter<T = Record<string, unknown>>(
    user: string,
    path: string,
    body: unknown,
    attempts = 20,
  ): Promise<Reply<T>> {
    const key = randomUUID();
    for (let attempt = 1; ; attempt += 1) {
      const reply = await this.post<T>(user, path, body, key);
      if ((reply.status !== 429 && reply.status !== 503) || attempt >= attempts) return reply;
      const seconds = Number((reply.body as { retryAfter?: unknown } | undefined)?.retryAfter ?? 1);
      await new Promise((resolve) => setTimeout(resolve, (Number.isFinite(seconds) ? seconds : 1) * 1000));
    }
  }

  /** Sets the api's clock (API_CLOCK=adjustable) to a date (09:00 WIB) or an instant. */
  async setClock(at: string): Promise<void> {
    const now = at.includes('T') ? at : `${at}T09:00:00+07:00`;
    const r = await this.raw('PUT', '/admin/clock', { token: await this.token('admin'), body: { now } });
    if (r.status !== 200) throw new Error(`clock: ${JSON.stringify(r.body)}`);
  }

  /** Sends a decision as a seeded user on a given day (the api's clock is set first). */
  async decide(user: string, roundId: string, type: string, data: unknown, date?: string): Promise<Reply> {
    if (date) await this.setClock(date);
    return this.post(user, `/rounds/${roundId}/decisions/${type}`, data);
  }
}

/** Starts the API stack before a test file's tests and stops it after them; `stack` and `api` are set once it is up. */
export function useApiStack(
  extraEnv: NodeJS.ProcessEnv = {},
  options: ApiStackOptions = {},
): { stack: ApiStack; api: ApiClient } {
  const under = {} as { stack: ApiStack; api: ApiClient };
  beforeAll(async () => {
    under.stack = await startApiStack(extraEnv, options);
    under.api = new ApiClient(under.stack.url);
  }, 120_000);
  afterAll(() => under.stack?.stop());
  return under;
}
