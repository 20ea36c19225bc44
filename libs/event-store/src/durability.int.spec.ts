import { createTestDatabase, testEndpoints, uniqueName } from '@selter/testing';
import postgres, { type Sql } from 'postgres';
import { assertDurable, NotDurableError, readDurability } from './durability';

const connect = (url: string): Sql => postgres(url, { max: 1, onnotice: () => undefined });

async function withConnection<T>(url: string, use: (sql: Sql) => Promise<T>): Promise<T> {
  const sql = connect(url);
  try {
    return await use(sql);
  } finally {
    await sql.end();
  }
}

describe('durability startup check', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let admin: Sql;
  beforeAll(async () => {
    db = await createTestDatabase('durability');
    admin = connect(testEndpoints().superuserUrl);
  });
  afterAll(async () => {
    await admin.end();
    await db.drop();
  });

  it("finds the run's shared test cluster durable, so every other test runs against the settings production needs", async () => {
    const settings = await withConnection(testEndpoints().superuserUrl, readDurability);
    expect(Object.fromEntries(settings.map((s) => [s.name, s.value]))).toEqual({
      fsync: 'on',
      full_page_writes: 'on',
      synchronous_commit: 'on',
    });
    await expect(withConnection(db.url, assertDurable)).resolves.toBeUndefined();
  });

  it('refuses a database whose synchronous_commit is off, naming the setting and where it was set', async () => {
    const name = new URL(db.url).pathname.slice(1);
    await admin.unsafe(`alter database ${name} set synchronous_commit = off`);
    try {
      const error = await withConnection(db.url, assertDurable).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotDurableError);
      const message = (error as NotDurableError).message;
      expect(message).toBe(
        'event database is not durable: synchronous_commit=off (set by database); an acknowledged decision must survive a crash: set synchronous_commit=on',
      );
      expect(message).not.toContain('\n');
    } finally {
      await admin.unsafe(`alter database ${name} reset synchronous_commit`);
    }
  });

  it.each(['local', 'remote_write', 'remote_apply'])(
    'accepts synchronous_commit=%s: the commit still waits for the local WAL flush',
    async (value) => {
      const name = new URL(db.url).pathname.slice(1);
      await admin.unsafe(`alter database ${name} set synchronous_commit = ${value}`);
      try {
        const settings = await withConnection(db.url, readDurability);
        expect(settings.find((s) => s.name === 'synchronous_commit')).toEqual({
          name: 'synchronous_commit',
          value,
          source: 'database',
        });
        await expect(withConnection(db.url, assertDurable)).resolves.toBeUndefined();
      } finally {
        await admin.unsafe(`alter database ${name} reset synchronous_commit`);
      }
    },
  );

  it('reads the settings as an ordinary role, and sees an override on that role', async () => {
    const role = uniqueName('durability_role').toLowerCase();
    await admin.unsafe(`create role ${role} login password 'pw' nosuperuser`);
    await admin.unsafe(`alter role ${role} set synchronous_commit = off`);
    try {
      const url = new URL(db.url);
      url.username = role;
      url.password = 'pw';
      const error = await withConnection(url.toString(), assertDurable).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotDurableError);
      expect((error as NotDurableError).unsafe).toEqual([
        { name: 'synchronous_commit', value: 'off', source: 'user' },
      ]);
    } finally {
      await admin.unsafe(`drop role ${role}`);
    }
  });
});
