import type { OversightBody, Rank } from '../policy/types';
import type { IsoDate } from '../shared/time';

export type AgencyLevel = 'province' | 'regency' | 'city';
/** Sekda and Sekwan posts carry extra gates (R24, R25). */
export type PostKind = 'regular' | 'sekda' | 'sekwan';
/** Post levels, used to compare oath witnesses with the appointee (R26). */
export type JobLevel = 'jpt-utama' | 'jpt-madya' | 'jpt-pratama' | 'administrator' | 'pengawas';

export interface CompetencyStandard {
  readonly technical: readonly string[];
  readonly managerial: readonly string[];
  readonly socioCultural: readonly string[];
}

/** A post's own content for one stage of the catalogue (its paper topic, say). */
export interface PostStageTopic {
  readonly stageId: string;
  readonly topic: string;
}

export interface PostPlan {
  readonly postId: string;
  readonly title: string;
  readonly kind: PostKind;
  /** The post's competency standard (SKJ); the competency stage tests against it (R12). */
  readonly competencyStandard: CompetencyStandard;
  readonly requirements: { readonly minRank?: Rank; readonly notes: readonly string[] };
  /** The official being replaced, if any: the 2-year lock applies (R28). */
  /**
   * What a stage asks of this post's candidates when it differs from the round's default (the
   * stage's `topic`): e.g. each post's paper topic, *kisi-kisi makalah* (Tegal 2021). Absent in old plans.
   */
  readonly stageTopics?: readonly PostStageTopic[];
  readonly incumbent?: {
    readonly nip: string;
    readonly inauguratedOn: IsoDate;
    readonly removalGround?: 'law-violation' | 'requirements-lost';
  };
}

export interface PanselMember {
  readonly memberId: string;
  readonly name: string;
  /**
   * Where the member works ("Inspektorat Kabupaten Contoh", "Universitas Hasanuddin"): R2 counts
   * the agency's own officials as internal from it. Required for new plans (API).
   */
  readonly employer?: string;
  /** Before employers were recorded, a declared flag; read only when `employer` is absent (old events). */
  readonly affiliation?: 'internal' | 'external';
  readonly background: 'jpt-same-government' | 'jpt-other-agency' | 'academic' | 'professional' | 'community';
  /** Set when the member is an official of the oversight body. */
  readonly oversightBody?: OversightBody;
  /** R3: party members and officials may not sit. */
  readonly politicalPartyMember?: boolean;
  /** R3: declared conflicts of interest, by applicant NIP. */
  readonly conflictsOfInterest: readonly { readonly nip: string; readonly nature: string }[];
}

export type StageKind = 'administrative' | 'competency' | 'paper' | 'presentation' | 'interview' | 'health';
export type Scoring = 'elimination' | 'cumulative';

/** One stage of the catalogue, frozen at announcement. Weights are percentages of the final total. */
export interface StageDefinition {
  readonly stageId: string;
  readonly name: string;
  readonly kind: StageKind;
  readonly method: string;
  /** What the stage asks, for every post unless a post names its own (`PostPlan.stageTopics`). */
  readonly topic?: string;
  readonly weight: number;
  readonly maxScore: number;
  readonly scoring: Scoring;
  /** Required for elimination stages: a score below it eliminates. */
  readonly passMark?: number;
  /** Optionally narrow to the best k by running total (e.g. a paper narrows to 5). */
  readonly maxProceeding?: number;
}

/** When one stage of the catalogue takes place, as the announcement publishes it (R6). */
export interface StageSlot {
  readonly stageId: string;
  readonly from: IsoDate;
  readonly to: IsoDate;
}

export interface Schedule {
  readonly announcementOn: IsoDate;
  readonly registrationDeadline: IsoDate;
  /** The date the age limit is measured on (R11). */
  readonly referenceDate: IsoDate;
}

/** Regional-election facts that open the Mendagri approval window (R29). */
export interface ElectionCalendar {
  readonly headInauguratedOn?: IsoDate;
  readonly candidateDeterminationOn?: IsoDate;
  readonly termEndsOn?: IsoDate;
  /** A Pj (acting head) needs Mendagri's written approval to run a selection. */
  readonly actingHead?: boolean;
}

export interface RoundPlan {
  readonly name: string;
  readonly agency: { readonly name: string; readonly level: AgencyLevel };
  readonly posts: readonly PostPlan[];
  readonly pansel: { readonly decreeNumber: string; readonly members: readonly PanselMember[] };
  readonly stages: readonly StageDefinition[];
  readonly schedule: Schedule;
  readonly assessmentProvider: {
    readonly name: string;
    /** R12: an accredited centre of the list kept as data (assessment-centres.ts); required for new plans (API). */
    readonly centreId?: string;
    /** Before centres were named, a declared flag, never checked (old events). */
    readonly accredited?: boolean;
  };
  readonly electionCalendar?: ElectionCalendar;
}

/** A letter from an oversight body (or the reference of an approval). */
export interface OversightLetter {
  readonly issuedBy: OversightBody;
  readonly letterNumber: string;
}
