import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';

/** Rate limits per verified principal (per client address before authentication). */
@Injectable()
export class PrincipalThrottlerGuard extends ThrottlerGuard {
  protected override getTracker(req: Record<string, unknown>): Promise<string> {
    const principal = req['principal'] as { id?: string } | undefined;
    return Promise.resolve(principal?.id ? `principal:${principal.id}` : `ip:${String(req['ip'])}`);
  }
}
