import { Query } from '@nestjs/cqrs';
import { BKN_2025 } from '@selter/domain';
import { z } from 'zod';
import { responseSchema } from '../../validation/response-schema';

const bilingual = z.object({
  id: z.string().describe('Bahasa Indonesia'),
  en: z.string().describe('English'),
});

/** A policy value with the rule it implements and where the number comes from. */
const sourced = <T extends z.ZodType>(value: T) =>
  z.object({
    value,
    ruleId: z.string().optional().describe('The rule (R1-R33) the value belongs to'),
    source: z.string().describe('The legal source of the value'),
    evidence: z.enum(['P', 'S', 'I']).describe('P: primary legal text, S: secondary source, I: inference'),
  });

/** The JSON Schema of one sourced value, from the type of its value in a shipped policy. */
const sourcedLike = (value: unknown): z.ZodType =>
  sourced(
    typeof value === 'number'
      ? z.number()
      : typeof value === 'boolean'
        ? z.boolean()
        : Array.isArray(value)
          ? z.array(z.string())
          : z.string(),
  );

/** An object of sourced values with the keys of one part of a policy (every version has the same keys). */
const sourcedObject = (part: object) =>
  z.object(
    Object.fromEntries(
      Object.entries(part as Record<string, { value: unknown }>).map(([key, s]) => [
        key,
        sourcedLike(s.value),
      ]),
    ),
  );

/** One policy version as the console offers it: its numbers with their sources, its validity. */
export const policyView = responseSchema(
  'Policy',
  z.object({
    id: z.string().meta({ example: 'bkn-2025' }),
    title: bilingual,
    validFrom: z.string().describe('ISO date'),
    validTo: z.string().nullable().describe('ISO date; null while in force'),
    variantOf: z.string().nullable().describe('A variant is chosen explicitly, never picked by date'),
    inForce: z.boolean().describe("In force today (the API's clock)"),
    gates: sourcedObject(BKN_2025.gates),
    shortlistReviewBeforeAnnouncement: sourced(z.boolean()),
    oversightOfficialsMayJoinPansel: sourced(z.boolean()),
    extraApprovals: sourcedObject(BKN_2025.extraApprovals),
    numbers: sourcedObject(BKN_2025.numbers),
    serviceLevels: sourcedObject(BKN_2025.serviceLevels),
  }),
);

export const policyListView = responseSchema(
  'PolicyList',
  z.object({
    today: z.string().describe("Today's date in the API's clock (WIB)"),
    current: z
      .string()
      .nullable()
      .describe('The base policy in force today: what a plan naming none is judged by'),
    policies: z.array(policyView).describe('Every version the API knows, base versions first, oldest first'),
  }),
);
export type PolicyListView = z.infer<typeof policyListView>;

/** The policy versions the domain ships (DEFAULT_POLICIES), as of the API's today. */
export class ListPoliciesQuery extends Query<PolicyListView> {}
