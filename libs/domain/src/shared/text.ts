import { fail } from './errors';

/**
 * How deep objects and arrays may nest in a command (and in a request body at the API): a real
 * decision nests about 6 levels; 32 leaves room and keeps every later walk far from the stack.
 */
export const MAX_NESTING = 32;

/** Why a string is refused as text. */
export type TextProblem = 'control-character' | 'lone-surrogate' | 'noncharacter';

/** The first thing wrong with a JSON-like value: a string that is no clean text, or nesting past the limit. */
export type JsonFault =
  | { readonly kind: TextProblem; readonly path: string; readonly codePoint: string }
  | { readonly kind: 'too-deep'; readonly path: string; readonly maxDepth: number };

// C0 controls but tab, LF and CR; DEL; a surrogate standing alone (with the `u` flag a pair is one
// code point and never matches \p{Cs}); the 66 noncharacters (U+FDD0-U+FDEF, U+xFFFE/U+xFFFF in
// every plane). PostgreSQL cannot store U+0000 or a lone surrogate in text or jsonb at all; the
// others are never text a person typed, only corruption or an attack on whoever reads it next.
const FORBIDDEN = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F\p{Cs}\p{Noncharacter_Code_Point}]/u;

const hex = (n: number): string => n.toString(16).toUpperCase().padStart(4, '0');

/** The first forbidden character of a string and why, or undefined when the string is clean text. */
export function textProblemOf(text: string): { kind: TextProblem; codePoint: string } | undefined {
  const found = FORBIDDEN.exec(text)?.[0];
  if (found === undefined) return undefined;
  const code = found.codePointAt(0) ?? 0;
  const kind: TextProblem =
    code >= 0xd800 && code <= 0xdfff ? 'lone-surrogate' : code < 0x80 ? 'control-character' : 'noncharacter';
  return { kind, codePoint: `U+${hex(code)}` };
}

interface Frame {
  readonly value: unknown;
  readonly parent: Frame | undefined;
  readonly key: string | number | undefined;
  readonly depth: number;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const MAX_KEY_IN_PATH = 64;

/** A key as a path segment, in printable ASCII only: a path may be stored and shown, the key itself may be the poison. */
function segment(key: string | number, first: boolean): string {
  if (typeof key === 'number') return `[${key}]`;
  if (IDENTIFIER.test(key)) return first ? key : `.${key}`;
  const cut = key.length > MAX_KEY_IN_PATH ? key.slice(0, MAX_KEY_IN_PATH) : key;
  let quoted = '';
  for (let i = 0; i < cut.length; i += 1) {
    const unit = cut.charCodeAt(i);
    const char = cut.charAt(i);
    quoted +=
      unit < 0x20 || unit > 0x7e ? `\\u${hex(unit)}` : char === '"' || char === '\\' ? `\\${char}` : char;
  }
  return `["${quoted}${cut === key ? '' : '...'}"]`;
}

/** `applicant.name`, `findings[2].note`, `["odd key"]`: the frame's path from the root, after `prefix`. */
function pathOf(frame: Frame, prefix: string): string {
  const keys: Array<string | number> = [];
  for (let f: Frame | undefined = frame; f?.key !== undefined; f = f.parent) keys.push(f.key);
  keys.reverse();
  const path = keys.reduce<string>((acc, key) => acc + segment(key, acc === ''), prefix);
  return path === '' ? '(root)' : path;
}

/**
 * Walks a JSON-like value without recursion (a 10,000-level value cannot overflow the stack) and
 * returns its first fault in depth-first order, an object's keys before its values: an array or
 * object nested deeper than `maxDepth`, or a string (value or key) that is not clean text.
 */
export function findJsonFault(
  value: unknown,
  options: { readonly maxDepth?: number; readonly prefix?: string } = {},
): JsonFault | undefined {
  const { maxDepth = MAX_NESTING, prefix = '' } = options;
  const stack: Frame[] = [{ value, parent: undefined, key: undefined, depth: 0 }];
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    const { value: v, depth } = frame;
    if (typeof v === 'string') {
      const problem = textProblemOf(v);
      if (problem) return { ...problem, path: pathOf(frame, prefix) };
    } else if (v !== null && typeof v === 'object') {
      if (depth >= maxDepth) return { kind: 'too-deep', path: pathOf(frame, prefix), maxDepth };
      const entries: Array<[string | number, unknown]> = Array.isArray(v)
        ? v.map((item, i) => [i, item])
        : Object.entries(v);
      for (const [key] of entries) {
        const problem = typeof key === 'string' ? textProblemOf(key) : undefined;
        if (problem) return { ...problem, path: pathOf({ value: key, parent: frame, key, depth }, prefix) };
      }
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        const [key, item] = entries[i] as [string | number, unknown];
        stack.push({ value: item, parent: frame, key, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

/** A fault as a reason, in Bahasa Indonesia and English, naming the field. */
export function jsonFaultReason(fault: JsonFault): { id: string; en: string } {
  switch (fault.kind) {
    case 'too-deep':
      return {
        id: `Data bersarang lebih dari ${fault.maxDepth} tingkat (di ${fault.path})`,
        en: `The data nests deeper than ${fault.maxDepth} levels (at ${fault.path})`,
      };
    case 'control-character':
      return {
        id: `Kolom ${fault.path} berisi karakter kendali ${fault.codePoint} yang tidak diizinkan`,
        en: `The field ${fault.path} contains the control character ${fault.codePoint}, which is not allowed`,
      };
    case 'lone-surrogate':
      return {
        id: `Kolom ${fault.path} berisi surrogate UTF-16 tanpa pasangan (${fault.codePoint}): bukan teks yang sah`,
        en: `The field ${fault.path} contains an unpaired UTF-16 surrogate (${fault.codePoint}): not valid text`,
      };
    case 'noncharacter':
      return {
        id: `Kolom ${fault.path} berisi nonkarakter Unicode ${fault.codePoint} yang tidak diizinkan`,
        en: `The field ${fault.path} contains the Unicode noncharacter ${fault.codePoint}, which is not allowed`,
      };
    default: {
      const unknown: never = fault;
      return unknown;
    }
  }
}

/**
 * Refuses a command whose data or metadata holds a string that is no clean text, or nests too
 * deep, before any decision: a Temporal Update may come from any client, not only the API, and
 * such text would otherwise reach the event store, which cannot store it (defence in depth).
 */
export function refuseUncleanCommand(command: { readonly data: unknown; readonly metadata: unknown }): void {
  const fault = findJsonFault(command.data) ?? findJsonFault(command.metadata, { prefix: 'metadata' });
  if (!fault) return;
  const { id, en } = jsonFaultReason(fault);
  if (fault.kind === 'too-deep')
    fail('COMMAND.INVALID', id, en, { path: fault.path, maxDepth: fault.maxDepth });
  fail('COMMAND.INVALID_TEXT', id, en, { path: fault.path, problem: fault.kind, codePoint: fault.codePoint });
}
