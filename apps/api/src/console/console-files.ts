import { stat } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import type { Response } from 'express';
import { ProblemException } from '../problem/problem-details.filter';
import { notFound } from '../problem/problems';

/** The repository's Vite build output (`npm run web:build`), seen from apps/api/src/console. */
export const DEFAULT_WEB_DIST = join(__dirname, '..', '..', '..', 'web', 'dist');

// Vite names every file under assets/ by its content hash: a browser may keep it for good.
const IMMUTABLE = 'public, max-age=31536000, immutable';
// index.html names the current assets: always revalidated, so a new build is seen at once.
const REVALIDATE = 'no-cache';

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** The file a request path names inside the build, or undefined (outside it, a dotfile, malformed, or absent). */
function inside(root: string, requested: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requested);
  } catch {
    return undefined;
  }
  const relative = normalize(decoded).replace(/^[/\\]+/, '');
  if (
    relative === '' ||
    relative.includes('\0') ||
    relative.split(/[/\\]/).some((part) => part.startsWith('.'))
  )
    return undefined;
  const path = join(root, relative);
  return path.startsWith(root + sep) ? relative : undefined;
}

/**
 * The built web console: its files as they are, and index.html for every other path (the client
 * routes them), except under assets/ where a missing file is a stale reference and answers 404.
 * Read on each request, so a rebuild needs no restart, and a missing build says how to make one.
 */
export class ConsoleFiles {
  constructor(readonly root: string) {}

  async serve(requested: string, response: Response): Promise<void> {
    const relative = inside(this.root, requested);
    if (relative && (await isFile(join(this.root, relative)))) {
      return this.send(response, relative, relative.startsWith('assets/') ? IMMUTABLE : REVALIDATE);
    }
    if (/^\/?assets\//.test(requested))
      throw notFound('CONSOLE.ASSET_NOT_FOUND', `No console asset ${requested}.`);
    return this.index(response);
  }

  async index(response: Response): Promise<void> {
    if (!(await isFile(join(this.root, 'index.html')))) {
      throw new ProblemException({
        status: 503,
        code: 'CONSOLE.NOT_BUILT',
        detail: 'The web console is not built: run `npm run web:build`, then reload.',
      });
    }
    return this.send(response, 'index.html', REVALIDATE);
  }

  private send(response: Response, relative: string, cacheControl: string): Promise<void> {
    return new Promise((resolve, reject) => {
      response.sendFile(
        relative,
        {
          root: this.root,
          dotfiles: 'deny',
          headers: { 'cache-control': cacheControl, 'x-content-type-options': 'nosniff' },
        },
        (error) => {
          if (error && !response.headersSent)
            reject(notFound('CONSOLE.ASSET_NOT_FOUND', `No console file ${relative}.`));
          else resolve();
        },
      );
    });
  }
}
