import type { OversightBody, Role } from '@selter/domain';

export interface DevUser {
  readonly sub: string;
  readonly role: Exclude<Role, 'system'>;
  readonly agency?: string;
  readonly oversight_body?: OversightBody;
  readonly name: string;
}

const panselOf = (agency: string, count: number): DevUser[] =>
  Array.from({ length: count }, (_, i) => ({ sub: `pansel${i + 1}.${agency}`, role: 'pansel', agency, name: `Anggota pansel ${i + 1} (${agency})` }));

/**
 * The development issuer's seeded users: every role, two agencies (tenants), both oversight
 * bodies. Pansel user ids are the `memberId`s a plan lists to seat them on a round's pansel.
 */
export const DEV_USERS: readonly DevUser[] = [
  { sub: 'admin', role: 'admin', name: 'Administrator Selter' },
  { sub: 'operator.kabcontoh', role: 'operator', agency: 'kabcontoh', name: 'BKPSDM Kabupaten Contoh' },
  { sub: 'ppk.kabcontoh', role: 'ppk', agency: 'kabcontoh', name: 'Bupati Contoh' },
  ...panselOf('kabcontoh', 5),
  { sub: 'auditor.kabcontoh', role: 'auditor', agency: 'kabcontoh', name: 'Inspektorat Kabupaten Contoh' },
  { sub: 'operator.kotalain', role: 'operator', agency: 'kotalain', name: 'BKPSDM Kota Lain' },
  { sub: 'ppk.kotalain', role: 'ppk', agency: 'kotalain', name: 'Wali Kota Lain' },
  ...panselOf('kotalain', 1),
  { sub: 'liaison.kasn', role: 'oversight', oversight_body: 'KASN', name: 'Penghubung KASN' },
  { sub: 'liaison.bkn', role: 'oversight', oversight_body: 'BKN', name: 'Penghubung BKN' },
  { sub: 'auditor', role: 'auditor', name: 'Auditor nasional' },
];
