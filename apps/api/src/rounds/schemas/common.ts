import { BODY_ID, isOversightBody, RULE_IDS, time } from '@selter/domain';
import { z } from 'zod';

export const text = (max = 2000) => z.string().trim().min(1).max(max);
export const id = z.string().regex(/^[\w.-]{1,64}$/, 'expected an id: letters, digits, _ . -');
export const nip = z.string().regex(/^[\w-]{1,32}$/, 'expected a NIP');
export const isoDate = z.string().refine(time.isIsoDate, 'expected a date YYYY-MM-DD');
export const ruleId = z.enum(RULE_IDS);
/** An oversight body's id, checked against the bodies the domain knows (data, ADR 27; GET /oversight-bodies). */
export const oversightBody = z
  .string()
  .regex(BODY_ID, 'expected an oversight body id')
  .refine((v) => isOversightBody(v), 'unknown oversight body: GET /oversight-bodies lists them')
  .meta({ example: 'BKN', description: 'An oversight body id, one of GET /oversight-bodies (ADR 27)' });
export const oversightLetter = { issuedBy: oversightBody, letterNumber: text(120) };
export const postRef = { postId: id };
export const score = z.number().finite().min(0).max(1_000_000);
export const list = <T extends z.ZodType>(item: T, max = 500) => z.array(item).max(max);
