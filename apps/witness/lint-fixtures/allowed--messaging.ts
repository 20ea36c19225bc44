// Boundary fixture (tools/lint/module-boundaries.spec.ts): apps/witness importing @selter/messaging must lint clean.
import * as imported from '@selter/messaging';

export const fixture = imported;
