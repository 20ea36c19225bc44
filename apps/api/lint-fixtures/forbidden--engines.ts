// Boundary fixture (tools/lint/module-boundaries.spec.ts): apps/api importing @selter/engines must fail the lint.
import * as imported from '@selter/engines';

export const fixture = imported;
