// Boundary fixture (tools/lint/module-boundaries.spec.ts): apps/backbone importing @selter/workflows must fail the lint.
import * as imported from '@selter/workflows';

export const fixture = imported;
