import { ProblemException } from '../../problem/problem-details.filter';
import { readSheet } from './applicant-file';
import { layoutOf, registrationOf } from './applicant-rows';

const HEADER = [
  'Jabatan',
  'NIP',
  'Nama',
  'Instansi Asal',
  'Golongan',
  'Pendidikan',
  'Pengalaman',
  'Jenis Jabatan Terakhir',
  'Jabatan Terakhir',
  'Lama Jabatan Terakhir',
  'Tgl Lahir',
  'Dokumen',
  'Undangan',
];
const row = (over: Record<number, string | number | Date | null> = {}) =>
  [
    'dinkes',
    '19750505 200003 1 001',
    'Siti',
    'Pemkab Contoh',
    'Pembina Tk. I, iv/b',
    'd4',
    '7,5',
    'Fungsional Ahli Madya',
    'Analis',
    3,
    '05-05-1975',
    'surat-lamaran; drh | foto',
    'Ya',
  ].map((cell, i) => (i in over ? (over[i] ?? null) : cell));

const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return error instanceof ProblemException ? error.problem.code : 'not a problem';
  }
  return undefined;
};

describe('an applicant row', () => {
  const layout = layoutOf(HEADER);

  it('reads headers in any case and spacing, and cells as offices write them', () => {
    expect(registrationOf(layout, row())).toEqual({
      data: {
        postId: 'dinkes',
        applicantId: 'dinkes-197505052000031001',
        invited: true,
        applicant: {
          nip: '197505052000031001',
          name: 'Siti',
          homeAgency: 'Pemkab Contoh',
          rank: 'IV/b',
          education: 'D-IV',
          relatedExperienceYears: 7.5,
          priorPost: { kind: 'functional-ahli-madya', title: 'Analis', years: 3 },
          dateOfBirth: '1975-05-05',
          documents: ['application-letter', 'cv', 'photo'],
        },
      },
    });
  });

  it('takes Excel dates and serials, and refuses a NIP stored as a rounded number', () => {
    const dated = (cell: Date | number) => registrationOf(layout, row({ 10: cell }));
    expect(dated(new Date(Date.UTC(1975, 4, 5)))).toMatchObject({
      data: { applicant: { dateOfBirth: '1975-05-05' } },
    });
    expect(dated(27519)).toMatchObject({ data: { applicant: { dateOfBirth: '1975-05-05' } } });
    expect(registrationOf(layout, row({ 1: 197505052000031000 }))).toMatchObject({
      fault: { field: 'NIP', reason: { en: expect.stringContaining('as text') } },
    });
  });

  it('names the column at fault as the header wrote it', () => {
    expect(registrationOf(layout, row({ 6: 'sepuluh' }))).toMatchObject({ fault: { field: 'Pengalaman' } });
    expect(registrationOf(layout, row({ 11: 'ktp' }))).toMatchObject({ fault: { field: 'Dokumen' } });
    expect(registrationOf(layout, row({ 12: 'mungkin' }))).toMatchObject({ fault: { field: 'Undangan' } });
    expect(registrationOf(layout, row({ 2: null }))).toMatchObject({
      fault: { field: 'Nama', errors: [{ field: 'Nama', message: expect.any(String) }] },
    });
  });

  it('refuses a header that lacks a column, names one twice, or is no header at all', () => {
    expect(codeOf(() => layoutOf(HEADER.filter((h) => h !== 'Dokumen')))).toBe('IMPORT.MISSING_COLUMNS');
    expect(codeOf(() => layoutOf([...HEADER, 'name']))).toBe('IMPORT.DUPLICATE_COLUMN');
    expect(codeOf(() => layoutOf(['a', 'b']))).toBe('IMPORT.NO_HEADER');
  });
});

describe('an uploaded file', () => {
  it('reads CSV with a BOM and semicolons, numbering rows as a spreadsheet does', async () => {
    const sheet = await readSheet(Buffer.from('\ufeffjabatan;nip\r\n\r\ndinkes;1\r\n;\r\ndinkes;2\r\n'));
    expect(sheet).toEqual({
      format: 'csv',
      header: ['jabatan', 'nip'],
      rows: [
        { row: 3, cells: ['dinkes', '1'] },
        { row: 5, cells: ['dinkes', '2'] },
      ],
    });
  });

  it('refuses text that is not UTF-8', async () => {
    await expect(readSheet(Buffer.from([0x6e, 0x61, 0x6d, 0x61, 0x0a, 0xe9, 0x0a]))).rejects.toMatchObject({
      problem: { status: 415, code: 'IMPORT.UNSUPPORTED_FORMAT' },
    });
  });
});
