import type { MemberBody, PlanBody, PostBody, Rank, StageBody, StoredPlan } from '../types';

// The plan as the operator edits it: lists as one item per line and dates possibly unset, so
// typing is never fought by a conversion. `toPlanBody` turns it into the API's body; the API
// judges it (a missing date reaches it as '' and comes back as REQUEST.INVALID with the field).

export interface PostDraft {
  key: string;
  postId: string;
  title: string;
  kind: PostBody['kind'];
  technical: string;
  managerial: string;
  socioCultural: string;
  minRank: Rank | null;
  notes: string;
  /** This post's own paper topic (kisi-kisi makalah) for the catalogue's paper stages; '' takes the stage's. */
  paperTopic: string;
  /** The official being replaced (R28), if any. */
  incumbent: {
    nip: string;
    inauguratedOn: string | null;
    removalGround: NonNullable<PostBody['incumbent']>['removalGround'] | null;
  } | null;
}

export interface MemberDraft {
  key: string;
  memberId: string;
  name: string;
  /** Where the member works: the API counts the agency's own officials as internal (R2). */
  employer: string;
  background: MemberBody['background'];
  oversightBody: MemberBody['oversightBody'] | null;
  politicalPartyMember: boolean;
  /** Declared conflicts of interest, one per line: `NIP: nature`. */
  conflicts: string;
}

export interface StageDraft {
  key: string;
  stageId: string;
  name: string;
  kind: StageBody['kind'];
  method: string;
  /** What the stage asks of every post (e.g. the paper topic), unless a post names its own. */
  topic: string;
  weight: number;
  maxScore: number;
  scoring: StageBody['scoring'];
  passMark: number | null;
  maxProceeding: number | null;
}

export interface PlanDraft {
  name: string;
  agencyName: string;
  agencyLevel: PlanBody['agency']['level'];
  decreeNumber: string;
  posts: PostDraft[];
  members: MemberDraft[];
  stages: StageDraft[];
  announcementOn: string | null;
  registrationDeadline: string | null;
  referenceDate: string | null;
  providerName: string;
  /** R12: an accredited centre of GET /assessment-centres. */
  providerCentreId: string;
  election: {
    headInauguratedOn: string | null;
    candidateDeterminationOn: string | null;
    termEndsOn: string | null;
    actingHead: boolean;
  };
}

let lastKey = 0;
/** A key for a row of an editable list (React keys; never sent). */
export const newKey = (): string => `row-${++lastKey}`;

export const newPost = (): PostDraft => ({
  key: newKey(),
  postId: '',
  title: '',
  kind: 'regular',
  technical: '',
  managerial: '',
  socioCultural: '',
  minRank: null,
  notes: '',
  paperTopic: '',
  incumbent: null,
});
export const newMember = (): MemberDraft => ({
  key: newKey(),
  memberId: '',
  name: '',
  employer: '',
  background: 'academic',
  oversightBody: null,
  politicalPartyMember: false,
  conflicts: '',
});
export const newStage = (): StageDraft => ({
  key: newKey(),
  stageId: '',
  name: '',
  kind: 'competency',
  method: '',
  topic: '',
  weight: 0,
  maxScore: 100,
  scoring: 'cumulative',
  passMark: null,
  maxProceeding: null,
});

export const emptyPlan = (): PlanDraft => ({
  name: '',
  agencyName: '',
  agencyLevel: 'regency',
  decreeNumber: '',
  posts: [newPost()],
  members: [],
  stages: [],
  announcementOn: null,
  registrationDeadline: null,
  referenceDate: null,
  providerName: '',
  providerCentreId: '',
  election: { headInauguratedOn: null, candidateDeterminationOn: null, termEndsOn: null, actingHead: false },
});

/** Non-empty trimmed lines. */
export const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

function conflictsOf(text: string): MemberBody['conflictsOfInterest'] {
  return lines(text).map((line) => {
    const at = line.indexOf(':');
    return at < 0
      ? { nip: line, nature: line }
      : { nip: line.slice(0, at).trim(), nature: line.slice(at + 1).trim() };
  });
}

/** The post's own topic for each paper stage of the catalogue, when it names one. */
const stageTopicsOf = (p: PostDraft, stages: readonly StageDraft[]): Pick<PostBody, 'stageTopics'> => {
  const topic = p.paperTopic.trim();
  const papers = stages.filter((s) => s.kind === 'paper' && s.stageId.trim() !== '');
  return topic && papers.length > 0
    ? { stageTopics: papers.map((s) => ({ stageId: s.stageId.trim(), topic })) }
    : {};
};

const postBody = (p: PostDraft, stages: readonly StageDraft[]): PostBody => ({
  postId: p.postId.trim(),
  title: p.title.trim(),
  kind: p.kind,
  competencyStandard: {
    technical: lines(p.technical),
    managerial: lines(p.managerial),
    socioCultural: lines(p.socioCultural),
  },
  requirements: { ...(p.minRank ? { minRank: p.minRank } : {}), notes: lines(p.notes) },
  ...stageTopicsOf(p, stages),
  ...(p.incumbent
    ? {
        incumbent: {
          nip: p.incumbent.nip.trim(),
          inauguratedOn: p.incumbent.inauguratedOn ?? '',
          ...(p.incumbent.removalGround ? { removalGround: p.incumbent.removalGround } : {}),
        },
      }
    : {}),
});

