import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DefaultPayloadConverter } from '@temporalio/common';
import {
  AesGcmPayloadCodec,
  decodeForCodecServer,
  isEncrypted,
  KEY_ID_METADATA,
  loadPayloadKeys,
  parsePayloadKeys,
  PayloadDecryptionError,
  rotatePayloadKeys,
} from '.';

const converter = new DefaultPayloadConverter();
const applicant = { nip: '197505052000031001', name: 'Budi Santoso', birthDate: '1975-05-05' };
const keyOf = (byte: number): string => Buffer.alloc(32, byte).toString('base64');

describe('Temporal payloads sealed with AES-256-GCM', () => {
  const keys = parsePayloadKeys({ active: 'k1', keys: { k1: keyOf(1) } }, 'test');

  it('seals a payload so that neither its data nor its encoding shows, and opens it again', async () => {
    const codec = new AesGcmPayloadCodec(keys);
    const plain = converter.toPayload(applicant);
    const [sealed] = await codec.encode([plain]);
    expect(isEncrypted(sealed!)).toBe(true);
    expect(Buffer.from(sealed!.data!).toString('latin1')).not.toContain(applicant.nip);
    expect(Buffer.from(sealed!.data!).toString('latin1')).not.toContain('json/plain');
    const [opened] = await codec.decode([sealed!]);
    expect(converter.fromPayload(opened!)).toEqual(applicant);
    // A fresh IV each time: the same payload never seals to the same bytes.
    const [again] = await codec.encode([plain]);
    expect(Buffer.from(again!.data!).equals(Buffer.from(sealed!.data!))).toBe(false);
  });

  it('passes through payloads that were never sealed (histories recorded before the codec)', async () => {
    const plain = converter.toPayload({ recorded: 'before' });
    expect(await new AesGcmPayloadCodec(keys).decode([plain])).toEqual([plain]);
  });

  it('opens what an older key sealed after rotation, and refuses a key it does not hold by its id', async () => {
    const [old] = await new AesGcmPayloadCodec(keys).encode([converter.toPayload(applicant)]);
    const rotated = parsePayloadKeys({ active: 'k2', keys: { k1: keyOf(1), k2: keyOf(2) } }, 'test');
    const codec = new AesGcmPayloadCodec(rotated);
    expect(converter.fromPayload((await codec.decode([old!]))[0]!)).toEqual(applicant);
    const [fresh] = await codec.encode([converter.toPayload(applicant)]);
    expect(Buffer.from(fresh!.metadata![KEY_ID_METADATA]!).toString()).toBe('k2');
    const other = new AesGcmPayloadCodec(parsePayloadKeys({ active: 'k3', keys: { k3: keyOf(3) } }, 'test'));
    await expect(other.decode([fresh!])).rejects.toMatchObject({ code: 'PAYLOAD.KEY_UNKNOWN' });
  });

  it('refuses a payload whose bytes or key id were altered', async () => {
    const both = parsePayloadKeys({ active: 'k1', keys: { k1: keyOf(1), k2: keyOf(1) } }, 'test');
    const codec = new AesGcmPayloadCodec(both);
    const [sealed] = await codec.encode([converter.toPayload(applicant)]);
    const flipped = Buffer.from(sealed!.data!);
    flipped[20] = flipped[20]! ^ 1;
    await expect(codec.decode([{ ...sealed!, data: new Uint8Array(flipped) }])).rejects.toBeInstanceOf(
      PayloadDecryptionError,
    );
    // Same key bytes under another id: the id is authenticated, so re-labelling fails too.
    const relabelled = {
      ...sealed!,
      metadata: { ...sealed!.metadata, [KEY_ID_METADATA]: Buffer.from('k2') },
    };
    await expect(codec.decode([relabelled])).rejects.toMatchObject({ code: 'PAYLOAD.TAMPERED' });
  });

  it('answers the codec server protocol in base64 JSON', async () => {
    const codec = new AesGcmPayloadCodec(keys);
    const [sealed] = await codec.encode([converter.toPayload(applicant)]);
    const b64 = (u: Uint8Array): string => Buffer.from(u).toString('base64');
    const request = {
      payloads: [
        {
          metadata: Object.fromEntries(Object.entries(sealed!.metadata!).map(([k, v]) => [k, b64(v!)])),
          data: b64(sealed!.data!),
        },
      ],
    };
    const answer = await decodeForCodecServer(codec, request);
    expect(Buffer.from(answer.payloads[0]!.metadata!.encoding!, 'base64').toString()).toBe('json/plain');
    expect(JSON.parse(Buffer.from(answer.payloads[0]!.data!, 'base64').toString())).toEqual(applicant);
  });
});

describe('the payload key file', () => {
  it('is created once with one key, readable by its owner only, even by two processes at once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'payload-keys-'));
    const file = join(dir, 'keys', 'temporal-payload-keys.json');
    const [a, b] = await Promise.all([
      loadPayloadKeys(file, { createIfMissing: true }),
      loadPayloadKeys(file, { createIfMissing: true }),
    ]);
    expect(a.active).toBe(b.active);
    expect(a.keys.get(a.active)!.equals(b.keys.get(b.active)!)).toBe(true);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    await expect(loadPayloadKeys(join(dir, 'absent.json'), { createIfMissing: false })).rejects.toThrow(
      /absent\.json: no such key file; TEMPORAL_PAYLOAD_KEYS_FILE must name/,
    );
  });

  it('rotates to a new active key and keeps the old ones', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'payload-keys-'));
    const file = join(dir, 'keys.json');
    const before = await loadPayloadKeys(file, { createIfMissing: true });
    const id = await rotatePayloadKeys(file);
    const after = await loadPayloadKeys(file, { createIfMissing: false });
    expect(after.active).toBe(id);
    expect(id).not.toBe(before.active);
    expect([...after.keys.keys()].sort()).toEqual([before.active, id].sort());
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ active: id });
  });

  it('refuses a malformed file naming the field', () => {
    expect(() => parsePayloadKeys({ active: 'k1', keys: { k1: 'short' } }, 'f.json')).toThrow(
      /f\.json: keys\.k1: a key is 32 bytes/,
    );
    expect(() => parsePayloadKeys({ active: 'k9', keys: { k1: keyOf(1) } }, 'f.json')).toThrow(/active/);
  });
});
