import fc from 'fast-check';
import { findJsonFault, jsonFaultReason, MAX_NESTING, textProblemOf } from './text';
import { tryDecide } from '../round/decide';
import { tryDecideRotation } from '../rotation/decide';
import { initialRotationState } from '../rotation/types';
import { RoundBuilder } from '../testing/builder';
import { anApplicant, command, meta, nipOf } from '../testing/fixtures';

/** Every code point the rule refuses, as the strings that carry it. */
const CONTROLS = [...Array.from({ length: 0x20 }, (_, i) => i).filter((c) => ![9, 10, 13].includes(c)), 0x7f];
const NONCHARACTERS = [
  ...Array.from({ length: 32 }, (_, i) => 0xfdd0 + i),
  ...Array.from({ length: 17 }, (_, plane) => [plane * 0x10000 + 0xfffe, plane * 0x10000 + 0xffff]).flat(),
];

const nested = (depth: number, leaf: unknown): unknown => {
  let value = leaf;
  for (let i = 0; i < depth; i += 1) value = i % 2 ? [value] : { a: value };
  return value;
};

describe('text rule: textProblemOf', () => {
  it('refuses each C0 control but tab, LF and CR, and DEL', () => {
    for (const c of CONTROLS) {
      expect(textProblemOf(`Budi${String.fromCharCode(c)}Santoso`)).toEqual({
        kind: 'control-character',
        codePoint: `U+${c.toString(16).toUpperCase().padStart(4, '0')}`,
      });
    }
    expect(textProblemOf('baris satu\r\nbaris\tdua\n')).toBeUndefined();
  });

  it('refuses a lone high or low surrogate, wherever it stands, and takes a pair', () => {
    for (const s of ['\ud800', 'a\udbff', '\udc00b', 'x\udfffy', '\ude00\ud83d', '😀\ud83d']) {
      expect(textProblemOf(s)?.kind).toBe('lone-surrogate');
    }
    expect(textProblemOf('\ud800')?.codePoint).toBe('U+D800');
    expect(textProblemOf('Selamat 😀 𝔸 𠀀')).toBeUndefined();
  });

  it('refuses all 66 noncharacters, in every plane, and nothing next to them', () => {
    expect(NONCHARACTERS).toHaveLength(66);
    for (const c of NONCHARACTERS)
      expect(textProblemOf(`a${String.fromCodePoint(c)}`)?.kind).toBe('noncharacter');
    expect(textProblemOf(String.fromCodePoint(0x10ffff))?.codePoint).toBe('U+10FFFF');
    for (const c of [0xfdcf, 0xfdf0, 0xfffd, 0x1fffd, 0x20000, 0x10fffd]) {
      expect(textProblemOf(String.fromCodePoint(c))).toBeUndefined();
    }
  });

  it('takes any well-formed text of allowed code points (C1 controls and Indonesian letters included)', () => {
    const allowed = fc
      .integer({ min: 0, max: 0x10ffff })
      .filter((c) => ![...CONTROLS, ...NONCHARACTERS].includes(c) && (c < 0xd800 || c > 0xdfff))
      .map((c) => String.fromCodePoint(c));
    fc.assert(fc.property(fc.array(allowed), (chars) => textProblemOf(chars.join('')) === undefined));
  });

  it('finds a forbidden code point inserted anywhere into clean text', () => {
    const bad = fc.constantFrom(
      ...[...CONTROLS, ...NONCHARACTERS].map((c) => String.fromCodePoint(c)),
      '\ud800',
      '\udfff',
    );
    const text = fc.string({ unit: 'grapheme' });
    fc.assert(
      fc.property(text, bad, text, (before, poison, after) => {
        const found = textProblemOf(`${before}${poison}${after}`);
        return (
          found !== undefined &&
          (textProblemOf(before) !== undefined || found.codePoint === textProblemOf(poison)?.codePoint)
        );
      }),
    );
  });
});

