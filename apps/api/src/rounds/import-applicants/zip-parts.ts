import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { fromBuffer, type Entry, type ZipFile } from 'yauzl';
import { ProblemException } from '../../problem/problem-details.filter';
import { LIMITS, limitProblem } from './import-limits';

/** The file is a ZIP archive (or claims to be) but not one a workbook can be read from. */
export class NotAWorkbook extends Error {}

const mib = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * The entries of an XLSX (ZIP) file as its central directory lists them, each expanded on demand
 * as UTF-8 text in pieces. Nothing is expanded that does not fit the budget of LIMITS.expandedBytes
 * by its declared size, and an entry that expands past its declared size is cut off there: the
 * declared size is a promise the inflater holds the entry to, not a figure the reader trusts.
 */
export class ZipParts {
  private spent = 0;

  private constructor(
    private readonly zip: ZipFile,
    private readonly entries: ReadonlyMap<string, Entry>,
  ) {}

  /** Lists the entries of a ZIP held in memory: at most LIMITS.zipEntries, or 413 before any is read. */
  static async open(bytes: Buffer): Promise<ZipParts> {
    const zip = await new Promise<ZipFile>((resolve, reject) =>
      fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: false }, (error, file) =>
        error ? reject(new NotAWorkbook(error.message)) : resolve(file),
      ),
    );
    if (zip.entryCount > LIMITS.zipEntries)
      throw limitProblem(
        'zipEntries',
        {
          id: `Berkas XLSX berisi ${zip.entryCount} entri ZIP; paling banyak ${LIMITS.zipEntries}: simpan ulang buku kerja dari Excel.`,
          en: `The XLSX file holds ${zip.entryCount} ZIP entries; at most ${LIMITS.zipEntries} are read: save the workbook again from Excel.`,
        },
        { found: zip.entryCount },
      );
    const entries = new Map<string, Entry>();
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: Entry) => {
        // Two entries of one name: which one Excel would read is anyone's guess.
        if (entries.has(entry.fileName))
          return reject(new NotAWorkbook(`two entries named ${entry.fileName}`));
        entries.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.on('end', resolve);
      zip.on('error', (error: Error) => reject(new NotAWorkbook(error.message)));
      zip.readEntry();
    });
    return new ZipParts(zip, entries);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** Expands one entry, handing its text on piece by piece; 413 before it starts if its declared size breaks the budget, or as soon as it outgrows that size. */
  async text(name: string, onText: (text: string) => void): Promise<void> {
    const entry = this.entries.get(name);
    if (!entry) throw new NotAWorkbook(`no entry ${name}`);
    const declared = entry.uncompressedSize;
    if (this.spent + declared > LIMITS.expandedBytes)
      throw limitProblem(
        'expandedBytes',
        {
          id: `Isi berkas XLSX mengembang melebihi ${mib(LIMITS.expandedBytes)} (${name}: ${mib(declared)}): simpan hanya lembar pelamar.`,
          en: `The XLSX file expands to more than ${mib(LIMITS.expandedBytes)} (${name}: ${mib(declared)}): save the applicant sheet alone.`,
        },
        { entry: name, declaredBytes: declared },
      );
    this.spent += declared;
    const stream = await new Promise<Readable>((resolve, reject) =>
      this.zip.openReadStream(entry, (error, readable) =>
        error ? reject(new NotAWorkbook(error.message)) : resolve(readable),
      ),
    );
    const decoder = new StringDecoder('utf8');
    let expanded = 0;
    let fromReader: unknown;
    const hand = (text: string): void => {
      try {
        onText(text);
      } catch (error) {
        fromReader = error;
        throw error;
      }
    };
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        expanded += chunk.length;
        if (expanded > declared)
          throw limitProblem(
            'expandedBytes',
            {
              id: `Entri ${name} berkas XLSX mengembang melebihi ukuran yang dinyatakannya (${declared} bita): berkas rusak atau dibuat untuk menyerang.`,
              en: `The XLSX entry ${name} expands beyond the ${declared} bytes it declares: the file is corrupt or hostile.`,
            },
            { entry: name, declaredBytes: declared },
          );
        hand(decoder.write(chunk));
      }
    } catch (error) {
      // The reader's own refusals (and bugs) go on as they are; what the inflater says means a broken file.
      if (error === fromReader || error instanceof ProblemException) throw error;
      throw new NotAWorkbook(error instanceof Error ? error.message : String(error));
    } finally {
      stream.destroy();
    }
    onText(decoder.end());
  }
}
