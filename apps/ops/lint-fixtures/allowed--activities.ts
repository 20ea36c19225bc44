// Boundary fixture (tools/lint/module-boundaries.spec.ts): apps/ops importing @selter/activities must lint clean.
import * as imported from '@selter/activities';

export const fixture = imported;
