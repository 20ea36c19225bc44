import type { DecisionResult } from '../../api/decisions';

/**
 * What every decision form gets: the round and post it decides for (from the inbox link or the
 * round view) and a callback once the decision is recorded. A form builds its body and renders
 * <DecisionSubmit> (components/decision-submit.tsx), which checks the rules and sends it.
 */
export interface DecisionFormProps {
  roundId: string;
  postId: string | null;
  onDone: (result: DecisionResult) => void;
}

export type DecisionForm = (props: DecisionFormProps) => React.JSX.Element;
