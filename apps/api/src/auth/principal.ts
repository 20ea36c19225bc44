import { BODY_ID, isOversightBody, type OversightBody, type Role } from '@selter/domain';
import { z } from 'zod';

/** Agencies are tenants; their code is part of every round id (`round-<agency>-<id>`), so no hyphen. */
export const AGENCY = /^[a-z0-9_]{2,40}$/;

/** Who calls, as the verified token says. `system` (the round's own clock) never calls the API. */
export interface Principal {
  readonly id: string;
  readonly role: Exclude<Role, 'system'>;
  /** The caller's agency (tenant); absent for roles that span agencies (admin, oversight, national auditor). */
  readonly agency?: string;
  /** The oversight body a liaison speaks for. */
  readonly body?: OversightBody;
  readonly name?: string;
}

/** The roles a caller can have (`system`, the round's own clock, never calls). */
export const ROLE = z.enum(['operator', 'pansel', 'ppk', 'oversight', 'auditor', 'admin']);
/** A liaison's body: one of the oversight bodies the domain knows (data, ADR 27), by its id. */
export const OVERSIGHT_BODY = z
  .string()
  .regex(BODY_ID)
  .refine((v) => isOversightBody(v), 'unknown oversight body');

/** The claims Selter reads from a verified token (standard `sub`, and its own role claims). */
export const principalClaims = z
  .object({
    sub: z.string().min(1).max(128),
    role: ROLE,
    agency: z.string().regex(AGENCY).optional(),
    oversight_body: OVERSIGHT_BODY.optional(),
    name: z.string().max(200).optional(),
  })
  .refine((c) => c.role !== 'oversight' || c.oversight_body !== undefined, {
    message: 'an oversight liaison token names its body',
  })
  .refine((c) => !['operator', 'pansel', 'ppk'].includes(c.role) || c.agency !== undefined, {
    message: 'this role acts for one agency: the token must name it',
  });

export function principalOf(claims: z.infer<typeof principalClaims>): Principal {
  return {
    id: claims.sub,
    role: claims.role,
    ...(claims.agency && claims.role !== 'admin' && claims.role !== 'oversight'
      ? { agency: claims.agency }
      : {}),
    ...(claims.oversight_body ? { body: claims.oversight_body } : {}),
    ...(claims.name ? { name: claims.name } : {}),
  };
}
