import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { notFound } from '../problem/problems';
import { openApiSchema, ZodPipe } from '../validation/zod.pipe';
import { DEV_TOKEN_SECONDS, type DevIssuer } from './dev-issuer';
import { DEV_USERS, type DevUser } from './dev-users';
import { Public } from './public.decorator';

export const DEV_ISSUER = Symbol('DEV_ISSUER');
const tokenRequest = z.strictObject({ user: z.string().min(1).max(128) });

/** The development issuer's endpoints (DEV_ISSUER=on only): its key set, its users, their tokens. */
@ApiTags('dev-issuer')
@Public()
@Controller('dev-auth')
export class DevIssuerController {
  constructor(@Inject(DEV_ISSUER) private readonly issuer: DevIssuer) {}

  @Get('jwks.json')
  @ApiOperation({ summary: "The development issuer's public keys (JWKS)", operationId: 'devJwks' })
  jwks(): { keys: unknown[] } {
    return this.issuer.jwks;
  }

  @Get('.well-known/openid-configuration')
  @ApiOperation({ summary: "The development issuer's discovery document", operationId: 'devDiscovery' })
  discovery(): Record<string, unknown> {
    return { issuer: this.issuer.issuer, jwks_uri: `${this.issuer.issuer}/jwks.json`, id_token_signing_alg_values_supported: ['ES256'] };
  }

  @Get('users')
  @ApiOperation({ summary: 'The seeded users (every role, two agencies, both oversight bodies)', operationId: 'devUsers' })
  users(): readonly DevUser[] {
    return DEV_USERS;
  }

  @Post('token')
  @HttpCode(200)
  @ApiOperation({ summary: 'A bearer token for a seeded user', operationId: 'devToken' })
  @ApiBody({ schema: openApiSchema(tokenRequest) })
  async token(@Body(new ZodPipe(tokenRequest)) body: z.infer<typeof tokenRequest>): Promise<{ access_token: string; token_type: 'Bearer'; expires_in: number }> {
    const user = this.issuer.user(body.user);
    if (!user) throw notFound('AUTH.UNKNOWN_USER', `No seeded user ${body.user}; GET /dev-auth/users lists them.`);
    return { access_token: await this.issuer.tokenFor(user), token_type: 'Bearer', expires_in: DEV_TOKEN_SECONDS };
  }
}
