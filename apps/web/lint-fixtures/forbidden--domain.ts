// Boundary fixture (tools/lint/module-boundaries.spec.ts): apps/web importing @selter/domain must fail the lint.
import * as imported from '@selter/domain';

export const fixture = imported;
