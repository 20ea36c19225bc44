// Boundary fixture (tools/lint/module-boundaries.spec.ts): apps/worker importing @selter/activities must lint clean.
import * as imported from '@selter/activities';

export const fixture = imported;
