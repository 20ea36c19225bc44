// Boundary fixture (tools/lint/module-boundaries.spec.ts): apps/web importing @selter/projections must fail the lint.
import * as imported from '@selter/projections';

export const fixture = imported;
