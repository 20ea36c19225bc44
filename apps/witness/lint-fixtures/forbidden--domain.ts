// Boundary fixture (tools/lint/module-boundaries.spec.ts): apps/witness importing @selter/domain must fail the lint.
import * as imported from '@selter/domain';

export const fixture = imported;
