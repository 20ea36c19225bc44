// Boundary fixture (tools/lint/module-boundaries.spec.ts): apps/api importing @selter/domain must lint clean.
import * as imported from '@selter/domain';

export const fixture = imported;
