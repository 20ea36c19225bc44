// Boundary fixture (tools/lint/module-boundaries.spec.ts): apps/dev importing @selter/engines must lint clean.
import * as imported from '@selter/engines';

export const fixture = imported;
