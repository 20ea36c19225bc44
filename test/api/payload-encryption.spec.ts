import { randomUUID } from 'node:crypto';
import { anApplicant, nipOf } from '@selter/domain/testing';
import { ENCRYPTED_ENCODING } from '@selter/payload-codec';
import { testDataConverter, testEndpoints } from '@selter/testing';
import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { useApiStack } from './client';
import { AGENCY, openRegistration } from './journey';

type Payload = temporal.api.common.v1.IPayload;

/** Every payload anywhere in a protobuf message (events' inputs, results, memos, search attributes). */
function payloadsIn(value: unknown, found: Payload[] = [], seen = new Set<unknown>()): Payload[] {
  if (value === null || typeof value !== 'object' || seen.has(value) || value instanceof Uint8Array)
    return found;
  seen.add(value);
  const record = value as Record<string, unknown>;
  if (record['data'] instanceof Uint8Array && record['metadata'] && typeof record['metadata'] === 'object')
    found.push(record as Payload);
  for (const child of Object.values(record)) payloadsIn(child, found, seen);
  return found;
}

/**
 * Temporal payloads encrypted at rest (issue 17 item 7, ADR 33): a round's history, read raw from
 * the Temporal server, holds no applicant's NIP, name or birth date; an authorised viewer decodes
 * it through the API's codec endpoint; nobody else can.
 */
describe('Temporal payloads encrypted (through the HTTP API and the raw history)', () => {
  const under = useApiStack();
  const localId = `enc-${randomUUID().slice(0, 8)}`;
  const roundId = `round-${AGENCY}-${localId}`;
  const secret = anApplicant(nipOf(4242), { name: 'Rahasia Sutrisno', dateOfBirth: '1971-03-17' });
  let connection: Connection;

  beforeAll(async () => {
    await openRegistration(under.api, localId, 1);
    const reply = await under.api.post(
      'operator.kabcontoh',
      `/rounds/${roundId}/decisions/RegisterApplicant`,
      {
        postId: 'dinkes',
        applicantId: 'rahasia',
        applicant: secret,
      },
    );
    expect(reply.status).toBe(200);
    connection = await Connection.connect({ address: testEndpoints().temporalAddress });
  });
  afterAll(() => connection?.close());

  async function rawHistory(): Promise<Uint8Array[]> {
    const pages: Uint8Array[] = [];
    let nextPageToken: Uint8Array | undefined;
    do {
      const page = await connection.workflowService.getWorkflowExecutionHistory({
        namespace: 'default',
        execution: { workflowId: roundId },
        ...(nextPageToken ? { nextPageToken } : {}),
      });
      pages.push(temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryResponse.encode(page).finish());
      payloadsOf.push(...payloadsIn(page.history));
      nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
    } while (nextPageToken);
    return pages;
  }
  const payloadsOf: Payload[] = [];

  it("keeps applicants' NIP, name and birth date out of the history Temporal stores", async () => {
    const bytes = Buffer.concat(await rawHistory()).toString('latin1');
    expect(payloadsOf.length).toBeGreaterThan(3);
    for (const needle of [secret.nip, secret.name, secret.dateOfBirth, nipOf(0)])
      expect({ needle, found: bytes.includes(needle) }).toEqual({ needle, found: false });
    // What is not encrypted is the SDK's own bookkeeping, which the server reads (patch markers and
    // the TemporalChangeVersion search attribute, local-activity marker headers), never our data.
    const plain = payloadsOf
      .filter((p) => Buffer.from(p.metadata?.['encoding'] ?? []).toString() !== ENCRYPTED_ENCODING)
      .map((p) => JSON.parse(Buffer.from(p.data ?? []).toString()) as unknown);
    const bookkeeping = (v: unknown): boolean =>
      (Array.isArray(v) && v.every((x) => typeof x === 'string')) ||
      (typeof v === 'object' &&
        v !== null &&
        (('id' in v && 'deprecated' in v && Object.keys(v).length === 2) || 'activity_type' in v));
    expect(plain.filter((v) => !bookkeeping(v))).toEqual([]);
    expect(payloadsOf.length - plain.length).toBeGreaterThan(3);
    // The round's own client reads it as before: the workflow's state shows the applicant.
    const state = await new Client({ connection, dataConverter: await testDataConverter() }).workflow
      .getHandle(roundId)
      .query<unknown>('state');
    expect(JSON.stringify(state)).toContain(secret.nip);
  });

  it('decodes the payloads for an admin or a national auditor through POST /codec/decode, and for nobody else', async () => {
    if (payloadsOf.length === 0) await rawHistory();
    const b64 = (u: Uint8Array | null | undefined): string => Buffer.from(u ?? []).toString('base64');
    const body = {
      payloads: payloadsOf.map((p) => ({
        metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, b64(v)])),
        data: b64(p.data),
      })),
    };
    const decoded = await under.api.post<{ payloads: Array<{ data: string }> }>(
      'admin',
      '/codec/decode',
      body,
    );
    expect(decoded.status).toBe(200);
    const text = decoded.body.payloads.map((p) => Buffer.from(p.data, 'base64').toString('utf8')).join('\n');
    expect(text).toContain(secret.nip);
    expect(text).toContain(secret.name);
    expect((await under.api.post('auditor', '/codec/decode', body)).status).toBe(200);
    for (const user of ['operator.kabcontoh', 'auditor.kabcontoh', 'liaison.bkn']) {
      const refused = await under.api.post(user, '/codec/decode', body);
      expect({ user, status: refused.status, code: refused.body['code'] }).toEqual({
        user,
        status: 403,
        code: 'AUTH.FORBIDDEN',
      });
    }
    const anonymous = await under.api.raw('POST', '/codec/decode', { body });
    expect(anonymous.status).toBe(401);
    // A payload altered at rest is refused with a code, not decoded wrongly.
    const altered = structuredClone(body);
    const data = Buffer.from(altered.payloads[0]!.data, 'base64');
    data[data.length - 1] = data[data.length - 1]! ^ 1;
    altered.payloads[0]!.data = data.toString('base64');
    const tampered = await under.api.post('admin', '/codec/decode', altered);
    expect({ status: tampered.status, code: tampered.body['code'] }).toEqual({
      status: 422,
      code: 'PAYLOAD.TAMPERED',
    });
  });
});
