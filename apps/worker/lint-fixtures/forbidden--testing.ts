// Boundary fixture (tools/lint/module-boundaries.spec.ts): apps/worker importing @selter/testing must fail the lint.
import * as imported from '@selter/testing';

export const fixture = imported;
