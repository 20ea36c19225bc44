import { Query } from '@nestjs/cqrs';
import { z } from 'zod';
import { responseSchema } from '../../validation/response-schema';

const bilingual = z.object({
  id: z.string().describe('Bahasa Indonesia'),
  en: z.string().describe('English'),
});

/** One rule as the console shows it next to a refusal: what it demands and the legal text it comes from. */
export const ruleView = responseSchema(
  'Rule',
  z.object({
    id: z.string().describe("R1-R33, as in a refusal's ruleId"),
    title: bilingual,
    value: z.string().describe('What the rule demands, e.g. "odd, 5-9"'),
    source: z.string().describe('The legal source, e.g. "PP 11/2017 Pasal 114(7)"'),
    evidence: z
      .array(z.enum(['P', 'S', 'I']))
      .describe('P: primary legal text, S: secondary source, I: inference (PROCESS.md markers)'),
    note: z.string().nullable().describe('What the rule leaves to people or other processes'),
  }),
);

export const rulesView = responseSchema('RuleList', z.object({ rules: z.array(ruleView) }));
export type RulesView = z.infer<typeof rulesView>;

/** The rule catalogue (R1-R33): the same for every caller, fixed for a release. */
export class ListRulesQuery extends Query<RulesView> {}
