import type { TFunction } from 'i18next';
import type { Problem } from './client';

/** One line for a failed call: the API's stable code and detail, or the thrown error's message. */
export function problemText(t: TFunction, failure: unknown): string {
  if (failure && typeof failure === 'object' && 'code' in failure) {
    const problem = failure as Problem;
    return t('problem.generic', { code: problem.code, detail: problem.detail ?? '' });
  }
  if (failure instanceof TypeError) return t('problem.network');
  return failure instanceof Error ? failure.message : String(failure);
}
