import type { DecisionType } from '../../../api/decisions';
import type { DecisionForm } from '../../decisions/form-contract';

/** The operator's decision forms, by decision type; the decision page (features/decisions) uses them for these types. */
export const OPERATOR_FORMS: Partial<Record<DecisionType, DecisionForm>> = {};
