import { LIMITS, limitProblem } from './import-limits';
import type { SheetCollector } from './sheet-collector';
import { attribute, readXml, relationships } from './xml-part';
import { NotAWorkbook, type ZipParts } from './zip-parts';

/** Where a workbook's first sheet and the parts it needs are, and whether its dates count from 1904. */
export interface WorkbookMap {
  readonly sheet: string;
  readonly sharedStrings?: string;
  readonly styles?: string;
  readonly date1904: boolean;
}

const OFFICE_DOCUMENT = /\/officeDocument$/;
const typed = (suffix: string) => (rel: { type: string }) => rel.type.endsWith(suffix);

/** Reads `_rels/.rels`, the workbook and its relationships: which sheet comes first, where strings and styles are. */
export async function workbookMap(zip: ZipParts): Promise<WorkbookMap> {
  const workbook =
    (await relationships(zip, '')).find((rel) => OFFICE_DOCUMENT.test(rel.type))?.target ?? 'xl/workbook.xml';
  let firstSheet: string | undefined;
  let date1904 = false;
  await readXml(zip, workbook, {
    open(name, attributes) {
      if (name === 'sheet') firstSheet ??= attribute(attributes, 'id');
      if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attribute(attributes, 'date1904') ?? '');
    },
  });
  const rels = await relationships(zip, workbook);
  const sheet = rels.find((rel) => rel.id === firstSheet)?.target;
  if (!sheet || !zip.has(sheet)) throw new NotAWorkbook('the workbook has no sheet');
  const sharedStrings = rels.find(typed('/sharedStrings'))?.target;
  const styles = rels.find(typed('/styles'))?.target;
  return {
    sheet,
    date1904,
    ...(sharedStrings && zip.has(sharedStrings) ? { sharedStrings } : {}),
    ...(styles && zip.has(styles) ? { styles } : {}),
  };
}

/** Excel's `_xHHHH_` escape (ST_Xstring): `_x000D_` is a carriage return, `_x005F_` an underscore, `_x0000_` a NUL that the text rule then refuses. */
export const unescapeXstring = (text: string): string =>
  text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/**
 * Collects the text of `<t>` elements between an opening and a closing tag (a shared string
 * `<si>`, an inline string `<is>`), rich-text runs joined, phonetic guides (`<rPh>`) left out;
 * its length checked as it grows.
 */
export class RunText {
  private text: string | undefined;
  private inT = false;
  private inPhonetic = false;

  constructor(private readonly checkLength: (chars: number) => void) {}

  open(name: string): void {
    if (name === 'rPh') this.inPhonetic = true;
    else if (name === 't' && !this.inPhonetic) this.inT = true;
  }

  close(name: string): void {
    if (name === 'rPh') this.inPhonetic = false;
    else if (name === 't') this.inT = false;
  }

  add(text: string): void {
    if (!this.inT) return;
    this.text = (this.text ?? '') + text;
    // An escape is seven characters for one: the raw text may be up to seven times a cell's length.
    this.checkLength(this.text.length / 7);
  }

  /** The text collected since the last take, unescaped (undefined if there was no `<t>`), and a fresh start. */
  take(): string | undefined {
    const text = this.text;
    this.text = undefined;
    if (text === undefined) return undefined;
    const value = unescapeXstring(text);
    this.checkLength(value.length);
    return value;
  }
}

/** The shared strings table, each `<si>` as one string; at most LIMITS.cells of them. */
export async function sharedStrings(zip: ZipParts, part: string, cells: SheetCollector): Promise<string[]> {
  const strings: string[] = [];
  const run = new RunText((chars) => cells.length(chars));
  await readXml(zip, part, {
    open: (name) => run.open(name),
    close(name) {
      run.close(name);
      if (name !== 'si') return;
      if (strings.length >= LIMITS.cells)
        throw limitProblem('cells', {
          id: `Tabel teks bersama berkas XLSX memuat lebih dari ${LIMITS.cells} teks: pecah berkasnya.`,
          en: `The XLSX shared string table holds more than ${LIMITS.cells} strings: split the file.`,
        });
      strings.push(run.take() ?? '');
    },
    text: (text) => run.add(text),
  });
  return strings;
}

/** Excel's built-in number formats that show a date or time. */
const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** A custom format shows a date when, quoted text, `[...]` sections and escaped characters aside, it has a day, month, year, hour or second. */
const isDateFormat = (code: string): boolean => /[dmyhs]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));

/** For each cell style (`s`), whether its number format shows a date. */
export async function dateStyles(zip: ZipParts, part: string): Promise<boolean[]> {
  const custom = new Map<number, boolean>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  await readXml(zip, part, {
    open(name, attributes) {
      const id = Number(attributes['numFmtId'] ?? 0);
      if (name === 'numFmt') custom.set(id, isDateFormat(attributes['formatCode'] ?? ''));
      else if (name === 'cellXfs') inCellXfs = true;
      // Excel keeps at most 64,000 cell formats; a cell naming one past them is read as a number.
      else if (name === 'xf' && inCellXfs && styles.length < 64_000)
        styles.push(custom.get(id) ?? BUILT_IN_DATES.has(id));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return styles;
}
