import type { PipeTransform } from '@nestjs/common';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { z } from 'zod';
import { invalidRequest } from '../problem/problems';

/** zod issues as the `errors` member of a REQUEST.INVALID problem. */
export const issuesOf = (error: z.ZodError): Array<{ path: string; message: string }> =>
  error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));

/** Validates a body, parameter or query with a zod schema; a failure is 400 REQUEST.INVALID naming each field. */
export class ZodPipe<T extends z.ZodType> implements PipeTransform<unknown, z.infer<T>> {
  constructor(
    private readonly schema: T,
    private readonly what = 'request',
  ) {}

  transform(value: unknown): z.infer<T> {
    const parsed = this.schema.safeParse(value);
    if (!parsed.success) throw invalidRequest(`The ${this.what} is invalid.`, issuesOf(parsed.error));
    return parsed.data;
  }
}

/** The OpenAPI (3.0-compatible JSON Schema) form of a zod schema, for @ApiBody and friends. */
export function openApiSchema(schema: z.ZodType): SchemaObject {
  const json = z.toJSONSchema(schema, {
    target: 'openapi-3.0',
    unrepresentable: 'any',
    io: 'input',
  }) as Record<string, unknown>;
  delete json['$schema'];
  return json as SchemaObject;
}
