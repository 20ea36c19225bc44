import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { RULES, type RuleEntry } from '@selter/domain';
import { ListRulesQuery, type RulesView } from './list-rules.query';

const viewOf = (rule: RuleEntry): RulesView['rules'][number] => ({
  id: rule.id,
  title: rule.title,
  value: rule.value,
  source: rule.source,
  evidence: [...rule.evidence],
  note: rule.note ?? null,
});

/** The domain's rule registry as the console reads it; where each rule is enforced stays internal. */
@QueryHandler(ListRulesQuery)
export class ListRulesHandler implements IQueryHandler<ListRulesQuery, RulesView> {
  private readonly view: RulesView = { rules: RULES.map(viewOf) };

  execute(): Promise<RulesView> {
    return Promise.resolve(this.view);
  }
}
