import type { Config } from '@selter/config';
import { forbidden, unauthenticated } from '../problem/problems';
import type { Principal } from './principal';

/** Who runs the service: sees /health details, /metrics and /docs in production (ADR 21). */
export const isOperations = (principal: Principal | undefined): boolean => principal?.role === 'admin';

/** In production, refuses anyone but operations staff; elsewhere everyone passes (local tools, tests). */
export function assertOperations(config: Config, principal: Principal | undefined): void {
  if (config.env !== 'production' || isOperations(principal)) return;
  if (!principal) throw unauthenticated('An operations (admin) token is required in production.');
  throw forbidden('only operations staff (admin) may read this in production');
}
