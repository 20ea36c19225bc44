import { ApiResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { z } from 'zod';

/** Every response body the API declares, by name: the OpenAPI document's components.schemas. */
const RESPONSE_SCHEMAS = z.registry<{ id: string }>();

/**
 * Names a response body's zod schema, the one source of its type (`z.infer`) and of its JSON
 * Schema in the document; `id` becomes the generated client's type name. A named schema used
 * inside another becomes a `$ref`.
 */
export function responseSchema<T extends z.ZodType>(id: string, schema: T): T {
  RESPONSE_SCHEMAS.add(schema, { id });
  return schema;
}

/** Declares an operation's success body: a named response schema, as application/json. */
export function ApiJsonResponse(
  schema: z.ZodType,
  status = 200,
  description = 'OK',
): MethodDecorator & ClassDecorator {
  const id = RESPONSE_SCHEMAS.get(schema)?.id;
  if (!id) throw new Error('ApiJsonResponse takes a schema named with responseSchema()');
  return ApiResponse({
    status,
    description,
    content: { 'application/json': { schema: { $ref: `#/components/schemas/${id}` } } },
  });
}

/**
 * The JSON Schemas of every named response body (OpenAPI 3.0). Converted as input: a plain object
 * then leaves further properties open, so a field added later breaks no generated client.
 */
export function responseComponents(): Record<string, SchemaObject> {
  const { schemas } = z.toJSONSchema(RESPONSE_SCHEMAS, {
    target: 'openapi-3.0',
    io: 'input',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
    // An integer's safe-integer bounds say nothing to a reader or a client generator.
    override: ({ jsonSchema }) => {
      if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
      if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
    },
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $id: _id, $schema: _schema, ...rest } = schema as Record<string, unknown>;
      return [id, rest as SchemaObject];
    }),
  );
}
