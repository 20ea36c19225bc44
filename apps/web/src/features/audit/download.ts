import { ApiProblem } from '../../api/call';
import type { Problem } from '../../api/client';

/** The file name a Content-Disposition header gives, else `fallback`. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const match = disposition ? /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition) : null;
  return match?.[1] ? decodeURIComponent(match[1]) : fallback;
}

/** Seconds a 409/429/503 asks to wait (Retry-After in seconds), else `fallback`. */
export function retryAfterOf(header: string | null, fallback: number): number {
  const seconds = header ? Number.parseInt(header, 10) : Number.NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : fallback;
}

/** A fetched file (body and the name the server gave it), or an ApiProblem with the wait it asked for. */
export async function fetchFile(
  url: string,
  token: string | undefined,
  fallbackName: string,
): Promise<{ blob: Blob; name: string }> {
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    const problem: Problem =
      body && typeof body === 'object' && 'code' in body
        ? (body as Problem)
        : {
            type: 'about:blank',
            title: response.statusText || 'Error',
            status: response.status,
            code: `HTTP.${response.status}`,
          };
    const error = new ApiProblem(problem, response.status);
    Object.assign(error, { retryAfter: retryAfterOf(response.headers.get('retry-after'), 5) });
    throw error;
  }
  return {
    blob: await response.blob(),
    name: fileNameOf(response.headers.get('content-disposition'), fallbackName),
  };
}

/** Hands a blob to the browser as a download named `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the blob to the download; free it on the next turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
