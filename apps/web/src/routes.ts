/** The console's routes under /console; /publik/:agency is the public page, open to everyone. */
export const ROUTES = {
  home: '/console/',
  rounds: '/console/rounds',
  newRound: '/console/rounds/new',
  round: (roundId: string) => `/console/rounds/${encodeURIComponent(roundId)}`,
  manage: (roundId: string) => `/console/rounds/${encodeURIComponent(roundId)}/manage`,
  register: (roundId: string) => `/console/rounds/${encodeURIComponent(roundId)}/applicants`,
  decide: (roundId: string, type: string, postId?: string | null) =>
    `/console/rounds/${encodeURIComponent(roundId)}/decide/${type}${postId ? `?post=${encodeURIComponent(postId)}` : ''}`,
  audit: (roundId: string) => `/console/rounds/${encodeURIComponent(roundId)}/audit`,
  verifyBundle: (roundId?: string) =>
    `/console/audit/verify${roundId ? `?round=${encodeURIComponent(roundId)}` : ''}`,
  publik: (agency: string) => `/publik/${encodeURIComponent(agency)}`,
} as const;
