// Boundary fixture (tools/lint/module-boundaries.spec.ts): apps/web importing @selter/contracts must fail the lint.
import * as imported from '@selter/contracts';

export const fixture = imported;
