import { describe, expect, it } from 'vitest';
import { backupWhen } from './backup-name';

describe('backupWhen', () => {
  const now = new Date(2026, 11, 5, 15, 0);
  it('says the day and the 24-hour time in the UI language', () => {
    const made = new Date(2026, 11, 5, 14, 2).toISOString();
    expect(backupWhen(made, 'en-GB', now)).toBe('5 Dec 14:02');
    expect(backupWhen(made, 'ko', now)).toBe('12월 5일 14:02');
  });
  it('adds the year for an older backup', () => {
    expect(backupWhen(new Date(2025, 0, 31, 9, 5).toISOString(), 'en-GB', now)).toBe('31 Jan 2025 09:05');
  });
});
