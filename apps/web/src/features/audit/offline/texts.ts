import type { BundleProblemCode } from '@selter/event-store/offline';

/** Every text of the offline verifier: Bahasa Indonesia first, English second (shown together). */
export const TEXT = {
  title: ['Verifikasi bundel bukti', 'Evidence bundle verification'],
  intro: [
    'Pilih berkas bundel bukti (.json). Berkas diperiksa seluruhnya di peramban ini dengan WebCrypto (SHA-256, Ed25519); tidak ada yang dikirim ke mana pun.',
    'Pick an evidence bundle file (.json). It is checked entirely in this browser with WebCrypto (SHA-256, Ed25519); nothing is sent anywhere.',
  ],
  file: ['Berkas bundel', 'Bundle file'],
  keyId: [
    'Sidik jari kunci yang diharapkan (opsional, dari sumber lain)',
    'Expected key fingerprint (optional, from elsewhere)',
  ],
  checking: ['Memeriksa…', 'Checking…'],
  verified: ['TERVERIFIKASI', 'VERIFIED'],
  failed: ['GAGAL', 'FAILED'],
  notJson: [
    'Berkas ini bukan JSON, jadi bukan bundel bukti.',
    'This file is not JSON, so not an evidence bundle.',
  ],
  events: ['peristiwa diperiksa', 'events checked'],
  checkpoint: ['checkpoint', 'checkpoint'],
  version: ['versi', 'version'],
  position: ['posisi global', 'global position'],
  key: ['kunci', 'key'],
  pinned: ['disematkan', 'pinned'],
  ownKey: [
    'kunci milik bundel sendiri: bandingkan sidik jarinya dengan yang diumumkan layanan',
    "the bundle's own key: compare its fingerprint with the one the service publishes",
  ],
} as const;

/** What each problem means, in both languages (the verifier's own reason follows, in English). */
export const CODE_TEXT: Record<BundleProblemCode, readonly [string, string]> = {
  RECORD_ALTERED: ['Catatan diubah', 'Record altered'],
  HASH_MISMATCH: ['Isi peristiwa diubah', 'Payload changed'],
  CHAIN_BROKEN: ['Rantai hash putus', 'Hash chain broken'],
  VERSION_GAP: ['Peristiwa dihapus', 'Event deleted'],
  OUT_OF_ORDER: ['Urutan peristiwa diubah', 'Events reordered'],
  CHECKPOINT_SIGNATURE_INVALID: [
    'Tanda tangan checkpoint tidak sah (dipalsukan)',
    'Checkpoint signature invalid (forged)',
  ],
  CHECKPOINT_CHAIN_BROKEN: ['Rantai checkpoint putus', 'Checkpoint chain broken'],
  CHECKPOINT_ROOT_MISMATCH: [
    'Riwayat ditulis ulang (tidak ada di pohon bertanda tangan)',
    'History rewritten (not in the signed tree)',
  ],
  LOG_TRUNCATED: ['Ekor catatan dipotong', 'Tail cut'],
  TRUSTED_CHECKPOINT_MISMATCH: [
    'Checkpoint berbeda dari salinan tepercaya',
    'Checkpoint differs from the trusted copy',
  ],
  BUNDLE_MALFORMED: ['Bukan bundel bukti yang utuh', 'Not a well-formed evidence bundle'],
  KEY_MISMATCH: ['Kunci bukan kunci yang disematkan', 'Key is not the pinned key'],
  NOT_IN_CHECKPOINT: ['Belum dicakup checkpoint', 'Not covered by the checkpoint'],
};

/** "Indonesian / English". */
export const both = ([id, en]: readonly [string, string]): string => `${id} / ${en}`;
