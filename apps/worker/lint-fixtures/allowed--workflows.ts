// Boundary fixture (tools/lint/module-boundaries.spec.ts): apps/worker importing @selter/workflows must lint clean.
import * as imported from '@selter/workflows';

export const fixture = imported;
