import { Query } from '@nestjs/cqrs';
import { z } from 'zod';
import { responseSchema } from '../../validation/response-schema';

const body = z.object({
  id: z.string().meta({ example: 'BKN' }).describe('The id a letter, a plan and a liaison token name'),
  name: z.object({
    id: z.string().describe('Bahasa Indonesia'),
    en: z.string().describe('English'),
  }),
  level: z.enum(['national', 'regional']),
  legalSource: z.string().describe('The law that makes it an oversight body'),
});

const term = z.object({
  body: z.string().describe('The id of the body in office'),
  from: z.string().describe('ISO date, first day in office'),
  until: z.string().nullable().describe('ISO date, last day in office; null while in office'),
  legalSource: z.string().describe('The law that puts the body in office for these dates'),
});

export const oversightBodiesView = responseSchema(
  'OversightBodies',
  z.object({
    today: z.string().describe("Today's national date (WIB) in the API's clock"),
    holder: z
      .string()
      .nullable()
      .describe('The body holding the oversight gates today (null if no term covers today)'),
    bodies: z.array(body).describe('Every oversight body the API knows'),
    succession: z
      .array(term)
      .describe('Who held the gates when: a liaison acts only on the dates its body is in office'),
  }),
);
export type OversightBodiesView = z.infer<typeof oversightBodiesView>;

/** The oversight bodies and their succession (data, ADR 27), as of the API's today. */
export class ListOversightBodiesQuery extends Query<OversightBodiesView> {}
