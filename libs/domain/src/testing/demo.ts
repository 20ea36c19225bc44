import type { RoundCommand } from '../round/commands';
import type { Role } from '../shared/metadata';
import type { RoundPlan } from '../round/plan-types';
import { addCalendarDays } from '../shared/time';
import { RoundBuilder } from './builder';
import { aPansel, aPlan, aPost } from './fixtures';

/** The agency whose rounds the demo seeds, and who decides in them (the development issuer's users; the API tests' too). */
export const DEMO_AGENCY = 'kabcontoh';
const POLICY = 'bkn-2025';
export const DEMO_USER_OF: Readonly<Record<Exclude<Role, 'system'>, string>> = {
  operator: 'operator.kabcontoh',
  pansel: 'pansel1.kabcontoh',
  ppk: 'ppk.kabcontoh',
  oversight: 'liaison.bkn',
  auditor: 'auditor.kabcontoh',
  admin: 'admin',
};

/** One demo round: its local id, how many days before today it was planned, and how far it went. */
export interface DemoRound {
  localId: string;
  title: string;
  /** Days before today the round was planned (its last decision falls on the day before today). */
  startedDaysAgo: number;
  steps(b: RoundBuilder): void;
}

/**
 * The demo's rounds (issue 17 item 1): one agency's rounds at the stages a newcomer should see,
 * each planned far enough in the past that its last decision falls on the day before today.
 */
export const DEMO_ROUNDS: readonly DemoRound[] = [
  {
    localId: 'demo-diumumkan',
    title: 'Seleksi terbuka JPT Pratama (pendaftaran dibuka)',
    startedDaysAgo: 10,
    steps: (b) => void b.announce().register('dinas-kesehatan', 3, undefined, b.day(9)),
  },
  {
    localId: 'demo-seleksi',
    title: 'Seleksi terbuka JPT Pratama (tahap seleksi)',
    startedDaysAgo: 35,
    steps: (b) => void b.announce().register('dinas-kesehatan', 5).closeAll().verify().stages(1),
  },
  {
    localId: 'demo-menunggu-ppk',
    title: 'Seleksi terbuka JPT Pratama (menunggu PPK)',
    startedDaysAgo: 58,
    steps: (b) =>
      void b
        .announce()
        .register('dinas-kesehatan', 5)
        .closeAll()
        .verify()
        .stages()
        .shortlist('dinas-kesehatan'),
  },
  {
    localId: 'demo-selesai',
    title: 'Seleksi terbuka JPT Pratama (selesai)',
    startedDaysAgo: 71,
    steps: (b) => {
      b.announce().register('dinas-kesehatan', 5).closeAll().verify().stages().shortlist('dinas-kesehatan');
      b.appoint('dinas-kesehatan').run(b.inaugurateCommand('dinas-kesehatan'));
    },
  },
];

/** The plan of a demo round starting on `start`: announced a week later, registration for 15 days. */
function demoPlan(title: string, start: string): RoundPlan {
  const members = aPansel().map((m, i) => ({ ...m, memberId: `pansel${i + 1}.${DEMO_AGENCY}` }));
  const deadline = addCalendarDays(start, 22);
  return aPlan([aPost('dinas-kesehatan')], {
    name: title,
    pansel: { decreeNumber: `800/${start.slice(0, 4)}/DEMO`, members },
    schedule: {
      announcementOn: addCalendarDays(start, 7),
      registrationDeadline: deadline,
      referenceDate: deadline,
    },
  });
}

/** The commands of every demo round, planned relative to `today` (a WIB date). */
export function demoCommands(today: string): Array<{ round: DemoRound; commands: RoundCommand[] }> {
  return DEMO_ROUNDS.map((round) => {
    const start = addCalendarDays(today, -round.startedDaysAgo);
    const b = new RoundBuilder(demoPlan(round.title, start), start, POLICY);
    round.steps(b);
    return { round, commands: [...b.commands] };
  });
}