describe('text rule: findJsonFault', () => {
  it('names the first bad string by its path, values and keys alike, in document order', () => {
    expect(findJsonFault({ applicant: { nip: '1', name: 'Budi\u0000Santoso' } })).toEqual({
      kind: 'control-character',
      path: 'applicant.name',
      codePoint: 'U+0000',
    });
    expect(
      findJsonFault({ findings: [{ note: 'ok' }, { note: 'ok' }, { note: '\ud800' }], reason: '\u0001' }),
    ).toMatchObject({ kind: 'lone-surrogate', path: 'findings[2].note' });
    expect(findJsonFault(['ok', ['fine', '\uffff']])).toMatchObject({ kind: 'noncharacter', path: '[1][1]' });
    expect(findJsonFault('\u007f')).toMatchObject({ path: '(root)' });
    expect(findJsonFault({ actor: { id: '\u001b[31m' } }, { prefix: 'metadata' })).toMatchObject({
      path: 'metadata.actor.id',
    });
  });

  it('names a bad key in printable ASCII, so the path itself can be stored and shown', () => {
    const fault = findJsonFault({ data: { 'nama\u0000"lengkap': 'x' } });
    expect(fault).toEqual({
      kind: 'control-character',
      path: 'data["nama\\u0000\\"lengkap"]',
      codePoint: 'U+0000',
    });
    expect(textProblemOf(fault?.path ?? '')).toBeUndefined();
    expect(findJsonFault({ 'kunci aman': { ['x'.repeat(500) + '\ud800']: 1 } })?.path).toBe(
      `["kunci aman"]["${'x'.repeat(64)}..."]`,
    );
  });

  it('takes clean values, numbers, booleans and null', () => {
    expect(
      findJsonFault({ a: [1, true, null, 'Kepala Dinas\tKesehatan\n'], b: { c: 'Ñoño 😀' } }),
    ).toBeUndefined();
    expect(findJsonFault(undefined)).toBeUndefined();
  });

  it(`refuses nesting past ${MAX_NESTING} levels and takes ${MAX_NESTING}`, () => {
    expect(findJsonFault(nested(MAX_NESTING, 'x'))).toBeUndefined();
    expect(findJsonFault(nested(MAX_NESTING + 1, 'x'))).toMatchObject({
      kind: 'too-deep',
      maxDepth: MAX_NESTING,
    });
    expect(findJsonFault(nested(3, 'x'), { maxDepth: 2 })).toEqual({
      kind: 'too-deep',
      path: 'a[0]',
      maxDepth: 2,
    });
  });

  it('walks 10,000 levels without overflowing the stack, even with no depth limit', () => {
    const deep = nested(10_000, '\u0000');
    expect(findJsonFault(deep)).toMatchObject({ kind: 'too-deep' });
    const fault = findJsonFault(deep, { maxDepth: Infinity });
    expect(fault).toMatchObject({ kind: 'control-character', codePoint: 'U+0000' });
    expect(fault?.path).toBe('[0].a'.repeat(5_000));
    const parsed: unknown = JSON.parse(`${'['.repeat(10_000)}"\\ud800"${']'.repeat(10_000)}`);
    expect(findJsonFault(parsed, { maxDepth: Infinity })?.kind).toBe('lone-surrogate');
  });

  it('finds a poisoned leaf in any JSON value, and nothing in the value without it', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.nat(), (value, at) => {
        if (findJsonFault(value, { maxDepth: Infinity }) !== undefined) return false;
        const slots: Array<{ holder: Record<string, unknown> | unknown[]; key: string | number }> = [];
        const stack: unknown[] = [value];
        for (let v = stack.pop(); v !== undefined; v = stack.pop()) {
          if (v === null || typeof v !== 'object') continue;
          for (const [k, child] of Object.entries(v)) {
            slots.push({ holder: v as Record<string, unknown>, key: Array.isArray(v) ? Number(k) : k });
            stack.push(child);
          }
        }
        const slot = slots[at % Math.max(slots.length, 1)];
        if (!slot) return true;
        Object.defineProperty(slot.holder, slot.key, {
          value: 'x\u0000',
          enumerable: true,
          writable: true,
          configurable: true,
        });
        return findJsonFault(value, { maxDepth: Infinity })?.kind === 'control-character';
      }),
    );
  });

  it('gives a reason in Bahasa Indonesia and English naming the field', () => {
    const reason = jsonFaultReason({ kind: 'lone-surrogate', path: 'applicant.name', codePoint: 'U+D800' });
    expect(reason.id).toContain('applicant.name');
    expect(reason.en).toContain('applicant.name');
    expect(reason.id).not.toEqual(reason.en);
  });
});

