// Boundary fixture (tools/lint/module-boundaries.spec.ts): apps/backbone importing @selter/activities must fail the lint.
import * as imported from '@selter/activities';

export const fixture = imported;
