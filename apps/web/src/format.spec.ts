import { formatDateTime, formatDays, formatWait, waitStatus } from './format';

describe('formatting for id-ID', () => {
  it('writes days in Indonesian, with a decimal comma', () => {
    expect(formatDays(3, 'id-ID')).toBe('3 hari');
    expect(formatDays(1.25, 'id-ID')).toBe('1,3 hari');
    expect(formatDays(3, 'en-GB')).toBe('3 days');
  });

  it('shows an instant in WIB', () => {
    // 02:30 UTC is 09:30 WIB; Indonesian separates hours and minutes with a dot.
    expect(formatDateTime('2024-03-05T02:30:00Z', 'id-ID')).toMatch(/5 Mar 2024.*09\.30/);
  });

  it('puts the wait against the service level', () => {
    expect(formatWait(4, 3, 'id-ID')).toBe('4 hari / 3 hari');
    expect(formatWait(4, null, 'id-ID')).toBe('4 hari');
    expect(formatWait(null, 3, 'id-ID')).toBeNull();
  });

  it('classifies a wait', () => {
    expect(waitStatus({ overdue: true, serviceLevelDays: 3 })).toBe('overdue');
    expect(waitStatus({ overdue: false, serviceLevelDays: 3 })).toBe('onTime');
    expect(waitStatus({ overdue: false, serviceLevelDays: null })).toBe('noServiceLevel');
  });
});
