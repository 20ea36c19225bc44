import { deflateRawSync } from 'node:zlib';
import { ProblemException } from '../../problem/problem-details.filter';
import { readSheet, type Sheet } from './applicant-file';
import { gate, LIMITS } from './import-limits';
import {
  deflatedRepeat,
  sheetXml,
  workbookAround,
  workbookFrame,
  workbookOf,
  zipOf,
} from './workbook.test-helper';

/** What readSheet answers: the sheet, or the problem it refused the file with. */
async function read(bytes: Buffer): Promise<Sheet | ProblemException['problem']> {
  try {
    return await readSheet(bytes);
  } catch (error) {
    if (error instanceof ProblemException) return error.problem;
    throw error;
  }
}

const HEADER = ['jabatan', 'nip', 'nama'];
const OPEN =
  '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const CLOSE = '</sheetData></worksheet>';
const rowXml = '<row><c t="inlineStr"><is><t>dinkes</t></is></c><c t="inlineStr"><is><t>1</t></is></c></row>';

describe('the XLSX reader', () => {
  it('reads the first sheet: shared and inline text, numbers, booleans, dates, blank rows keeping their numbers', async () => {
    const rows = [
      HEADER,
      ['dinkes', 197505052000032000, 'Siti'],
      [],
      ['dinkes', '1975', true, new Date(Date.UTC(1972, 7, 17))],
    ];
    for (const inline of [false, true]) {
      expect(await read(workbookOf([rows, [['not read']]], { inline }))).toEqual({
        format: 'xlsx',
        header: HEADER,
        rows: [
          { row: 2, cells: ['dinkes', 197505052000032000, 'Siti'] },
          { row: 4, cells: ['dinkes', '1975', true, new Date(Date.UTC(1972, 7, 17))] },
        ],
      });
    }
  });

  it('reads rows and cells without `r`, prefixed tags, rich text without its phonetic guide, and escapes', async () => {
    const sheet = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
      <x:row><x:c t="inlineStr"><x:is><x:t>jabatan</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>nama</x:t></x:is></x:c></x:row>
      <x:row><x:c t="str"><x:f>A1</x:f><x:v>dinkes</x:v></x:c><x:c t="inlineStr"><x:is><x:r><x:t>Siti </x:t></x:r><x:r><x:t>A&amp;B_x000D_</x:t></x:r><x:rPh><x:t>ignored</x:t></x:rPh></x:is></x:c></x:row>
    </x:sheetData></x:worksheet>`;
    const bytes = zipOf([...workbookFrame(1, false), { name: 'xl/worksheets/sheet1.xml', data: sheet }]);
    expect(await read(bytes)).toMatchObject({
      header: ['jabatan', 'nama'],
      rows: [{ row: 2, cells: ['dinkes', 'Siti A&B\r'] }],
    });
  });

  it('reads dates by a built-in format and in the 1904 date system', async () => {
    const frame = workbookFrame(1, false).map((entry) =>
      entry.name === 'xl/workbook.xml'
        ? { ...entry, data: String(entry.data).replace('<sheets>', '<workbookPr date1904="1"/><sheets>') }
        : entry.name === 'xl/styles.xml'
          ? {
              ...entry,
              data: String(entry.data).replace(
                'numFmtId="164" applyNumberFormat',
                'numFmtId="14" applyNumberFormat',
              ),
            }
          : entry,
    );
    // 1972-08-17 is day 25,066 counted from 1904-01-01.
    const sheet = `${OPEN}<row><c t="inlineStr"><is><t>tanggal_lahir</t></is></c></row><row><c s="1"><v>25066</v></c><c><v>25066</v></c></row>${CLOSE}`;
    expect(await read(zipOf([...frame, { name: 'xl/worksheets/sheet1.xml', data: sheet }]))).toMatchObject({
      rows: [{ row: 2, cells: [new Date(Date.UTC(1972, 7, 17)), 25066] }],
    });
  });

  it('refuses a file larger than an upload may be, whatever its kind', async () => {
    expect(await read(Buffer.alloc(LIMITS.fileBytes + 1, 'a'))).toMatchObject({
      status: 413,
      code: 'IMPORT.TOO_LARGE',
      details: { limit: 'fileBytes', max: LIMITS.fileBytes },
    });
  });

  it('refuses a ZIP of more entries than a workbook has, before reading one', async () => {
    const many = Array.from({ length: LIMITS.zipEntries + 1 }, (_, i) => ({ name: `x/${i}`, data: '' }));
    expect(await read(zipOf([...workbookFrame(1, false), ...many]))).toMatchObject({
      status: 413,
      code: 'IMPORT.TOO_MANY_ENTRIES',
      details: { limit: 'zipEntries', max: LIMITS.zipEntries },
    });
  });

  it('refuses a part whose declared size breaks the budget without expanding it', async () => {
    // Not deflate data at all: expanding it would fail as unreadable (415), so a 413 shows it was never expanded.
    const bytes = workbookAround({ data: Buffer.from('not deflate data'), declaredSize: 400 * 1024 * 1024 });
    expect(await read(bytes)).toMatchObject({
      status: 413,
      code: 'IMPORT.EXPANDS_TOO_MUCH',
      details: {
        limit: 'expandedBytes',
        max: LIMITS.expandedBytes,
        entry: 'xl/worksheets/sheet1.xml',
        declaredBytes: 400 * 1024 * 1024,
      },
    });
  });

  it('stops expanding a part at the size it declares, whatever it would expand to', async () => {
    const bomb = await deflatedRepeat(OPEN, ' '.repeat(1024), 200 * 1024, CLOSE);
    expect(bomb.size).toBeGreaterThan(200 * 1024 * 1024);
    const started = process.hrtime.bigint();
    expect(await read(workbookAround({ data: bomb.data, declaredSize: 1024 * 1024 }))).toMatchObject({
      status: 413,
      code: 'IMPORT.EXPANDS_TOO_MUCH',
      details: { entry: 'xl/worksheets/sheet1.xml', declaredBytes: 1024 * 1024 },
    });
    // Expanding 200 MB takes seconds; stopping at 1 MB, milliseconds.
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(1_000);
  });

  it('takes the header and 2,000 rows, and refuses the 2,001st as soon as it is read', async () => {
    const sheet = (rows: number) => deflateRawSync(OPEN + rowXml.repeat(rows) + CLOSE);
    const exact = await read(
      workbookAround({
        data: sheet(LIMITS.rows + 1),
        declaredSize: OPEN.length + rowXml.length * (LIMITS.rows + 1) + CLOSE.length,
      }),
    );
    expect(exact).toMatchObject({ rows: expect.any(Array) });
    expect((exact as Sheet).rows).toHaveLength(LIMITS.rows);
    // Hundreds of MB of rows declared as 15 MB: the row limit stops the reading long before either.
    const bomb = await deflatedRepeat(OPEN, rowXml, 3_000_000, CLOSE);
    expect(await read(workbookAround({ data: bomb.data, declaredSize: 15 * 1024 * 1024 }))).toMatchObject({
      status: 413,
      code: 'IMPORT.TOO_MANY_ROWS',
      details: { limit: 'rows', max: LIMITS.rows },
    });
  });

  it('refuses too many cells, a value past the last column, and a cell longer than Excel allows', async () => {
    const wide = Array.from({ length: 200 }, () => 'x');
    const rows = Array.from({ length: LIMITS.cells / 200 + 1 }, () => wide);
    expect(await read(workbookOf([rows], { inline: true }))).toMatchObject({
      status: 413,
      code: 'IMPORT.TOO_MANY_CELLS',
      details: { limit: 'cells' },
    });
    const far = `${OPEN}<row r="1"><c r="IW1" t="inlineStr"><is><t>x</t></is></c></row>${CLOSE}`;
    expect(
      await read(zipOf([...workbookFrame(1, false), { name: 'xl/worksheets/sheet1.xml', data: far }])),
    ).toMatchObject({
      code: 'IMPORT.TOO_MANY_CELLS',
      details: { limit: 'columns', max: 256 },
    });
    const long = 'x'.repeat(LIMITS.cellChars + 1);
    for (const inline of [false, true])
      expect(await read(workbookOf([[HEADER, ['dinkes', '1', long]]], { inline }))).toMatchObject({
        status: 413,
        code: 'IMPORT.CELL_TOO_LONG',
        details: { limit: 'cellChars' },
      });
    expect(await read(Buffer.from(`jabatan,nip,nama\ndinkes,1,${long}\n`))).toMatchObject({
      code: 'IMPORT.CELL_TOO_LONG',
    });
    // 100 MB of one string declared as 8 MB: refused for its length within the first pieces of text, not at 8 MB.
    const huge = await deflatedRepeat(
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>',
      'a'.repeat(1024),
      100 * 1024,
      '</t></si></sst>',
    );
    const sheet = { name: 'xl/worksheets/sheet1.xml', data: sheetXml([HEADER]) };
    expect(
      await read(
        zipOf([
          ...workbookFrame(1, true),
          sheet,
          { name: 'xl/sharedStrings.xml', raw: true, data: huge.data, declaredSize: 8 * 1024 * 1024 },
        ]),
      ),
    ).toMatchObject({ code: 'IMPORT.CELL_TOO_LONG' });
    expect((await read(workbookOf([[HEADER, ['dinkes', '1', long.slice(1)]]]))) as Sheet).toMatchObject({
      rows: [{ row: 2 }],
    });
  });

  it('refuses a shared string table longer than the cells a file may hold', async () => {
    const strings = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${'<si><t>a</t></si>'.repeat(LIMITS.cells + 1)}</sst>`;
    const bytes = zipOf([
      ...workbookFrame(1, true),
      { name: 'xl/worksheets/sheet1.xml', data: sheetXml([HEADER]) },
      { name: 'xl/sharedStrings.xml', data: strings },
    ]);
    expect(await read(bytes)).toMatchObject({
      status: 413,
      code: 'IMPORT.TOO_MANY_CELLS',
      details: { limit: 'cells' },
    });
  });

  it('refuses entity declarations and unknown entities as an unreadable workbook, expanding none', async () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>${OPEN}<row><c t="inlineStr"><is><t>&b;</t></is></c></row>${CLOSE}`;
    const nbsp = `${OPEN}<row><c t="inlineStr"><is><t>&nbsp;</t></is></c></row>${CLOSE}`;
    for (const data of [lol, nbsp])
      expect(
        await read(zipOf([...workbookFrame(1, false), { name: 'xl/worksheets/sheet1.xml', data }])),
      ).toMatchObject({ status: 415, code: 'IMPORT.UNSUPPORTED_FORMAT' });
  });

  it('expands at most the given number of workbooks at once, the others in turn', async () => {
    const run = gate(2);
    let running = 0;
    let most = 0;
    const task = async (): Promise<number> => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
      return most;
    };
    await Promise.all(Array.from({ length: 10 }, () => run(task)));
    expect(most).toBe(2);
    await expect(run(() => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(await run(task)).toBe(2);
  });
});
