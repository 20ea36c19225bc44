// The applicant import's columns as the API reads them (apps/api/src/rounds/import-applicants/
// applicant-columns.ts; docs/samples/pelamar-contoh.csv): Indonesian headers, in this order.

export interface ImportColumn {
  name: string;
  required: boolean;
  example: string;
}

const ALL_DOCUMENTS =
  'surat-lamaran, drh, rekomendasi-ppk, surat-inspektorat, pakta-integritas, lhkpn, foto, surat-sehat, surat-sehat-jiwa, bebas-narkoba, spt, sertifikat-pim';

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { name: 'jabatan', required: true, example: 'dinkes' },
  { name: 'id_pelamar', required: false, example: 'dinkes-001' },
  { name: 'nip', required: true, example: '197505052000032001' },
  { name: 'nama', required: true, example: 'dr. Siti Rahmawati, M.Kes.' },
  { name: 'instansi_asal', required: true, example: 'Pemerintah Kabupaten Contoh' },
  { name: 'pangkat', required: true, example: 'IV/b' },
  { name: 'pendidikan', required: true, example: 'S2' },
  { name: 'pengalaman_tahun', required: true, example: '14' },
  { name: 'jenis_jabatan_terakhir', required: true, example: 'administrator' },
  { name: 'jabatan_terakhir', required: true, example: 'Sekretaris Dinas Kesehatan' },
  { name: 'lama_jabatan_terakhir', required: true, example: '4' },
  { name: 'tanggal_lahir', required: true, example: '05/05/1975' },
  { name: 'dokumen', required: true, example: ALL_DOCUMENTS },
  { name: 'diundang', required: false, example: 'tidak' },
];

const cell = (value: string): string => (/[;"\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** A template file: the header and one example row, semicolon-separated as Indonesian spreadsheets save CSV. */
export function templateCsv(): string {
  return (
    [IMPORT_COLUMNS.map((c) => c.name), IMPORT_COLUMNS.map((c) => c.example)]
      .map((row) => row.map(cell).join(';'))
      .join('\r\n') + '\r\n'
  );
}
