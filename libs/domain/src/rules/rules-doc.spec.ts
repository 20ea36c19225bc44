import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from './registry';
import { RULES_DOC_PATH, renderRulesDoc, testsByRule } from '../../tools/rules-doc';
import { RULE_IDS } from '../shared/rule-id';

const SRC = join(__dirname, '..');

describe('rule registry and docs/rules.md', () => {
  it('lists R1-R33 once each, in order', () => {
    expect(RULES.map((r) => r.id)).toEqual([...RULE_IDS]);
  });

  it('points every enforcement to a file and a function or constant that exist', () => {
    for (const rule of RULES) {
      if (rule.enforcedIn.length === 0) expect(rule.note).toBeTruthy();
      for (const ref of rule.enforcedIn) {
        const [file, name] = ref.split('#');
        const path = join(SRC, file ?? '');
        expect(existsSync(path)).toBe(true);
        expect(readFileSync(path, 'utf8')).toMatch(new RegExp(`(function|const) ${name}\\b`));
      }
    }
  });

  it('names at least 30 of the 33 rules in test names', () => {
    const tests = testsByRule();
    const covered = RULES.filter((r) => (tests.get(r.id) ?? []).length > 0);
    expect(covered.length).toBeGreaterThanOrEqual(30);
  });

  it('is up to date (run: node scripts/run.cjs libs/domain/tools/rules-doc.ts)', () => {
    const current = existsSync(RULES_DOC_PATH) ? readFileSync(RULES_DOC_PATH, 'utf8') : '';
    if (current !== renderRulesDoc()) {
      throw new Error('docs/rules.md is stale. run: node scripts/run.cjs libs/domain/tools/rules-doc.ts');
    }
  });
});