const memberBody = (m: MemberDraft): MemberBody => ({
  memberId: m.memberId.trim(),
  name: m.name.trim(),
  employer: m.employer.trim(),
  background: m.background,
  ...(m.oversightBody ? { oversightBody: m.oversightBody } : {}),
  ...(m.politicalPartyMember ? { politicalPartyMember: true } : {}),
  conflictsOfInterest: conflictsOf(m.conflicts),
});

const stageBody = (s: StageDraft): StageBody => ({
  stageId: s.stageId.trim(),
  name: s.name.trim(),
  kind: s.kind,
  method: s.method.trim(),
  ...(s.topic.trim() ? { topic: s.topic.trim() } : {}),
  weight: s.weight,
  maxScore: s.maxScore,
  scoring: s.scoring,
  ...(s.passMark !== null ? { passMark: s.passMark } : {}),
  ...(s.maxProceeding !== null ? { maxProceeding: s.maxProceeding } : {}),
});

function electionBody(e: PlanDraft['election']): PlanBody['electionCalendar'] {
  const calendar = {
    ...(e.headInauguratedOn ? { headInauguratedOn: e.headInauguratedOn } : {}),
    ...(e.candidateDeterminationOn ? { candidateDeterminationOn: e.candidateDeterminationOn } : {}),
    ...(e.termEndsOn ? { termEndsOn: e.termEndsOn } : {}),
    ...(e.actingHead ? { actingHead: true } : {}),
  };
  return Object.keys(calendar).length > 0 ? calendar : undefined;
}

/** The API's plan body from the draft. */
export function toPlanBody(d: PlanDraft): PlanBody {
  const electionCalendar = electionBody(d.election);
  return {
    name: d.name.trim(),
    agency: { name: d.agencyName.trim(), level: d.agencyLevel },
    posts: d.posts.map((post) => postBody(post, d.stages)),
    pansel: { decreeNumber: d.decreeNumber.trim(), members: d.members.map(memberBody) },
    stages: d.stages.map(stageBody),
    schedule: {
      announcementOn: d.announcementOn ?? '',
      registrationDeadline: d.registrationDeadline ?? '',
      referenceDate: d.referenceDate ?? '',
    },
    assessmentProvider: { name: d.providerName.trim(), centreId: d.providerCentreId },
    ...(electionCalendar ? { electionCalendar } : {}),
  };
}

/** The draft of a plan body (to edit a plan sent before, or the example). */
export function fromPlanBody(p: PlanBody | StoredPlan): PlanDraft {
  const e = p.electionCalendar;
  return {
    name: p.name,
    agencyName: p.agency.name,
    agencyLevel: p.agency.level,
    decreeNumber: p.pansel.decreeNumber,
    posts: p.posts.map((post) => ({
      key: newKey(),
      postId: post.postId,
      title: post.title,
      kind: post.kind,
      technical: post.competencyStandard.technical.join('\n'),
      managerial: post.competencyStandard.managerial.join('\n'),
      socioCultural: post.competencyStandard.socioCultural.join('\n'),
      minRank: post.requirements.minRank ?? null,
      notes: post.requirements.notes.join('\n'),
      paperTopic: post.stageTopics?.[0]?.topic ?? '',
      incumbent: post.incumbent
        ? {
            nip: post.incumbent.nip,
            inauguratedOn: post.incumbent.inauguratedOn,
            removalGround: post.incumbent.removalGround ?? null,
          }
        : null,
    })),
    members: p.pansel.members.map((m) => ({
      key: newKey(),
      memberId: m.memberId,
      name: m.name,
      employer: m.employer ?? '',
      background: m.background,
      oversightBody: m.oversightBody ?? null,
      politicalPartyMember: m.politicalPartyMember ?? false,
      conflicts: m.conflictsOfInterest.map((c) => `${c.nip}: ${c.nature}`).join('\n'),
    })),
    stages: p.stages.map((s) => ({
      key: newKey(),
      ...s,
      topic: s.topic ?? '',
      passMark: s.passMark ?? null,
      maxProceeding: s.maxProceeding ?? null,
    })),
    announcementOn: p.schedule.announcementOn || null,
    registrationDeadline: p.schedule.registrationDeadline || null,
    referenceDate: p.schedule.referenceDate || null,
    providerName: p.assessmentProvider.name,
    providerCentreId: p.assessmentProvider.centreId ?? '',
    election: {
      headInauguratedOn: e?.headInauguratedOn ?? null,
      candidateDeterminationOn: e?.candidateDeterminationOn ?? null,
      termEndsOn: e?.termEndsOn ?? null,
      actingHead: e?.actingHead ?? false,
    },
  };
}
