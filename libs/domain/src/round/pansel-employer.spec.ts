import { decide } from './decide';
import { evolve } from './evolve';
import { checkPlan } from './check-plan';
import { governmentOf, isInternalMember, worksForAgency } from './pansel-employer';
import type { PanselMember, RoundPlan } from './plan-types';
import { initialState } from './state';
import { tryDecideWith } from '../shared/errors';
import { aPansel, aPlan, command } from '../testing/fixtures';

const regency: RoundPlan['agency'] = { name: 'Pemerintah Kabupaten Contoh', level: 'regency' };
const province: RoundPlan['agency'] = { name: 'Pemerintah Provinsi Kalimantan Selatan', level: 'province' };
const plan = (members: PanselMember[]) => aPlan(undefined, { pansel: { decreeNumber: '800/1', members } });
const planRound = (members: PanselMember[]) =>
  command('PlanRound', { roundId: 'r1', plan: plan(members), policyId: 'bkn-2024' }, '2024-09-02');

describe('R2: the internal share from where each pansel member works', () => {
  it("[R2] counts the agency's own officials as internal, whatever their affiliation flag says", () => {
    // The review's case: five officials of the same government marked "external".
    const officials = [
      'Inspektorat Kabupaten Contoh',
      'BKPSDM Kab. Contoh',
      'Dinas Kesehatan Kabupaten Contoh',
      'Sekretariat Daerah Pemkab Contoh',
      'Bappeda Kabupaten Contoh',
    ];
    const members = aPansel(5, 0).map((m, i) => ({
      ...m,
      employer: officials[i]!,
      affiliation: 'external' as const,
    }));
    expect(tryDecideWith(decide, planRound(members), initialState())).toMatchObject({
      ok: false,
      error: {
        code: 'PANSEL.INTERNAL_SHARE_EXCEEDED',
        ruleId: 'R2',
        details: { internal: 5, size: 5, internalMembers: ['m1', 'm2', 'm3', 'm4', 'm5'] },
      },
    });
    expect(checkPlan(planRound(members)).internalMembers).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
  });

  it('[R2] counts another government, a university and a neighbouring regency as external', () => {
    const others = [
      'Pemerintah Provinsi Kalimantan Selatan',
      'Universitas Lambung Mangkurat',
      'Kabupaten Contoh Barat',
      'Pemerintah Kota Contoh',
      'Inspektorat Kabupaten Contoh',
    ];
    const members = aPansel(5, 0).map((m, i) => ({
      ...m,
      employer: others[i]!,
      affiliation: 'internal' as const,
    }));
    expect(checkPlan(planRound(members))).toMatchObject({ internalMembers: ['m5'], findings: [] });
  });

  it('[R2] reads the government from the agency name, for a province too', () => {
    expect(governmentOf('Pemerintah Kabupaten Contoh')).toBe('kabupaten contoh');
    expect(worksForAgency('Dinas Kesehatan Prov. Kalimantan Selatan', province)).toBe(true);
    expect(worksForAgency('Pemerintah Kota Banjarmasin', province)).toBe(false);
    expect(worksForAgency('BKPSDM Kabupaten Contoh (Sekretaris)', regency)).toBe(true);
  });

  it('[R2] a member recorded before employers keeps its affiliation: old events replay as decided', () => {
    const legacy = aPansel(5, 0).map(({ employer: _employer, ...m }, i): PanselMember => ({
      ...m,
      affiliation: i < 2 ? 'internal' : 'external',
    }));
    expect(legacy.map((m) => isInternalMember(m, regency))).toEqual([true, true, false, false, false]);
    const [planned] = decide(planRound(legacy), initialState());
    expect(planned?.type).toBe('RoundPlanned');
    expect(evolve(initialState(), planned!)).toMatchObject({
      status: 'planned',
      plan: { pansel: { members: legacy } },
    });
    const tooMany = legacy.map((m, i) => (i === 2 ? { ...m, affiliation: 'internal' as const } : m));
    expect(tryDecideWith(decide, planRound(tooMany), initialState())).toMatchObject({
      ok: false,
      error: { code: 'PANSEL.INTERNAL_SHARE_EXCEEDED' },
    });
  });
});
