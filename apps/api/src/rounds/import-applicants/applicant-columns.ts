import type { Cell } from './applicant-file';

/** A cell the importer could not turn into the value its column holds. */
export class CellError extends Error {
  constructor(readonly reason: { id: string; en: string }) {
    super(reason.en);
  }
}

const text = (cell: Cell): string | undefined =>
  cell === null ? undefined : cell instanceof Date ? isoDateOf(cell) : String(cell).trim() || undefined;
const key = (value: string): string => value.toLowerCase().replace(/[\s_.]+/g, '-');
const isoDateOf = (date: Date): string => date.toISOString().slice(0, 10);

/** A NIP as text: the 18 digits printed with or without spaces; a number Excel has already rounded is refused. */
function nip(cell: Cell): string | undefined {
  if (typeof cell === 'number' && !Number.isSafeInteger(cell)) {
    throw new CellError({
      id: 'NIP tersimpan sebagai angka dan sudah dibulatkan Excel: format kolom nip sebagai teks',
      en: 'The NIP is stored as a number Excel has rounded: format the nip column as text',
    });
  }
  return text(cell)?.replace(/\s+/g, '');
}

/** A number; a decimal comma (as Indonesian spreadsheets write it) is read as a point. Text that is no number is left for the schema to refuse. */
function number(cell: Cell): number | string | undefined {
  const value = typeof cell === 'number' ? cell : text(cell)?.replace(',', '.');
  return value === undefined || typeof value === 'number' || !/^-?\d+(\.\d+)?$/.test(value)
    ? value
    : Number(value);
}

/** A date: YYYY-MM-DD, DD/MM/YYYY or DD-MM-YYYY (day first, as Indonesian offices write it), or an Excel date. */
function date(cell: Cell): string | undefined {
  if (cell instanceof Date) return isoDateOf(cell);
  // An Excel date serial (days since 1899-12-30) in a cell without a date format.
  if (typeof cell === 'number')
    return isoDateOf(new Date(Date.UTC(1899, 11, 30) + Math.round(cell) * 86_400_000));
  const value = text(cell);
  const dayFirst = value && /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(value);
  return dayFirst
    ? `${dayFirst[3]}-${dayFirst[2]?.padStart(2, '0')}-${dayFirst[1]?.padStart(2, '0')}`
    : value;
}

/** Pangkat/golongan: `IV/a`, also written `iv/a` or `Pembina, IV/a`. */
const rank = (cell: Cell): string | undefined => {
  const value = text(cell);
  const match = value && /\b(III|IV)\s*\/\s*([a-e])\b/i.exec(value);
  return match ? `${match[1]?.toUpperCase()}/${match[2]?.toLowerCase()}` : value;
};

const EDUCATION: Record<string, string> = {
  sma: 'SMA',
  smk: 'SMA',
  d3: 'D-III',
  diii: 'D-III',
  'd-iii': 'D-III',
  d4: 'D-IV',
  div: 'D-IV',
  'd-iv': 'D-IV',
  s1: 'S1',
  s2: 'S2',
  s3: 'S3',
};
const education = (cell: Cell): string | undefined => {
  const value = text(cell);
  return value ? (EDUCATION[value.toLowerCase().replace(/\s+/g, '')] ?? value) : value;
};

const PRIOR_POST: Record<string, string> = {
  'fungsional-ahli-madya': 'functional-ahli-madya',
  'jf-ahli-madya': 'functional-ahli-madya',
  'ahli-madya': 'functional-ahli-madya',
  lainnya: 'other',
  lain: 'other',
};
const priorPostKind = (cell: Cell): string | undefined => {
  const value = text(cell);
  return value ? (PRIOR_POST[key(value)] ?? key(value)) : value;
};

