import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import type { Config } from '@selter/config';
import { TOKEN_VERIFIER } from './auth.guard';
import { DevIssuer } from './dev-issuer';
import { DEV_ISSUER, DevIssuerController } from './dev-issuer.controller';
import { SECURITY_EVENTS } from '../problem/problem-details.filter';
import { SecurityEvents } from './security-events';
import { SecurityEventsController } from './security-events.controller';
import { SessionController } from './session.controller';
import { TokenVerifier } from './token-verifier';

/** The issuer of the development tokens: the API's own address, under /dev-auth. */
export const devIssuerUrl = (config: Config): string =>
  `http://${config.http.host}:${config.http.port}/dev-auth`;

/** Authentication: the token verifier, the record of refusals, and (DEV_ISSUER=on) the development issuer; AppModule installs the guard. */
@Module({})
export class AuthModule {
  static forRoot(config: Config): DynamicModule {
    const dev = config.api.devIssuer === 'on';
    const providers: Provider[] = [
      {
        provide: DEV_ISSUER,
        useFactory: () => (dev ? DevIssuer.create(devIssuerUrl(config), config.api.audience) : null),
      },
      {
        provide: TOKEN_VERIFIER,
        inject: [DEV_ISSUER],
        useFactory: (issuer: DevIssuer | null) =>
          new TokenVerifier({
            audience: config.api.audience,
            mfaRoles: config.api.mfaRoles,
            introspectionCacheMs: config.api.introspectionCacheMs,
            ...(config.api.issuer ? { external: config.api.issuer } : {}),
            ...(issuer ? { dev: issuer } : {}),
          }),
      },
      SecurityEvents,
      { provide: SECURITY_EVENTS, useExisting: SecurityEvents },
    ];
    const controllers = [SecurityEventsController, SessionController, ...(dev ? [DevIssuerController] : [])];
    return { module: AuthModule, providers, controllers, exports: [TOKEN_VERIFIER, SECURITY_EVENTS] };
  }
}
