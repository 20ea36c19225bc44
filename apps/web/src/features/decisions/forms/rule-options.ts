import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadRules, type Rule } from '../../../components/rules';
import type { RuleId } from '../bodies';

/** R1-R33, the ids the API's document enumerates: the choices while (or if) the catalogue cannot be read. */
const RULE_IDS = Array.from({ length: 33 }, (_, index) => `R${index + 1}` as RuleId);

/** A rule as a choice: its id and, once GET /rules answered, its title in the reader's language. */
export function ruleOptions(
  rules: ReadonlyMap<string, Rule> | null,
  language: 'id' | 'en',
): Array<{ value: RuleId; label: string }> {
  return RULE_IDS.map((id) => {
    const rule = rules?.get(id);
    return { value: id, label: rule ? `${id} · ${rule.title[language]}` : id };
  });
}

/** The rule catalogue (GET /rules) as choices for a select. */
export function useRuleOptions(): Array<{ value: RuleId; label: string }> {
  const { i18n } = useTranslation();
  const [rules, setRules] = useState<ReadonlyMap<string, Rule> | null>(null);
  useEffect(() => {
    let live = true;
    loadRules().then(
      (catalogue) => live && setRules(catalogue),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return ruleOptions(rules, i18n.language === 'en' ? 'en' : 'id');
}

export const isRuleId = (value: string | null): value is RuleId =>
  value !== null && (RULE_IDS as string[]).includes(value);
