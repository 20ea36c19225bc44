// Boundary fixture (tools/lint/module-boundaries.spec.ts): apps/web importing @selter/event-store/offline must lint clean.
import * as imported from '@selter/event-store/offline';

export const fixture = imported;
