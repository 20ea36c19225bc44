import { aPlan, aPost, anAnnouncement, anApplicant, ALL_DOCUMENTS, command, nipOf } from './fixtures';
import { lcg } from './random';
import { RoundStream } from './run';
import { successionOn } from '../oversight/bodies';
import { getPolicy } from '../policy/registry';
import type { OversightBody, Policy } from '../policy/types';
import { isProceeding } from '../round/applicants';
import type { RoundCommand } from '../round/commands';
import type { StageResult, Witness } from '../round/events';
import type { RoundPlan } from '../round/plan-types';
import type { AnnouncedRound, ApplicantState } from '../round/state';
import type { ApplicantProfile } from '../rules/applicant';
import { addCalendarDays } from '../shared/time';

export const WITNESSES: readonly Witness[] = [
  { nip: 'w1', name: 'Saksi 1', level: 'jpt-pratama' },
  { nip: 'w2', name: 'Saksi 2', level: 'jpt-pratama' },
];

/** Drives a round through its stages with sensible defaults; each step runs real commands through `decide`. */
export class RoundBuilder {
  readonly stream = new RoundStream();
  /** Every command run, in order: tests and benchmarks send them again as Updates or HTTP requests. */
  private readonly recorded: RoundCommand[] = [];
  private taken = 0;
  readonly policy: Policy;
  /** The body holding the gates on the start day. */
  readonly oversight: OversightBody;
  private readonly random: (min: number, max: number) => number;
  private applicantCount = 0;

  constructor(
    readonly plan: RoundPlan = aPlan(),
    readonly start = '2024-09-02',
    policyId = 'bkn-2024',
    seed = 7,
  ) {
    this.policy = getPolicy(policyId);
    this.oversight = this.bodyOn(start);
    this.random = lcg(seed);
    this.run(command('PlanRound', { roundId: 'round-1', plan, policyId }, this.day(0)));
  }

  /** The body holding the oversight gates on a date (the succession of bodies, ADR 27). */
  bodyOn(date: string): OversightBody {
    return successionOn(date)?.body ?? this.policy.gates.planRecommendation.value;
  }

  /** The date `offset` days after the start. */
  day(offset: number): string {
    return addCalendarDays(this.start, offset);
  }

  run(cmd: RoundCommand): this {
    this.recorded.push(cmd);
    this.stream.run(cmd);
    return this;
  }

  /** Every command run so far. */
  get commands(): readonly RoundCommand[] {
    return this.recorded;
  }

  /** The commands run since the last call. */
  take(): RoundCommand[] {
    const commands = this.recorded.slice(this.taken);
    this.taken = this.recorded.length;
    return commands;
  }

  get round(): AnnouncedRound {
    const state = this.stream.state;
    if (state.status !== 'announced') throw new Error(`round is ${state.status}`);
    return state;
  }

  /** Submit, recommend, announce on day 7 (deadline from the plan). */
  announce(): this {
    this.run(command('SubmitPlanForRecommendation', {}, this.day(1)));
    this.run(
      command(
        'RecordPlanRecommendation',
        { issuedBy: this.bodyOn(this.day(3)), letterNumber: 'B-1', decision: 'approved' },
        this.day(3),
        'oversight',
      ),
    );
    return this.run(command('AnnounceRound', anAnnouncement(this.plan), this.day(7)));
  }

  /** Registers `count` applicants for a post (profile overrides by index). */
  register(
    postId: string,
    count: number,
    profile: (i: number) => Partial<ApplicantProfile> = () => ({}),
    date = this.day(10),
  ): this {
    const existing = this.round.posts[postId]?.applicants.length ?? 0;
    for (let i = 0; i < count; i += 1) {
      const n = this.applicantCount++;
      const applicantId = `${postId}-a${existing + i + 1}`;
      this.run(
        command(
          'RegisterApplicant',
          { postId, applicantId, applicant: anApplicant(nipOf(n), profile(i)) },
          date,
        ),
      );
    }
    return this;
  }

  closeAll(date = this.plan.schedule.registrationDeadline): this {
    for (const postId of this.round.postIds) this.run(command('CloseRegistration', { postId }, date));
    return this;
  }

