import type { NextFunction, Request, Response } from 'express';
import { toProblem, sendProblem } from '../problem/problem-details.filter';
import { rotationIdParam } from '../rotations/rotation-id';
import { roundIdParam } from '../rounds/round-id';
import type { WorkflowPort } from './workflow-port';

const ROUND_DECISION = /^\/rounds\/([^/]+)\/decisions\/[A-Za-z]+$/;
const ROTATION_DECISION = /^\/rotations\/([^/]+)\/decisions\/[A-Za-z]+$/;

/**
 * The door of the decision routes (ADR 16): a decision for a round or agency whose queue is already
 * longer than it can serve within the admission wait is answered 429/503 with Retry-After before
 * its body is read, its token checked or its Idempotency-Key claimed, so a flood (a client that
 * ignores Retry-After) costs the service next to nothing and cannot slow other agencies down.
 * Everything else goes on to the usual checks; a request refused here was not looked at at all.
 */
export function busyDoor(port: WorkflowPort) {
  return (request: Request, response: Response, next: NextFunction): void => {
    if (request.method !== 'POST') return next();
    const round = ROUND_DECISION.exec(request.path);
    const rotation = round ? undefined : ROTATION_DECISION.exec(request.path);
    const parsed = round
      ? roundIdParam.safeParse(decodeURIComponent(round[1]!))
      : rotation
        ? rotationIdParam.safeParse(decodeURIComponent(rotation[1]!))
        : undefined;
    if (!parsed?.success) return next();
    const busy = port.busyNow(round ? 'ROUND' : 'ROTATION', parsed.data);
    if (!busy) return next();
    sendProblem(request, response, toProblem(busy));
  };
}
