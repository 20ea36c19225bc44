import { existsSync, readFileSync } from 'node:fs';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Config } from '@selter/config';
import { CONFIG } from '../infrastructure/tokens';
import { ProblemException } from '../problem/problem-details.filter';

/**
 * The public key checkpoints are verified with, and that evidence bundles carry: the public half
 * of CHECKPOINT_KEY_FILE (the backbone's PKCS#8 key, or a public SPKI PEM given to the api alone).
 * Read once it exists; the api never creates it (the backbone does on first start) and keeps
 * nothing of a private key.
 */
@Injectable()
export class CheckpointKey {
  private key: KeyObject | undefined;

  constructor(@Inject(CONFIG) private readonly config: Config) {}

  get(): KeyObject {
    if (this.key) return this.key;
    const file = this.config.checkpoints.keyFile;
    if (!existsSync(file))
      throw new ProblemException({
        status: 503,
        code: 'AUDIT.KEY_UNAVAILABLE',
        detail: 'The checkpoint key is not there yet: the backbone creates it on its first start.',
      });
    this.key = createPublicKey(readFileSync(file, 'utf8'));
    return this.key;
  }
}
