// Boundary fixture (tools/lint/module-boundaries.spec.ts): apps/web importing @nestjs/common must fail the lint.
import * as imported from '@nestjs/common';

export const fixture = imported;
