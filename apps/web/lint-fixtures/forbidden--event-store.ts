// Boundary fixture (tools/lint/module-boundaries.spec.ts): apps/web importing @selter/event-store must fail the lint.
import * as imported from '@selter/event-store';

export const fixture = imported;
