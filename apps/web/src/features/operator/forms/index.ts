import type { DecisionType } from '../../../api/decisions';
import type { DecisionForm } from '../../decisions/form-contract';
import {
  CancelPostForm,
  CloseRegistrationForm,
  ExtendRegistrationForm,
  RerunPostForm,
  WithdrawApplicantForm,
} from './post-forms';
import { RegisterApplicantForm } from './register-applicant';
import { RevisePlanForm } from './revise-plan';
import { AnnounceRoundForm, CancelRoundForm, MendagriApprovalForm, SubmitPlanForm } from './round-forms';

/** The operator's decision forms, by decision type; the decision page (features/decisions) uses them for these types. */
export const OPERATOR_FORMS: Partial<Record<DecisionType, DecisionForm>> = {
  RevisePlan: RevisePlanForm,
  SubmitPlanForRecommendation: SubmitPlanForm,
  RecordMendagriApproval: MendagriApprovalForm,
  AnnounceRound: AnnounceRoundForm,
  RegisterApplicant: RegisterApplicantForm,
  ExtendRegistration: ExtendRegistrationForm,
  CloseRegistration: CloseRegistrationForm,
  WithdrawApplicant: WithdrawApplicantForm,
  CancelPost: CancelPostForm,
  RerunPost: RerunPostForm,
  CancelRound: CancelRoundForm,
};
