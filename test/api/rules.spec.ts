import { RULE_IDS } from '@selter/domain';
import { useApiStack } from './client';

type Rules = {
  rules: Array<{
    id: string;
    title: { id: string; en: string };
    value: string;
    source: string;
    evidence: string[];
    note: string | null;
  }>;
};

describe('the rule catalogue', () => {
  const under = useApiStack();

  it('lists every rule with its title in both languages and its legal source, without signing in', async () => {
    const reply = await under.api.raw<Rules>('GET', '/rules');
    expect(reply.status).toBe(200);
    expect(reply.body.rules.map((r) => r.id)).toEqual([...RULE_IDS]);
    for (const rule of reply.body.rules) {
      expect(rule).toEqual({
        id: rule.id,
        title: { id: expect.any(String), en: expect.any(String) },
        value: expect.any(String),
        source: expect.any(String),
        evidence: expect.any(Array),
        note: rule.note === null ? null : expect.any(String),
      });
      expect(rule.title.id.length * rule.title.en.length * rule.source.length).toBeGreaterThan(0);
    }
    expect(reply.body.rules.find((r) => r.id === 'R1')).toMatchObject({
      title: { id: 'Jumlah anggota pansel', en: 'Pansel size' },
      source: 'PP 11/2017 Pasal 114(7)',
    });
    // The registry's enforcement points (source file paths) stay internal.
    expect(JSON.stringify(reply.body)).not.toContain('.ts#');
  });

  it('may be cached, and revalidates by ETag', async () => {
    const first = await fetch(`${under.stack.url}/rules`);
    expect(first.headers.get('cache-control')).toBe('public, max-age=3600');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    // As a browser revalidates (fetch alone would add Cache-Control: no-cache to a conditional request).
    const again = await fetch(`${under.stack.url}/rules`, {
      headers: { 'if-none-match': String(etag), 'cache-control': 'max-age=0' },
    });
    expect(again.status).toBe(304);
  });

  it('is one operation of the OpenAPI document', async () => {
    const doc = await under.api.raw<{
      paths: Record<string, { get?: { operationId?: string; security?: unknown } }>;
    }>('GET', '/docs/openapi.json');
    expect(doc.body.paths['/rules']?.get?.operationId).toBe('listRules');
  });
});
