import { describe, expect, it } from 'vitest';
import { DEFAULT_FORM, kindValue, toMatchRequest } from './request';

describe('toMatchRequest', () => {
  it('sends sensible defaults: public transport, 60 minutes, accepting new clients, diversified', () => {
    const r = toMatchRequest({ ...DEFAULT_FORM, needs: ['nutrition'] }, { kind: 'postcode', postcode: '01589' });
    expect(r).toEqual({
      needs: ['nutrition'],
      origin: { postcode: '01589' },
      travel: { mode: 'PUBLIC_TRANSPORT', maxMinutes: 60 },
      diversify: true,
      constraints: { acceptingNewClientsOnly: true },
      preferences: { shortWait: false, ownDistrict: false, outreach: false },
    });
  });

  it('maps the advanced part and the kind of partner per need', () => {
    const r = toMatchRequest(
      {
        ...DEFAULT_FORM,
        needs: ['mental_health', 'nutrition'],
        kinds: { mental_health: kindValue('PREFER', { category: 'CLINIC', specialty: 'PSYCHIATRY' }) },
        languages: 'uk, RU',
        age: '34',
        openAtWeekday: '2',
        openAtTime: '17:30',
        accessibility: ['LIFT'],
        costCovered: true,
      },
      { kind: 'place', id: '14627230', label: 'Riesa' },
    );
    expect(r.origin).toEqual({ place: '14627230' });
    expect(r.partnerKinds).toEqual([{ need: 'mental_health', mode: 'PREFER', category: 'CLINIC', specialty: 'PSYCHIATRY' }]);
    expect(r.constraints).toEqual({ acceptingNewClientsOnly: true, costCovered: true, accessibility: ['LIFT'], languages: ['uk', 'ru'], age: 34, openAt: { weekday: 2, time: '17:30' } });
  });

  it('sends a map point as coordinates', () => {
    expect(toMatchRequest({ ...DEFAULT_FORM, needs: ['nutrition'] }, { kind: 'point', latitude: 51.305, longitude: 13.293 }).origin).toEqual({ latitude: 51.305, longitude: 13.293 });
  });
});
