import { useQuery } from '@tanstack/react-query';
import { getJson } from '../api/call';
import type { components } from '../api/schema';

/** One rule of PROCESS.md (R1-R33) as GET /rules gives it: its title and its legal source. */
export type Rule = components['schemas']['Rule'];

let catalogue: Promise<Map<string, Rule>> | undefined;

/** The rule catalogue, fetched once per page load (it changes only with a release). */
export function loadRules(): Promise<Map<string, Rule>> {
  catalogue ??= getJson<components['schemas']['RuleList']>('/rules')
    .then((body) => new Map(body.rules.map((rule) => [rule.id, rule])))
    .catch((failure: unknown) => {
      catalogue = undefined;
      throw failure;
    });
  return catalogue;
}

/** The rule with this id, once the catalogue has loaded (undefined before, or when unknown). */
export function useRule(ruleId: string | undefined): Rule | undefined {
  const rules = useQuery({
    queryKey: ['rules'],
    queryFn: loadRules,
    enabled: ruleId !== undefined,
    staleTime: Infinity,
  });
  return ruleId ? rules.data?.get(ruleId) : undefined;
}
