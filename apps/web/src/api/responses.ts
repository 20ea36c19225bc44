// The API's read endpoints (GET /inbox, GET /dev-auth/users, POST /dev-auth/token) declare no
// response schema in its OpenAPI document yet, so the generated types say nothing about their
// bodies. These mirror the API's own types (apps/api/src/rounds/inbox/inbox.query.ts,
// apps/api/src/auth/dev-users.ts) until the API declares them; then delete this file and use
// the generated ones.

export type Role = 'admin' | 'operator' | 'pansel' | 'ppk' | 'oversight' | 'auditor';

export interface DevUser {
  sub: string;
  role: Role;
  agency?: string;
  oversight_body?: 'KASN' | 'BKN';
  name: string;
}

export interface DevToken {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

export interface InboxItem {
  roundId: string;
  roundName: string | null;
  postId: string | null;
  command: string;
  role: string;
  since: string | null;
  waitedDays: number | null;
  serviceLevelDays: number | null;
  dueAt: string | null;
  overdue: boolean;
  reminders: number;
  escalated: boolean;
}

export interface Inbox {
  now: string;
  items: InboxItem[];
}
