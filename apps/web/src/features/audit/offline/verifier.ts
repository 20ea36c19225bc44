import {
  verifyBundleWebCrypto,
  type BundleProblem,
  type BundleVerdict,
  type EvidenceBundle,
} from '@selter/event-store/offline';
import { both, CODE_TEXT, TEXT } from './texts';

/** Verifies a bundle's text in this browser; undefined when the text is not JSON. Never sends it anywhere. */
export async function verifyBundleText(
  text: string,
  expectedKeyId?: string,
): Promise<BundleVerdict | undefined> {
  let bundle: EvidenceBundle;
  try {
    bundle = JSON.parse(text) as EvidenceBundle;
  } catch {
    return undefined;
  }
  return verifyBundleWebCrypto(bundle, crypto.subtle, expectedKeyId ? { expectedKeyId } : {});
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string>,
  ...children: Array<string | Node>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function problemItem(p: BundleProblem): HTMLLIElement {
  const where = [
    p.streamVersion !== undefined ? `${both(TEXT.version)} ${p.streamVersion}` : '',
    p.globalPosition ? `${both(TEXT.position)} ${p.globalPosition}` : '',
    p.checkpointSequence !== undefined ? `${TEXT.checkpoint[0]} ${p.checkpointSequence}` : '',
  ].filter(Boolean);
  const attrs: Record<string, string> = {
    'data-code': p.code,
    ...(p.streamVersion !== undefined ? { 'data-version': String(p.streamVersion) } : {}),
    ...(p.globalPosition ? { 'data-position': p.globalPosition } : {}),
  };
  return el(
    'li',
    attrs,
    el('strong', {}, `${p.code}: ${both(CODE_TEXT[p.code] ?? [p.code, p.code])}`),
    where.length ? ` (${where.join(', ')})` : '',
    el('br', {}),
    el('small', {}, p.reason),
  );
}

/** The verdict as a section: the headline, the key, and every problem with its version and position. */
export function verdictView(verdict: BundleVerdict | undefined): HTMLElement {
  if (!verdict)
    return el(
      'section',
      { 'data-testid': 'verdict', 'data-ok': 'false', role: 'status' },
      el('p', {}, both(TEXT.notJson)),
    );
  const key = verdict.keyId
    ? `${both(TEXT.key)} ${verdict.keyId} (${verdict.keyPinned ? both(TEXT.pinned) : both(TEXT.ownKey)})`
    : '';
  const cp = verdict.checkpoint
    ? `${TEXT.checkpoint[0]} ${verdict.checkpoint.sequence} (${verdict.checkpoint.treeSize}, ${verdict.checkpoint.createdAt})`
    : '';
  return el(
    'section',
    { 'data-testid': 'verdict', 'data-ok': String(verdict.ok), role: 'status' },
    el('h2', {}, `${verdict.ok ? both(TEXT.verified) : both(TEXT.failed)}: ${verdict.streamId ?? ''}`),
    el('p', {}, `${verdict.eventsChecked} ${both(TEXT.events)}${cp ? `; ${cp}` : ''}`),
    el('p', {}, key),
    el('ol', { 'data-testid': 'problems' }, ...verdict.problems.map(problemItem)),
  );
}

/**
 * The verifier's form (a file picker and an optional pinned key fingerprint) and its result, in
 * `root`. Returns `show`, to verify a bundle obtained otherwise (the console's download).
 */
export function mountVerifier(root: HTMLElement): { show(text: string): Promise<void> } {
  const file = el('input', {
    type: 'file',
    accept: '.json,application/json',
    id: 'bundle-file',
    'data-testid': 'bundle-file',
  });
  const keyId = el('input', {
    type: 'text',
    id: 'key-id',
    'data-testid': 'key-id',
    size: '34',
    spellcheck: 'false',
  });
  const result = el('div', { 'aria-live': 'polite' });
  root.replaceChildren(
    el('h1', {}, both(TEXT.title)),
    el('p', {}, both(TEXT.intro)),
    el('p', {}, el('label', { for: 'bundle-file' }, both(TEXT.file)), ' ', file),
    el('p', {}, el('label', { for: 'key-id' }, both(TEXT.keyId)), ' ', keyId),
    result,
  );
  const show = async (text: string): Promise<void> => {
    result.replaceChildren(el('p', {}, both(TEXT.checking)));
    result.replaceChildren(verdictView(await verifyBundleText(text, keyId.value.trim() || undefined)));
  };
  file.addEventListener('change', () => {
    const picked = file.files?.[0];
    if (picked) void picked.text().then(show);
  });
  return { show };
}
