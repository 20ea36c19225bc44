// Boundary fixture (tools/lint/module-boundaries.spec.ts): apps/auditor importing @selter/event-store must lint clean.
import * as imported from '@selter/event-store';

export const fixture = imported;
