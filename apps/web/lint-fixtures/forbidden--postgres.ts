// Boundary fixture (tools/lint/module-boundaries.spec.ts): apps/web importing postgres must fail the lint.
import * as imported from 'postgres';

export const fixture = imported;
