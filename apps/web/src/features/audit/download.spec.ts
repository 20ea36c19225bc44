import { fileNameOf, retryAfterOf } from './download';

describe('fileNameOf', () => {
  it('takes the name the server gave', () => {
    expect(fileNameOf('attachment; filename="round-kabcontoh-2024-01-evidence.json"', 'x.json')).toBe(
      'round-kabcontoh-2024-01-evidence.json',
    );
    expect(fileNameOf("attachment; filename*=UTF-8''bukti%20seleksi.json", 'x.json')).toBe(
      'bukti seleksi.json',
    );
  });

  it('falls back without a header', () => {
    expect(fileNameOf(null, 'x.json')).toBe('x.json');
    expect(fileNameOf('attachment', 'x.json')).toBe('x.json');
  });
});

describe('retryAfterOf', () => {
  it('reads seconds and falls back on anything else', () => {
    expect(retryAfterOf('5', 3)).toBe(5);
    expect(retryAfterOf(null, 3)).toBe(3);
    expect(retryAfterOf('Wed, 21 Oct 2015 07:28:00 GMT', 3)).toBe(3);
  });
});
