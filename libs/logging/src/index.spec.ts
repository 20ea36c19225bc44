import { stdSerializers } from 'pino';
import { errorSerializer, safeError } from './index';

describe('safeError', () => {
  it("keeps an error's kind, message and database codes, never the statement's parameters or the row's values", () => {
    const failed = Object.assign(
      new Error('duplicate key value violates unique constraint "events_stream_version"'),
      {
        name: 'PostgresError',
        code: '23505',
        constraint_name: 'events_stream_version',
        detail: 'Key (payload)=({"name":"Siti Rahayu"}) already exists.',
        parameters: ['round-kabcontoh-1', '{"name":"Siti Rahayu","nip":"198001012005011001"}'],
        query: 'insert into events values ($1, $2)',
        cause: Object.assign(new Error('inner'), { parameters: ['Siti Rahayu'] }),
      },
    );
    const kept = safeError(failed);
    expect(kept).toMatchObject({
      type: 'PostgresError',
      code: '23505',
      constraint_name: 'events_stream_version',
      cause: { message: 'inner' },
    });
    expect(JSON.stringify(kept)).not.toMatch(/Siti|1980010120/);
  });

  it("redacts what pino-http passes on (the standard serializer's copy, whose raw is the error)", () => {
    const error = Object.assign(new Error('append failed'), { parameters: ['Budi Santoso'] });
    const logged = JSON.stringify(errorSerializer(stdSerializers.err(error)));
    expect(logged).toContain('append failed');
    expect(logged).not.toContain('Budi');
  });
});
