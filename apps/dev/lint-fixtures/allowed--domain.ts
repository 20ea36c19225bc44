// Boundary fixture (tools/lint/module-boundaries.spec.ts): apps/dev may import @selter/domain (its
// demo takes a round's decisions from the domain's pure fixtures and sends them over HTTP).
import * as imported from '@selter/domain';

export const fixture = imported;
