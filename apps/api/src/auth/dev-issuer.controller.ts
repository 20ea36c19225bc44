import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { notFound } from '../problem/problems';
import { ApiJsonResponse, responseSchema } from '../validation/response-schema';
import { openApiSchema, ZodPipe } from '../validation/zod.pipe';
import { DEV_TOKEN_SECONDS, type DevIssuer } from './dev-issuer';
import { DEV_USERS, devUserList, type DevUser } from './dev-users';
import { Public } from './public.decorator';

export const DEV_ISSUER = Symbol('DEV_ISSUER');
const tokenRequest = z.strictObject({
  user: z.string().min(1).max(128),
  mfa: z.boolean().optional().describe('false: a token without the simulated second factor'),
});
const tokenBody = z.strictObject({ token: z.string().min(1).max(8192) });
const introspection = responseSchema(
  'DevIntrospection',
  z.object({
    active: z.boolean(),
    sub: z.string().optional(),
    exp: z.number().optional(),
    jti: z.string().optional(),
  }),
);
const devToken = responseSchema(
  'DevToken',
  z.object({
    access_token: z.string(),
    token_type: z.literal('Bearer'),
    expires_in: z.number().int().describe('seconds'),
  }),
);
const jwks = responseSchema(
  'Jwks',
  z.object({
    keys: z.array(
      z
        .object({
          kty: z.string().optional(),
          kid: z.string().optional(),
          alg: z.string().optional(),
          use: z.string().optional(),
          crv: z.string().optional(),
          x: z.string().optional(),
        })
        .describe('A JSON Web Key (RFC 7517)'),
    ),
  }),
);
const discovery = responseSchema(
  'OpenIdConfiguration',
  z.object({
    issuer: z.string(),
    jwks_uri: z.string(),
    introspection_endpoint: z.string(),
    revocation_endpoint: z.string(),
    id_token_signing_alg_values_supported: z.array(z.string()),
  }),
);

/** The development issuer's endpoints (DEV_ISSUER=on only): its key set, its users, their tokens. */
@ApiTags('dev-issuer')
@Public()
@Controller('dev-auth')
export class DevIssuerController {
  constructor(@Inject(DEV_ISSUER) private readonly issuer: DevIssuer) {}

  @Get('jwks.json')
  @ApiOperation({ summary: "The development issuer's public keys (JWKS)", operationId: 'devJwks' })
  @ApiJsonResponse(jwks)
  jwks(): z.infer<typeof jwks> {
    return this.issuer.jwks;
  }

  @Get('.well-known/openid-configuration')
  @ApiOperation({ summary: "The development issuer's discovery document", operationId: 'devDiscovery' })
  @ApiJsonResponse(discovery)
  discovery(): z.infer<typeof discovery> {
    const base = this.issuer.issuer;
    return {
      issuer: base,
      jwks_uri: `${base}/jwks.json`,
      introspection_endpoint: `${base}/introspect`,
      revocation_endpoint: `${base}/revoke`,
      id_token_signing_alg_values_supported: ['ES256'],
    };
  }

  @Get('users')
  @ApiOperation({
    summary: 'The seeded users (every role, two agencies, both oversight bodies)',
    operationId: 'devUsers',
  })
  @ApiJsonResponse(devUserList)
  users(): readonly DevUser[] {
    return DEV_USERS;
  }

  @Post('token')
  @HttpCode(200)
  @ApiOperation({ summary: 'A bearer token for a seeded user', operationId: 'devToken' })
  @ApiBody({ schema: openApiSchema(tokenRequest) })
  @ApiJsonResponse(devToken)
  async token(
    @Body(new ZodPipe(tokenRequest)) body: z.infer<typeof tokenRequest>,
  ): Promise<z.infer<typeof devToken>> {
    const user = this.issuer.user(body.user);
    if (!user)
      throw notFound('AUTH.UNKNOWN_USER', `No seeded user ${body.user}; GET /dev-auth/users lists them.`);
    return {
      access_token: await this.issuer.tokenFor(user, body.mfa ?? true),
      token_type: 'Bearer',
      expires_in: DEV_TOKEN_SECONDS,
    };
  }

  @Post('revoke')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Revoke a token (RFC 7009; the API refuses it from then on)',
    operationId: 'devRevoke',
  })
  @ApiBody({ schema: openApiSchema(tokenBody) })
  async revoke(
    @Body(new ZodPipe(tokenBody)) body: z.infer<typeof tokenBody>,
  ): Promise<Record<string, never>> {
    await this.issuer.revoke(body.token);
    return {};
  }

  @Post('introspect')
  @HttpCode(200)
  @ApiOperation({ summary: 'Whether a token is active (RFC 7662)', operationId: 'devIntrospect' })
  @ApiBody({ schema: openApiSchema(tokenBody) })
  @ApiJsonResponse(introspection)
  introspect(
    @Body(new ZodPipe(tokenBody)) body: z.infer<typeof tokenBody>,
  ): Promise<z.infer<typeof introspection>> {
    return this.issuer.introspect(body.token);
  }
}
