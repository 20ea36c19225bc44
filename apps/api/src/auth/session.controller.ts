import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Config } from '@selter/config';
import { z } from 'zod';
import { CONFIG } from '../infrastructure/tokens';
import { ApiJsonResponse, responseSchema } from '../validation/response-schema';
import { CurrentPrincipal } from './current-principal.decorator';
import { OVERSIGHT_BODY, ROLE, type Principal } from './principal';
import { Public } from './public.decorator';

const signInOptions = responseSchema(
  'SignInOptions',
  z.object({
    oidc: z
      .object({
        authority: z.string().describe('The issuer the console signs in at (OpenID Connect discovery)'),
        clientId: z.string().describe('The public client: Authorization Code with PKCE (S256)'),
        scope: z.string(),
      })
      .nullable()
      .describe('null: no identity provider configured (development issuer only)'),
    devIssuer: z.boolean().describe("true: the development issuer's seeded users may sign in too"),
  }),
);
const me = responseSchema(
  'SignedInUser',
  z.object({
    sub: z.string(),
    role: ROLE,
    agency: z.string().optional(),
    oversight_body: OVERSIGHT_BODY.optional(),
    name: z.string().optional(),
  }),
);

/** How the console signs in, and who the API takes the caller to be. */
@ApiTags('auth')
@Controller('auth')
export class SessionController {
  constructor(@Inject(CONFIG) private readonly config: Config) {}

  @Get('options')
  @Public()
  @ApiOperation({
    summary:
      'How to sign in: the identity provider and the console client, and whether the development issuer is on',
    operationId: 'signInOptions',
  })
  @ApiJsonResponse(signInOptions)
  options(): z.infer<typeof signInOptions> {
    const issuer = this.config.api.issuer?.issuer;
    return {
      oidc: issuer ? { authority: issuer, ...this.config.api.consoleClient } : null,
      devIssuer: this.config.api.devIssuer === 'on',
    };
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'The signed-in caller as the API reads the token: role, agency, oversight body',
    operationId: 'signedInUser',
  })
  @ApiJsonResponse(me)
  me(@CurrentPrincipal() principal: Principal): z.infer<typeof me> {
    return {
      sub: principal.id,
      role: principal.role,
      ...(principal.agency ? { agency: principal.agency } : {}),
      ...(principal.body ? { oversight_body: principal.body } : {}),
      ...(principal.name ? { name: principal.name } : {}),
    };
  }
}