  /** Administrative verdicts for every applicant of every post in selection, then the admin publication. */
  verify(date = this.day(24)): this {
    for (const postId of this.round.postIds) {
      const post = this.round.posts[postId];
      if (post?.status !== 'selection') continue;
      for (const { applicantId } of post.applicants)
        this.run(command('RecordAdministrativeVerdict', { postId, applicantId }, date, 'pansel'));
      this.run(command('PublishStageResults', { postId, stageId: 'admin' }, date, 'pansel'));
    }
    return this;
  }

  proceeding(postId: string): ApplicantState[] {
    return (this.round.posts[postId]?.applicants ?? []).filter(isProceeding);
  }

  /** Records and publishes the scored stages (all of them, or the first `count`), scores from the seeded generator. */
  stages(count = Number.POSITIVE_INFINITY, score?: (a: ApplicantState, i: number) => number): this {
    this.round.stages.slice(1, 1 + count).forEach((stage, index) => {
      for (const postId of this.round.postIds) {
        if (this.round.posts[postId]?.status !== 'selection') continue;
        const results: StageResult[] = this.proceeding(postId).map((a, i) => ({
          applicantId: a.applicantId,
          score:
            stage.maxScore === 1
              ? 1
              : (score?.(a, i) ?? (i < 3 ? this.random(80, 100) : this.random(45, 100))),
        }));
        this.run(
          command(
            'RecordStageResults',
            { postId, stageId: stage.stageId, results },
            this.day(30 + index * 3),
            'pansel',
          ),
        );
        this.run(
          command(
            'PublishStageResults',
            { postId, stageId: stage.stageId },
            this.day(31 + index * 3),
            'pansel',
          ),
        );
      }
    });
    return this;
  }

  /** The best `size` proceeding applicants of a post by running total. */
  best(postId: string): string[] {
    return this.proceeding(postId)
      .sort((a, b) => b.total - a.total)
      .slice(0, this.policy.numbers.shortlistSize.value)
      .map((a) => a.applicantId);
  }

  /** Proposes, reviews and announces the shortlist in the order the policy demands. */
  shortlist(postId: string): this {
    this.run(command('ProposeShortlist', { postId, finalists: this.best(postId) }, this.day(50), 'pansel'));
    const review = command(
      'ReviewShortlist',
      { postId, issuedBy: this.bodyOn(this.day(55)), letterNumber: `R-${postId}` },
      this.day(55),
      'oversight',
    );
    const announce = command('AnnounceShortlist', { postId }, this.day(56), 'pansel');
    return this.runAll(
      this.policy.shortlistReviewBeforeAnnouncement.value ? [review, announce] : [announce, review],
    );
  }

  /** PPK choice, inauguration recommendation and decree for the post's top finalist. */
  appoint(postId: string, applicantId = this.best(postId)[0] ?? ''): this {
    this.run(command('ChooseAppointee', { postId, applicantId }, this.day(60), 'ppk'));
    this.run(
      command(
        'RecordInaugurationRecommendation',
        { postId, issuedBy: this.bodyOn(this.day(65)), letterNumber: `I-${postId}` },
        this.day(65),
        'oversight',
      ),
    );
    return this.run(
      command('IssueAppointmentDecree', { postId, decreeNumber: `821/${postId}` }, this.day(66), 'ppk'),
    );
  }

  inaugurateCommand(postId: string, witnesses: readonly Witness[] = WITNESSES): RoundCommand {
    return command(
      'InaugurateAppointee',
      { postId, inauguratedOn: this.day(68), witnesses, clergy: 'Rohaniwan', minutesNumber: `BA-${postId}` },
      this.day(68),
      'ppk',
    );
  }

  runAll(commands: readonly RoundCommand[]): this {
    commands.forEach((c) => this.run(c));
    return this;
  }
}

/** A plan of `n` regular posts named post-01.. with the default pansel, stages and schedule. */
export function planOfPosts(n: number, extra: Partial<RoundPlan> = {}): RoundPlan {
  return aPlan(
    Array.from({ length: n }, (_, i) => aPost(`post-${String(i + 1).padStart(2, '0')}`)),
    extra,
  );
}

export const WITHOUT_RECOMMENDATION: Partial<ApplicantProfile> = {
  documents: ALL_DOCUMENTS.filter((d) => d !== 'home-ppk-recommendation'),
};
