// Boundary fixture (tools/lint/module-boundaries.spec.ts): apps/backbone importing @selter/projections must lint clean.
import * as imported from '@selter/projections';

export const fixture = imported;
