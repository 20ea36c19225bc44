// Boundary fixture (tools/lint/module-boundaries.spec.ts): apps/web importing @selter/config must fail the lint.
import * as imported from '@selter/config';

export const fixture = imported;
