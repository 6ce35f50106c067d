import { describe, expect, it } from 'vitest';
import { fieldLabel, readableValue } from './audit';

describe('audit values', () => {
  it('reads as German text, never as JSON', () => {
    expect(readableValue([{ weekday: 1, opensAt: '09:00', closesAt: '12:00' }, { weekday: 3, opensAt: '14:00', closesAt: '18:00' }])).toBe('Montag 09:00–12:00; Mittwoch 14:00–18:00');
    expect(readableValue({ acceptingNewClients: true, freeSeats: 3 })).toBe('Aufnahme neuer Klientinnen und Klienten: ja, Freie Plätze: 3');
    expect(readableValue(null)).toBe('–');
    expect(readableValue('pending')).toBe('wartet auf Freischaltung');
    expect(readableValue([])).toBe('keine');
    expect(readableValue({ a: { b: 1 } })).not.toMatch(/[{}"]/);
  });

  it('names fields in German', () => {
    expect(fieldLabel('openingHours')).toBe('Öffnungszeiten');
    expect(fieldLabel('location.street')).toBe('Straße');
  });
});
