import type { Payload, PayloadCodec } from '@temporalio/common';
import { z } from 'zod';

/**
 * The codec server's wire format (Temporal UI and CLI, `POST <endpoint>/decode`): payloads as JSON,
 * each metadata value and the data in base64 (https://docs.temporal.io/production-deployment/data-encryption).
 */
const base64 = z
  .string()
  .max(8_000_000)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');
export const codecRequestSchema = z.object({
  payloads: z
    .array(z.object({ metadata: z.record(z.string().max(256), base64).optional(), data: base64.optional() }))
    .max(1_000),
});
export type CodecRequest = z.infer<typeof codecRequestSchema>;

const fromJson = (p: CodecRequest['payloads'][number]): Payload => ({
  metadata: Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [k, new Uint8Array(Buffer.from(v, 'base64'))]),
  ),
  data: new Uint8Array(Buffer.from(p.data ?? '', 'base64')),
});

const toJson = (p: Payload): CodecRequest['payloads'][number] => ({
  metadata: Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [
      k,
      Buffer.from(v ?? new Uint8Array()).toString('base64'),
    ]),
  ),
  data: Buffer.from(p.data ?? new Uint8Array()).toString('base64'),
});

/** Decodes a codec server request's payloads with `codec`, answering in the same format. */
export async function decodeForCodecServer(
  codec: PayloadCodec,
  request: CodecRequest,
): Promise<CodecRequest> {
  return { payloads: (await codec.decode(request.payloads.map(fromJson))).map(toJson) };
}