describe('text rule: the deciders refuse unclean commands (defence in depth)', () => {
  const announced = () => new RoundBuilder().announce();

  it('refuses a registration with a NUL, a lone surrogate or a noncharacter, naming the field', () => {
    const b = announced();
    for (const [name, kind] of [
      ['Budi\u0000Santoso', 'control-character'],
      ['\ud800', 'lone-surrogate'],
      ['Budi\ufdd0', 'noncharacter'],
    ] as const) {
      const register = command(
        'RegisterApplicant',
        { postId: 'dinkes', applicantId: 'dinkes-x', applicant: anApplicant(nipOf(90), { name }) },
        b.day(10),
      );
      expect(tryDecide(register, b.stream.state)).toMatchObject({
        ok: false,
        error: { code: 'COMMAND.INVALID_TEXT', details: { path: 'applicant.name', problem: kind } },
      });
    }
    const clean = command(
      'RegisterApplicant',
      { postId: 'dinkes', applicantId: 'dinkes-x', applicant: anApplicant(nipOf(90)) },
      b.day(10),
    );
    expect(tryDecide(clean, b.stream.state)).toMatchObject({ ok: true });
  });

  it('refuses bad text in a verdict finding, a reason and the metadata, before any other check', () => {
    const b = announced();
    const verdict = command(
      'RecordAdministrativeVerdict',
      {
        postId: 'dinkes',
        applicantId: 'nobody',
        findings: [
          { ruleId: 'R7', note: 'ok' },
          { ruleId: 'R7', note: '\uffff' },
        ],
      },
      b.day(30),
      'pansel',
    );
    expect(tryDecide(verdict, b.stream.state)).toMatchObject({
      ok: false,
      error: { code: 'COMMAND.INVALID_TEXT', details: { path: 'findings[1].note' } },
    });
    const cancel = { ...command('CancelRound', { reason: 'dibatalkan' }, b.day(12), 'ppk') };
    const spoofed = {
      ...cancel,
      metadata: { ...cancel.metadata, actor: { id: 'ppk\u0000', role: 'ppk' as const } },
    };
    expect(tryDecide(spoofed, b.stream.state)).toMatchObject({
      ok: false,
      error: { code: 'COMMAND.INVALID_TEXT', details: { path: 'metadata.actor.id' } },
    });
    // Refused even where the command would be refused anyway: the text is checked first.
    expect(
      tryDecide(command('CancelRound', { reason: 'x\u0000' }, '2024-09-02'), new RoundBuilder().stream.state),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'COMMAND.INVALID_TEXT',
        reason: { id: expect.stringContaining('reason'), en: expect.stringContaining('reason') },
      },
    });
  });

  it('refuses a command nested 10,000 levels deep with COMMAND.INVALID, without overflowing', () => {
    const cancel = command('CancelRound', { reason: nested(10_000, 'x') as string }, '2024-09-12', 'ppk');
    expect(tryDecide(cancel, announced().stream.state)).toMatchObject({
      ok: false,
      error: { code: 'COMMAND.INVALID' },
    });
  });

  it('refuses bad text in a rotation command, naming the field', () => {
    const plan = {
      type: 'PlanRotation' as const,
      data: {
        rotationId: 'rot-1',
        agency: 'Kabupaten Contoh',
        posts: [{ postId: 'p1', title: 'Kepala Dinas\u0000' }],
        incumbents: [],
      },
      metadata: meta('2021-03-22'),
    };
    expect(tryDecideRotation(plan, initialRotationState())).toMatchObject({
      ok: false,
      error: { code: 'COMMAND.INVALID_TEXT', details: { path: 'posts[0].title', codePoint: 'U+0000' } },
    });
    const clean = { ...plan, data: { ...plan.data, posts: [{ postId: 'p1', title: 'Kepala Dinas' }] } };
    expect(tryDecideRotation(clean, initialRotationState())).toMatchObject({ ok: true });
  });
});