/** Indonesian names of the documents of an application, beside the API's own codes. */
const DOCUMENT: Record<string, string> = {
  'surat-lamaran': 'application-letter',
  'daftar-riwayat-hidup': 'cv',
  drh: 'cv',
  'rekomendasi-ppk': 'home-ppk-recommendation',
  'surat-inspektorat': 'inspectorate-statement',
  'pakta-integritas': 'integrity-pact',
  lhkpn: 'asset-declaration',
  foto: 'photo',
  'surat-sehat': 'health-certificate',
  'surat-sehat-jiwa': 'mental-health-certificate',
  'bebas-narkoba': 'drug-free-certificate',
  spt: 'tax-return',
  'sertifikat-pim': 'leadership-training-certificate',
};
/** The documents handed in, separated by commas, semicolons, bars or line breaks; an empty cell is none. */
const documents = (cell: Cell): string[] =>
  (text(cell) ?? '')
    .split(/[,;|\n]+/)
    .map((d) => d.trim())
    .filter(Boolean)
    .map((d) => DOCUMENT[key(d)] ?? key(d));

const YES = new Set(['ya', 'y', 'yes', 'true', '1', 'x', 'v']);
const NO = new Set(['tidak', 't', 'no', 'n', 'false', '0', '-']);
const flag = (cell: Cell): boolean | string | undefined => {
  if (typeof cell === 'boolean') return cell;
  const value = text(cell)?.toLowerCase();
  return value === undefined ? undefined : YES.has(value) ? true : NO.has(value) ? false : value;
};

/** One column of the import format: its name, the other names it is known by, where it goes in RegisterApplicant's body, how a cell reads. */
export interface Column {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly path: readonly string[];
  readonly required: boolean;
  readonly read: (cell: Cell) => unknown;
}

const column = (
  name: string,
  path: string,
  read: (cell: Cell) => unknown,
  aliases: string[],
  required = true,
): Column => ({ name, aliases, path: path.split('.'), required, read });

/** The import format (docs/api.md): Indonesian headers first, English ones (the API's field names) accepted too. */
export const COLUMNS: readonly Column[] = [
  column('jabatan', 'postId', text, ['kode_jabatan', 'post', 'post_id', 'postid']),
  column(
    'id_pelamar',
    'applicantId',
    text,
    ['no_pendaftaran', 'nomor_pendaftaran', 'applicant_id', 'applicantid'],
    false,
  ),
  column('nip', 'applicant.nip', nip, []),
  column('nama', 'applicant.name', text, ['nama_lengkap', 'name']),
  column('instansi_asal', 'applicant.homeAgency', text, ['instansi', 'home_agency', 'homeagency']),
  column('pangkat', 'applicant.rank', rank, ['golongan', 'pangkat_golongan', 'rank']),
  column('pendidikan', 'applicant.education', education, ['pendidikan_terakhir', 'education']),
  column('pengalaman_tahun', 'applicant.relatedExperienceYears', number, [
    'pengalaman',
    'related_experience_years',
    'relatedexperienceyears',
  ]),
  column('jenis_jabatan_terakhir', 'applicant.priorPost.kind', priorPostKind, [
    'prior_post_kind',
    'priorpostkind',
  ]),
  column('jabatan_terakhir', 'applicant.priorPost.title', text, ['prior_post_title', 'priorposttitle']),
  column('lama_jabatan_terakhir', 'applicant.priorPost.years', number, [
    'masa_jabatan_terakhir',
    'prior_post_years',
    'priorpostyears',
  ]),
  column('tanggal_lahir', 'applicant.dateOfBirth', date, ['tgl_lahir', 'date_of_birth', 'dateofbirth']),
  column('dokumen', 'applicant.documents', documents, ['berkas', 'documents']),
  column('diundang', 'invited', flag, ['undangan', 'invited'], false),
];

/** A header cell as a column name: lower case, spaces, dashes and dots as underscores ("Tanggal Lahir" is tanggal_lahir). */
export const headerKey = (header: string): string =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s.-]+/g, '_');

const BY_NAME = new Map(COLUMNS.flatMap((c) => [c.name, ...c.aliases].map((name) => [name, c] as const)));

/** The column a header cell names, if any. */
export const columnNamed = (header: string): Column | undefined => BY_NAME.get(headerKey(header));
