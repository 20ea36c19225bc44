import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import type { PayloadKeys } from './payload-keys';

/** The `encoding` of an encrypted payload, and the metadata that says how and with which key. */
export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';
export const CIPHER_METADATA = 'encryption-cipher';
const CIPHER = 'AES-256-GCM';
const IV_BYTES = 12;
const TAG_BYTES = 16;

const utf8 = new TextEncoder();
const text = new TextDecoder();

/** A payload this codec cannot open: its key is not in the key file, or its bytes were altered. */
export class PayloadDecryptionError extends Error {
  override readonly name = 'PayloadDecryptionError';
  constructor(
    readonly code: 'PAYLOAD.KEY_UNKNOWN' | 'PAYLOAD.TAMPERED' | 'PAYLOAD.CIPHER_UNKNOWN',
    message: string,
  ) {
    super(message);
  }
}

/** Whether a payload is one this codec encrypted (by its `encoding` metadata). */
export function isEncrypted(payload: Payload): boolean {
  const encoding = payload.metadata?.encoding;
  return encoding !== undefined && text.decode(encoding) === ENCRYPTED_ENCODING;
}

/**
 * Temporal payloads encrypted with AES-256-GCM (ADR 33). Each payload (metadata and data, in
 * Temporal's own protobuf encoding) is sealed with the key file's active key and a fresh 12-byte
 * IV; the key id and cipher travel in clear metadata and are bound to the ciphertext as additional
 * authenticated data, so a payload cannot be re-labelled. Decoding picks the key by its id, so keys
 * rotate without re-encrypting history: old ids stay in the file for reading. Payloads that are not
 * encrypted (histories recorded before, or sent by a client without the codec) pass through.
 */
export class AesGcmPayloadCodec implements PayloadCodec {
  constructor(private readonly keys: PayloadKeys) {}

  /** Async so that a failure rejects, as the interface promises, rather than throwing. */
  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.seal(payload));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => (isEncrypted(payload) ? this.open(payload) : payload));
  }

  private seal(payload: Payload): Payload {
    const keyId = this.keys.active;
    const key = this.keys.keys.get(keyId)!;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(aad(keyId));
    const plain = temporal.api.common.v1.Payload.encode(payload).finish();
    const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    return {
      metadata: {
        encoding: utf8.encode(ENCRYPTED_ENCODING),
        [KEY_ID_METADATA]: utf8.encode(keyId),
        [CIPHER_METADATA]: utf8.encode(CIPHER),
      },
      data: new Uint8Array(sealed),
    };
  }

  private open(payload: Payload): Payload {
    const meta = payload.metadata ?? {};
    const cipherName = meta[CIPHER_METADATA] ? text.decode(meta[CIPHER_METADATA]) : '';
    if (cipherName !== CIPHER)
      throw new PayloadDecryptionError(
        'PAYLOAD.CIPHER_UNKNOWN',
        `payload sealed with "${cipherName}", not ${CIPHER}`,
      );
    const keyId = meta[KEY_ID_METADATA] ? text.decode(meta[KEY_ID_METADATA]) : '';
    const key = this.keys.keys.get(keyId);
    if (!key)
      throw new PayloadDecryptionError(
        'PAYLOAD.KEY_UNKNOWN',
        `payload sealed with key "${keyId}", which the key file does not hold`,
      );
    const data = Buffer.from(payload.data ?? new Uint8Array());
    if (data.length < IV_BYTES + TAG_BYTES)
      throw new PayloadDecryptionError('PAYLOAD.TAMPERED', 'encrypted payload shorter than its IV and tag');
    const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
    decipher.setAAD(aad(keyId));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    let plain: Buffer;
    try {
      plain = Buffer.concat([
        decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)),
        decipher.final(),
      ]);
    } catch {
      throw new PayloadDecryptionError(
        'PAYLOAD.TAMPERED',
        `payload sealed with key "${keyId}" fails authentication`,
      );
    }
    const decoded = temporal.api.common.v1.Payload.decode(plain);
    return { metadata: decoded.metadata, data: decoded.data };
  }
}

const aad = (keyId: string): Uint8Array => utf8.encode(`${CIPHER}:${keyId}`);
