import { ProblemException } from '../../problem/problem-details.filter';
import { readSheet } from './applicant-file';
import { workbookOf } from './workbook.test-helper';

/** The problem readSheet refused the file with, or undefined when it read the file. */
async function refusal(bytes: Buffer): Promise<ProblemException['problem'] | undefined> {
  try {
    await readSheet(bytes);
    return undefined;
  } catch (error) {
    if (error instanceof ProblemException) return error.problem;
    throw error;
  }
}

/** A workbook of one sheet, its text shared (as Excel writes it) or inline (as other writers do): both are read alike. */
const xlsx = async (rows: unknown[][], inline = false): Promise<Buffer> => workbookOf([rows], { inline });

describe('an uploaded file with text no person types', () => {
  it('refuses a CSV with a NUL, a lone surrogate or a noncharacter in a cell, naming row and column', async () => {
    const csv = (cell: string) =>
      Buffer.from(`jabatan,nama,Instansi Asal\r\ndinkes,Siti,Pemkab\r\ndinkes,${cell},Pemkab\r\n`, 'utf8');
    expect(await refusal(csv('Budi\0Santoso'))).toMatchObject({
      status: 400,
      code: 'REQUEST.INVALID',
      errors: [{ path: 'rows[3].nama', message: expect.stringContaining('U+0000') }],
    });
    expect(await refusal(csv('Budi\uffffSantoso'))).toMatchObject({
      errors: [{ path: 'rows[3].nama', message: expect.stringContaining('noncharacter U+FFFF') }],
    });
    expect(
      await refusal(Buffer.from('jabatan,nama,Instansi Asal\ndinkes,Siti,Pemkab\x1b[2J\n')),
    ).toMatchObject({ errors: [{ path: 'rows[2]["Instansi Asal"]' }] });
    expect(await refusal(csv('Budi Santoso'))).toBeUndefined();
  });

  it('refuses a bad header cell by its column letter, and names every bad cell up to 20', async () => {
    expect(await refusal(Buffer.from('jabatan,nama,x\x7f\ndinkes,Siti,1\n'))).toMatchObject({
      errors: [{ path: 'rows[1].C' }],
    });
    const many = ['jabatan,nama', ...Array.from({ length: 30 }, (_, i) => `dinkes,nama\x01${i}`)].join('\n');
    const problem = await refusal(Buffer.from(many));
    expect(problem?.errors).toHaveLength(20);
    expect(problem?.errors?.[19]?.path).toBe('rows[21].nama');
    expect(problem?.detail).toContain('at least 20');
  });

  it('still refuses a binary or UTF-16 file as a format, not as a cell', async () => {
    expect(await refusal(Buffer.from('jabatan,nama\n', 'utf16le'))).toMatchObject({
      status: 415,
      code: 'IMPORT.UNSUPPORTED_FORMAT',
    });
  });

  it('refuses an XLSX cell holding _x0000_, which the format decodes into U+0000', async () => {
    const header = ['jabatan', 'nip', 'nama'];
    expect(
      await refusal(await xlsx([header, ['dinkes', '1', 'Siti'], ['dinkes', '2', 'Budi_x0000_Santoso']])),
    ).toMatchObject({
      status: 400,
      code: 'REQUEST.INVALID',
      errors: [{ path: 'rows[3].nama', message: expect.stringContaining('U+0000') }],
    });
    expect(await refusal(await xlsx([header, ['dinkes', '1', '_x0000_']]))).toMatchObject({
      errors: [{ path: 'rows[2].nama' }],
    });
    expect(
      await refusal(
        await xlsx([
          [...header, 'catatan_x001B_'],
          ['dinkes', '1', 'Siti', 'x'],
        ]),
      ),
    ).toMatchObject({ errors: [{ path: 'rows[1].D' }] });
    expect(await refusal(await xlsx([header, ['dinkes', '1', 'Siti_x0041_']]))).toBeUndefined();
    expect(await refusal(await xlsx([header, ['dinkes', '1', 'Budi_x0000_Santoso']], true))).toMatchObject({
      errors: [{ path: 'rows[2].nama' }],
    });
    // `_x005F_` is an escaped underscore: what follows it is text, not an escape.
    expect(await refusal(await xlsx([header, ['dinkes', '1', 'Siti_x005F_x0000_']], true))).toBeUndefined();
  });
});
