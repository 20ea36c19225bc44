import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DEFAULT_POLICIES, isInForce, time, type Policy } from '@selter/domain';
import { nowInstant, type Clock } from '../../clock/clock';
import { CLOCK } from '../../infrastructure/tokens';
import { ListPoliciesQuery, type PolicyListView } from './list-policies.query';

type PolicyView = PolicyListView['policies'][number];

const viewOf = (policy: Policy, today: string): PolicyView => ({
  id: policy.id,
  title: policy.title,
  validFrom: policy.validFrom,
  validTo: policy.validTo ?? null,
  variantOf: policy.variantOf ?? null,
  inForce: isInForce(policy, today),
  gates: { ...policy.gates },
  shortlistReviewBeforeAnnouncement: policy.shortlistReviewBeforeAnnouncement,
  oversightOfficialsMayJoinPansel: policy.oversightOfficialsMayJoinPansel,
  extraApprovals: { ...policy.extraApprovals },
  numbers: { ...policy.numbers },
  serviceLevels: { ...policy.serviceLevels },
});

/** The domain's policy registry, the one source of what the plan editor offers (no copy in the browser). */
@QueryHandler(ListPoliciesQuery)
export class ListPoliciesHandler implements IQueryHandler<ListPoliciesQuery, PolicyListView> {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  execute(): Promise<PolicyListView> {
    const today = time.dateOf(nowInstant(this.clock));
    const policies = [...DEFAULT_POLICIES.values()].sort(
      (a, b) =>
        Number(Boolean(a.variantOf)) - Number(Boolean(b.variantOf)) || a.validFrom.localeCompare(b.validFrom),
    );
    const current = policies.find((p) => !p.variantOf && isInForce(p, today));
    return Promise.resolve({
      today,
      current: current?.id ?? null,
      policies: policies.map((p) => viewOf(p, today)),
    });
  }
}
