import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RouterProvider } from '../../router';
import { FindPage, resetFindMemory } from './FindPage';

// Leaflet needs a real browser: the map is a button that "clicks" a point, the results map nothing
vi.mock('../../components/PointPicker', () => ({
  default: ({ label, onChange }: { label: string; onChange(p: { latitude: number; longitude: number }): void }) => (
    <button type="button" onClick={() => onChange({ latitude: 51.304567, longitude: 13.293211 })}>
      {label}
    </button>
  ),
}));
vi.mock('../../coach/ResultsMap', () => ({ default: () => null }));

afterEach(() => {
  vi.unstubAllGlobals();
  resetFindMemory();
});

const json = (body: unknown) => Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
const needs = [{ code: 'addiction', labelDe: 'Sucht', descriptionDe: null, group: 'MENTAL', parentCode: null, defaultPartnerKinds: [{ labelDe: 'Suchtberatung', category: 'ADDICTION_COUNSELLING', specialty: null }] }];
const result = (origin: { latitude: number; longitude: number }) => ({
  limitMinutes: 60,
  mode: 'PUBLIC_TRANSPORT',
  consideredCandidates: 0,
  estimator: { estimated: false, description: '' },
  origin: { description: 'angegebener Punkt', districtAgs: '14627', ...origin },
  unmetNeeds: [],
  targets: { totalCount: 0, edges: [] },
  bundle: null,
  beyondLimit: [],
});

function api() {
  const calls: { query: string; variables: any }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((_url: string, init: RequestInit) => {
      const body = JSON.parse(init.body as string);
      calls.push(body);
      if (body.query.includes('needs {')) return json({ data: { needs } });
      if (body.query.includes('places(')) return json({ data: { places: [] } });
      return json({ data: { matchReferralTargets: result(body.variables.request.origin) } });
    }),
  );
  return calls;
}

describe('FindPage: origin by a point on the map', () => {
  it('a click on the map sets the origin (rounded to ~100 m); the match is asked with the point', async () => {
    const calls = api();
    render(
      <RouterProvider>
        <FindPage />
      </RouterProvider>,
    );
    await userEvent.click(await screen.findByLabelText('Sucht'));
    const toggle = screen.getByRole('button', { name: 'Ausgangsort auf der Karte wählen' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await userEvent.click(await screen.findByRole('button', { name: 'Karte zum Wählen des Ausgangsorts' }));
    const field = screen.getByRole('combobox', { name: 'Ausgangsort' }) as HTMLInputElement;
    expect(field.value).toBe('Punkt auf der Karte (51,305° N, 13,293° O)');
    expect(screen.getByText('Ausgangsort gesetzt: Punkt auf der Karte (51,305° N, 13,293° O)')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Angebote finden' }));
    expect(await screen.findByText(/Ausgangspunkt: angegebener Punkt/)).toBeTruthy();
    const match = calls.find((c) => c.query.includes('matchReferralTargets'))!;
    expect(match.variables.request.origin).toEqual({ latitude: 51.305, longitude: 13.293 });
    // the point's words are not a place name: no place lookup for them
    expect(calls.some((c) => c.query.includes('places('))).toBe(false);
  });

  it('typing over the point makes the text the origin again', async () => {
    const calls = api();
    render(
      <RouterProvider>
        <FindPage />
      </RouterProvider>,
    );
    await userEvent.click(await screen.findByLabelText('Sucht'));
    await userEvent.click(screen.getByRole('button', { name: 'Ausgangsort auf der Karte wählen' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Karte zum Wählen des Ausgangsorts' }));
    const field = screen.getByRole('combobox', { name: 'Ausgangsort' });
    await userEvent.clear(field);
    await userEvent.type(field, '01587');
    await userEvent.click(screen.getByRole('button', { name: 'Angebote finden' }));
    await screen.findByText(/Ausgangspunkt/);
    expect(calls.find((c) => c.query.includes('matchReferralTargets'))!.variables.request.origin).toEqual({ postcode: '01587' });
  });
});
