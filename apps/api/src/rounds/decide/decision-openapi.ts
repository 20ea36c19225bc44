import type { OpenAPIObject } from '@nestjs/swagger';
import { openApiSchema } from '../../validation/zod.pipe';
import { DECISION_BODIES, DECISION_TYPES } from '../schemas/decision-bodies';

const GENERIC = '/rounds/{roundId}/decisions/{type}';

/**
 * Replaces the generic decision route in the OpenAPI document by one operation per command type
 * (`decideCloseRegistration`, ...) with that command's body schema, so a generated client gets a
 * typed method per decision. The server route stays one; the paths are the same URLs.
 */
export function expandDecisionPaths(document: OpenAPIObject): OpenAPIObject {
  const generic = document.paths[GENERIC]?.post;
  if (!generic) return document;
  const { [GENERIC]: _removed, ...paths } = document.paths;
  for (const type of DECISION_TYPES) {
    paths[`/rounds/{roundId}/decisions/${type}`] = {
      post: {
        ...generic,
        operationId: `decide${type}`,
        summary: type,
        parameters: (generic.parameters ?? []).filter((p) => !('name' in p) || p.name !== 'type'),
        requestBody: { required: true, content: { 'application/json': { schema: openApiSchema(DECISION_BODIES[type]) } } },
      },
    };
  }
  return { ...document, paths };
}
