import type { OpenAPIObject } from '@nestjs/swagger';
import { openApiSchema } from '../../validation/zod.pipe';
import { DECISION_BODIES, DECISION_TYPES } from '../schemas/decision-bodies';

/** The generic decision routes and the operation id prefix of each per-type operation. */
const GENERIC: ReadonlyArray<{ path: string; suffix: string; prefix: string }> = [
  { path: '/rounds/{roundId}/decisions/{type}', suffix: '', prefix: 'decide' },
  { path: '/rounds/{roundId}/decisions/{type}/check', suffix: '/check', prefix: 'check' },
];

/**
 * Replaces each generic decision route in the OpenAPI document by one operation per command type
 * (`decideCloseRegistration`, `checkCloseRegistration`, ...) with that command's body schema, so a
 * generated client gets a typed method per decision. The server routes stay generic; the paths are the same URLs.
 */
export function expandDecisionPaths(document: OpenAPIObject): OpenAPIObject {
  const paths = { ...document.paths };
  for (const { path, suffix, prefix } of GENERIC) {
    const generic = paths[path]?.post;
    if (!generic) continue;
    delete paths[path];
    for (const type of DECISION_TYPES) {
      paths[`/rounds/{roundId}/decisions/${type}${suffix}`] = {
        post: {
          ...generic,
          operationId: `${prefix}${type}`,
          summary: suffix ? `${type} (dry run)` : type,
          parameters: (generic.parameters ?? []).filter((p) => !('name' in p) || p.name !== 'type'),
          requestBody: {
            required: true,
            content: { 'application/json': { schema: openApiSchema(DECISION_BODIES[type]) } },
          },
        },
      };
    }
  }
  return { ...document, paths };
}
