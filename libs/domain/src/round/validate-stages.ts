import type { StageDefinition, StageKind } from './plan-types';
import { finding, throwFirst, type DomainError } from '../shared/errors';

/** The stages PP 11/2017 Pasal 120(5) makes mandatory (R20). */
export const MANDATORY_STAGE_KINDS: readonly StageKind[] = [
  'administrative',
  'competency',
  'interview',
  'health',
];

function invalid(en: string, id: string, details: Record<string, unknown>): DomainError {
  return finding('PLAN.STAGE_CATALOGUE_INVALID', id, en, details);
}

/** Checks one stage definition's numbers. */
export function validateStage(stage: StageDefinition): void {
  throwFirst(stageFindings(stage));
}

/** Every way one stage definition's numbers are wrong. */
export function stageFindings(stage: StageDefinition): DomainError[] {
  const { stageId, weight, maxScore, passMark, scoring } = stage;
  const findings: DomainError[] = [];
  if (!(maxScore > 0) || weight < 0 || weight > 100) {
    findings.push(
      invalid(
        `Stage ${stageId}: max score must be > 0 and weight 0-100`,
        `Tahap ${stageId}: skor maksimum > 0 dan bobot 0-100`,
        { stageId },
      ),
    );
  }
  if (scoring === 'elimination' && (passMark === undefined || passMark < 0 || passMark > maxScore)) {
    findings.push(
      invalid(
        `Stage ${stageId}: an elimination stage needs a pass mark between 0 and ${maxScore}`,
        `Tahap ${stageId}: tahap gugur memerlukan nilai ambang 0-${maxScore}`,
        { stageId, passMark },
      ),
    );
  }
  return findings;
}

/** The catalogue: administrative first, every mandatory kind present (R20), weights summing to 100. */
export function validateStageCatalogue(stages: readonly StageDefinition[]): void {
  throwFirst(stageCatalogueFindings(stages));
}

/** Every way the catalogue breaks its rules, in the order `validateStageCatalogue` refuses by. */
export function stageCatalogueFindings(stages: readonly StageDefinition[]): DomainError[] {
  const findings: DomainError[] = [];
  const ids = new Set(stages.map((s) => s.stageId));
  if (ids.size !== stages.length)
    findings.push(invalid('Stage ids must be unique', 'Id tahap harus unik', {}));
  if (stages[0]?.kind !== 'administrative') {
    findings.push(
      invalid(
        'The first stage must be the administrative selection',
        'Tahap pertama harus seleksi administrasi',
        {},
      ),
    );
  }
  const missing = MANDATORY_STAGE_KINDS.filter((kind) => !stages.some((s) => s.kind === kind));
  if (missing.length > 0) {
    findings.push(
      finding(
        'PLAN.MANDATORY_STAGE_MISSING',
        `Tahap wajib tidak ada: ${missing.join(', ')} (R20, PP 11/2017 Pasal 120 ayat 5)`,
        `Mandatory stages missing: ${missing.join(', ')} (R20, PP 11/2017 Pasal 120(5))`,
        { missing },
      ),
    );
  }
  findings.push(...stages.flatMap(stageFindings));
  const total = stages.reduce((sum, s) => sum + s.weight, 0);
  if (Math.abs(total - 100) > 1e-9) {
    findings.push(
      invalid(`Stage weights sum to ${total}, not 100`, `Jumlah bobot tahap ${total}, bukan 100`, { total }),
    );
  }
  return findings;
}
