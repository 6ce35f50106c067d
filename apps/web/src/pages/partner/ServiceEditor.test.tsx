import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RouterProvider } from '../../router';
import { ServiceEditor } from './ServiceEditor';

afterEach(() => vi.unstubAllGlobals());

const json = (body: unknown) => Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
const service = (version: number, over: Record<string, unknown> = {}) => ({
  id: 's1',
  version,
  name: 'Yoga für den Rücken',
  description: 'Ein Kurs.',
  category: 'COURSE',
  status: 'ACTIVE',
  updatedAt: '2026-06-01T00:00:00Z',
  capacity: { acceptingNewClients: true, freeSeats: 3, waitingDays: 0, updatedAt: '2026-06-01T00:00:00Z' },
  verification: { verifiedAt: null },
  accessibility: [],
  deliveryModes: ['IN_PERSON'],
  cost: { type: 'FREE', feeAmountEuro: null, note: null },
  eligibility: { minAge: null, maxAge: null, insuranceRequirement: 'NONE', note: null },
  locations: [],
  openingHours: [{ weekday: 1, opensAt: '09:00', closesAt: '12:00' }],
  sessions: [],
  organization: { id: 'o1', name: 'Volkshochschule' },
  ...over,
});

function api(answers: ((variables: any) => unknown)[]) {
  const calls: { query: string; variables: any }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((_url: string, init: RequestInit) => {
      const body = JSON.parse(init.body as string);
      calls.push(body);
      return json(answers[Math.min(calls.length - 1, answers.length - 1)](body.variables));
    }),
  );
  return calls;
}

function renderEditor() {
  window.history.pushState(null, '', '/partner/angebot?id=s1');
  render(
    <RouterProvider>
      <ServiceEditor />
    </RouterProvider>,
  );
}

describe('ServiceEditor', () => {
  it('names the opening-hours row the API complains about, in German', async () => {
    api([
      () => ({ data: { service: service(2) } }),
      () => ({ errors: [{ message: 'must be after opensAt', extensions: { code: 'BAD_USER_INPUT', field: 'hours.1.closesAt' } }] }),
    ]);
    renderEditor();
    await screen.findByRole('heading', { level: 1, name: 'Angebot bearbeiten: Yoga für den Rücken' });
    await userEvent.click(screen.getByRole('button', { name: 'Öffnungszeit hinzufügen' }));
    const hours = screen.getByRole('region', { name: 'Öffnungszeiten' });
    await userEvent.click(within(hours).getByRole('button', { name: 'Speichern' }));
    const second = await within(hours).findByRole('listitem', { name: 'Öffnungszeit 2' });
    expect(await within(second).findByText('Die Schließzeit muss nach der Öffnungszeit liegen.')).toBeTruthy();
    expect(within(screen.getByRole('listitem', { name: 'Öffnungszeit 1' })).queryByText(/Schließzeit/)).toBeNull();
    expect(screen.queryByText(/must be/)).toBeNull();
  });

  it('course runs: sent with the version, and a conflict offers to save the own runs again', async () => {
    const theirs = service(5, { sessions: [{ id: 'x', startsOn: '2026-09-01', endsOn: '2026-10-01', weekday: 2, startTime: '18:00', endTime: '19:30', seats: 12, freeSeats: 0 }] });
    const calls = api([
      () => ({ data: { service: service(2) } }),
      () => ({ errors: [{ message: 'changed', extensions: { code: 'CONFLICT', currentVersion: 5, expectedVersion: 2 } }] }),
      () => ({ data: { service: theirs } }),
      (v) => ({ data: { setCourseSessions: service(6, { sessions: v.sessions.map((s: object, i: number) => ({ id: `n${i}`, ...s })) }) } }),
    ]);
    renderEditor();
    await screen.findByRole('heading', { level: 1, name: /Yoga/ });
    const runs = screen.getByRole('region', { name: 'Kurstermine' });
    await userEvent.click(within(runs).getByRole('button', { name: 'Kurstermin hinzufügen' }));
    await userEvent.type(within(runs).getByLabelText('Beginnt am'), '2026-09-07');
    await userEvent.type(within(runs).getByLabelText('Endet am'), '2026-11-30');
    await userEvent.click(within(runs).getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText('Jemand anderes hat dieses Angebot inzwischen gespeichert')).toBeTruthy();
    expect(screen.getByRole('row', { name: /Kurstermine/ }).textContent).toContain('0 von 12 Plätzen frei');
    await userEvent.click(screen.getByRole('button', { name: 'Meine Eingabe erneut speichern' }));
    expect(await screen.findByText('Gespeichert.')).toBeTruthy();
    expect(calls[3].variables).toMatchObject({ id: 's1', expectedVersion: 5, sessions: [{ startsOn: '2026-09-07', endsOn: '2026-11-30', weekday: 1, seats: 10, freeSeats: 10 }] });
  });
});

describe('ServiceEditor details', () => {
  it('saves who it is for, cost and access; clears an age left empty', async () => {
    const calls = api([() => ({ data: { service: service(2, { eligibility: { minAge: 18, maxAge: null, insuranceRequirement: 'NONE', note: null } }) } }), () => ({ data: { updateService: service(3) } })]);
    renderEditor();
    await screen.findByRole('heading', { level: 1, name: /Yoga/ });
    const details = screen.getByRole('region', { name: 'Für wen, Kosten und Zugang' });
    await userEvent.clear(within(details).getByLabelText(/Mindestalter/));
    await userEvent.selectOptions(within(details).getByLabelText('Kosten'), 'FEE');
    await userEvent.type(within(details).getByLabelText(/Gebühr in Euro/), '12,50');
    await userEvent.click(within(details).getByLabelText('Aufzug'));
    await userEvent.click(within(details).getByLabelText('Online'));
    await userEvent.click(within(details).getByRole('button', { name: 'Speichern' }));
    expect(await within(details).findByText('Gespeichert.')).toBeTruthy();
    expect(calls[1].variables.patch).toMatchObject({ minAge: null, costType: 'FEE', feeAmountEuro: 12.5, accessibility: ['LIFT'], deliveryModes: ['IN_PERSON', 'ONLINE'] });
  });
});
