import { randomBytes, randomUUID } from 'node:crypto';
import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';

/** The keys that seal Temporal payloads: `active` seals, every key opens what it sealed (ADR 33). */
export interface PayloadKeys {
  readonly active: string;
  readonly keys: ReadonlyMap<string, Buffer>;
}

const keyId = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,64}$/, 'a key id is 1-64 letters, digits, dots, dashes or underscores');
const keyFileSchema = z
  .object({
    active: keyId,
    keys: z.record(
      keyId,
      z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'a key is 32 bytes in base64 (44 characters)'),
    ),
  })
  .refine((file) => file.keys[file.active] !== undefined, {
    path: ['active'],
    message: 'the active key id is not among the keys',
  });

/** The key file's JSON: `{ "active": "<id>", "keys": { "<id>": "<32 bytes, base64>" } }`. */
export type PayloadKeyFile = z.infer<typeof keyFileSchema>;

/** A key file's content checked; throws naming the file and the field. */
export function parsePayloadKeys(json: unknown, source: string): PayloadKeys {
  const parsed = keyFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${source}: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
  }
  return {
    active: parsed.data.active,
    keys: new Map(Object.entries(parsed.data.keys).map(([id, key]) => [id, Buffer.from(key, 'base64')])),
  };
}

const newKeyId = (now: Date): string =>
  `k${now.toISOString().slice(0, 10).replace(/-/g, '')}-${randomUUID().slice(0, 8)}`;
const newKey = (): string => randomBytes(32).toString('base64');

/**
 * Reads the key file. With `createIfMissing` (development and tests: the embedded default under the
 * data folder), a missing file is created with one fresh key, readable by its owner only; created
 * under another name and linked into place, so two processes starting at once agree on one key.
 */
export async function loadPayloadKeys(
  file: string,
  options: { createIfMissing: boolean; now?: Date },
): Promise<PayloadKeys> {
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    if (!options.createIfMissing)
      throw new Error(
        `${file}: no such key file; TEMPORAL_PAYLOAD_KEYS_FILE must name the keys that encrypt Temporal payloads (ADR 33)`,
      );
    const id = newKeyId(options.now ?? new Date());
    const fresh: PayloadKeyFile = { active: id, keys: { [id]: newKey() } };
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    const temporary = `${file}.${randomUUID()}.tmp`;
    await writeFile(temporary, `${JSON.stringify(fresh, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    try {
      await link(temporary, file);
    } catch (linkError) {
      if ((linkError as NodeJS.ErrnoException).code !== 'EEXIST') throw linkError;
    } finally {
      await unlink(temporary);
    }
    content = await readFile(file, 'utf8');
  }
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    throw new Error(`${file}: not JSON`);
  }
  return parsePayloadKeys(json, file);
}

/**
 * Rotates: adds a fresh key and makes it the active one; older keys stay so that what they sealed
 * still opens. Replaces the file atomically. Running services read the file at start: restart
 * them (the worker first) to seal with the new key. Returns the new key id.
 */
export async function rotatePayloadKeys(file: string, now = new Date()): Promise<string> {
  const current = parsePayloadKeys(JSON.parse(await readFile(file, 'utf8')) as unknown, file);
  const id = newKeyId(now);
  const next: PayloadKeyFile = {
    active: id,
    keys: {
      ...Object.fromEntries([...current.keys].map(([kid, key]) => [kid, key.toString('base64')])),
      [id]: newKey(),
    },
  };
  const temporary = `${file}.${randomUUID()}.tmp`;
  await writeFile(temporary, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  await rename(temporary, file);
  return id;
}
