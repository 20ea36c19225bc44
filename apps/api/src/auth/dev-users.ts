import { z } from 'zod';
import { responseSchema } from '../validation/response-schema';
import { OVERSIGHT_BODY, ROLE } from './principal';

/** A seeded user: the claims its token carries. */
export const devUser = responseSchema(
  'DevUser',
  z.object({
    sub: z.string(),
    role: ROLE,
    agency: z.string().optional(),
    oversight_body: OVERSIGHT_BODY.optional(),
    name: z.string(),
  }),
);
export type DevUser = z.infer<typeof devUser>;
export const devUserList = responseSchema('DevUserList', z.array(devUser));

const panselOf = (agency: string, count: number): DevUser[] =>
  Array.from({ length: count }, (_, i) => ({
    sub: `pansel${i + 1}.${agency}`,
    role: 'pansel',
    agency,
    // No parentheses: Keycloak's user profile refuses them in a name (VERIFY_PROFILE at sign-in).
    name: `Anggota pansel ${i + 1} ${agency}`,
  }));

/** Every role of one agency: its operator (BKD/BKPSDM), PPK, five pansel members and auditor (inspectorate). */
const agencyStaff = (
  agency: string,
  names: { operator: string; ppk: string; auditor: string },
): DevUser[] => [
  { sub: `operator.${agency}`, role: 'operator', agency, name: names.operator },
  { sub: `ppk.${agency}`, role: 'ppk', agency, name: names.ppk },
  ...panselOf(agency, 5),
  { sub: `auditor.${agency}`, role: 'auditor', agency, name: names.auditor },
];

/**
 * The development issuer's seeded users: every role, two agencies (tenants), a province
 * (`provcontoh`, WITA, its governor as PPK) with every role and one regency under it
 * (`kabpesisir`, ADR 30), both oversight bodies. Pansel user ids are the `memberId`s a plan lists to seat them on a round's pansel.
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
  ...agencyStaff('provcontoh', {
    operator: 'BKD Provinsi Contoh',
    ppk: 'Gubernur Contoh',
    auditor: 'Inspektorat Provinsi Contoh',
  }),
  ...agencyStaff('kabpesisir', {
    operator: 'BKPSDM Kabupaten Pesisir',
    ppk: 'Bupati Pesisir',
    auditor: 'Inspektorat Kabupaten Pesisir',
  }),
  { sub: 'liaison.kasn', role: 'oversight', oversight_body: 'KASN', name: 'Penghubung KASN' },
  { sub: 'liaison.bkn', role: 'oversight', oversight_body: 'BKN', name: 'Penghubung BKN' },
  { sub: 'auditor', role: 'auditor', name: 'Auditor nasional' },
];
