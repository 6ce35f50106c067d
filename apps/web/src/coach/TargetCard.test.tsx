import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { targetFixture, TUESDAY } from './fixtures';
import { referralStart } from './referral';
import { shortlist } from './shortlist';
import { TargetCard } from './TargetCard';

function fact(name: string): string {
  const dt = screen.getAllByText(name, { selector: 'dt' })[0];
  return dt.nextElementSibling?.textContent ?? '';
}

beforeEach(() => shortlist.reset());

describe('TargetCard', () => {
  it('says everything a coach needs at a glance, in German', () => {
    render(<TargetCard target={targetFixture()} rank={1} now={TUESDAY} />);
    expect(screen.getByRole('heading', { name: 'Rückenschule (fiktiv)' })).toBeTruthy();
    expect(screen.getByText('Rang 1')).toBeTruthy();
    expect(screen.getByText(/Gesundheitsverein Riesa/)).toBeTruthy();
    expect(fact('Adresse')).toBe('Hauptstraße 1, 01589 Riesa');
    expect(screen.getByRole('link', { name: 'Beratung Riesa: 03525 000 5678' }).getAttribute('href')).toBe('tel:035250005678');
    expect(screen.queryByRole('link', { name: /03525 000 1234/ })).toBeNull();
    expect(fact('Heute geöffnet')).toBe('08:00–12:00, 13:00–16:00');
    expect(fact('Nächster Kurs')).toBe('09.12.2026 bis 10.02.2027, Mittwoch 17:00–18:00, 4 Plätze frei');
    expect(fact('Kapazität')).toMatch(/nimmt neue Klienten auf, 4 freie Plätze, Wartezeit etwa 7 Tage \(Stand 20\.11\.2026\)/);
    expect(fact('Anfahrt')).toBe('ca. 34 Min. mit Bus und Bahn (geschätzt), 12,4 km Luftlinie');
    expect(fact('Kosten')).toBe('von der Krankenkasse bezuschusst');
    expect(fact('Geprüft')).toBe('am 15.09.2026');
    expect(screen.getByText('Demodaten – erfunden')).toBeTruthy();
  });

  it('says through which narrower need it answers a broader one', () => {
    const needMatches = [
      { need: { code: 'mental_health', labelDe: 'Psychische Gesundheit' }, via: [{ code: 'psychotherapy', labelDe: 'Psychotherapie' }, { code: 'crisis_intervention', labelDe: 'Krisenintervention' }] },
      { need: { code: 'musculoskeletal', labelDe: 'Muskel-Skelett-Erkrankungen' }, via: [] },
    ];
    render(<TargetCard target={targetFixture({ needMatches })} now={TUESDAY} />);
    expect(fact('Deckt ab')).toBe('Psychische Gesundheit (über Psychotherapie, Krisenintervention), Muskel-Skelett-Erkrankungen');
  });

  it("falls back to the organisation's phones only where the location has none", () => {
    render(<TargetCard target={targetFixture({ phone: null })} now={TUESDAY} />);
    expect(screen.getByRole('link', { name: 'Anmeldung: 03525 000 1234' }).getAttribute('href')).toBe('tel:035250001234');
  });

  it('orders the reasons by weight and folds them away', () => {
    render(<TargetCard target={targetFixture()} now={TUESDAY} />);
    const reasons = screen.getByText('Warum dieser Rang').closest('details')!;
    expect(reasons.open).toBe(false);
    const items = within(reasons).getAllByRole('listitem', { hidden: true }).map((li) => li.textContent);
    expect(items[0]).toMatch(/Deckt den Bedarf/);
  });

  it('says closed today and timetable times plainly', () => {
    const target = targetFixture({ travelTimeEstimated: false, travelBasis: 'TIMETABLE' });
    render(<TargetCard target={target} now={new Date('2026-12-02T09:00:00Z')} />);
    expect(fact('Heute geöffnet')).toBe('Heute geschlossen');
    expect(fact('Anfahrt')).toMatch(/\(laut Fahrplan\)/);
  });

  it('opens its details with the keyboard', async () => {
    render(<TargetCard target={targetFixture()} now={TUESDAY} />);
    const toggle = screen.getByRole('button', { name: 'Details anzeigen' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.focus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: 'Details ausblenden' }).getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText('Zehn Termine Rückentraining.')).toBeTruthy();
    expect(screen.getByText(/Barrierefreiheit: Stufenloser Zugang/)).toBeTruthy();
  });

  it('adds to and removes from the shortlist, which keeps offer facts only', async () => {
    const messages: string[] = [];
    render(<TargetCard target={targetFixture()} now={TUESDAY} onAnnounce={(m) => messages.push(m)} />);
    await userEvent.click(screen.getByRole('button', { name: 'Zur Merkliste' }));
    expect(shortlist.entries()).toHaveLength(1);
    const stored = window.localStorage.getItem('lotse.merkliste')!;
    expect(stored).toContain('Hauptstraße 1');
    expect(stored).not.toContain('musculoskeletal');
    expect(stored).not.toContain('Muskel');
    expect(messages[0]).toBe('„Rückenschule (fiktiv)“ steht jetzt auf der Merkliste.');
    await userEvent.click(screen.getByRole('button', { name: 'Von der Merkliste nehmen' }));
    expect(shortlist.entries()).toHaveLength(0);
  });

  it('offers "Vermitteln" to coaches: the listing in the link, the matched needs in memory only', async () => {
    render(<TargetCard target={targetFixture()} now={TUESDAY} canRefer />);
    const link = screen.getByRole('link', { name: /^Vermitteln\s*: Rückenschule \(fiktiv\)$/ });
    expect(link.getAttribute('href')).toBe('/vermittlungen/neu?angebot=s1&standort=l1');
    expect(link.getAttribute('href')).not.toMatch(/musculoskeletal/);
    await userEvent.click(link);
    expect(referralStart.get('s1', 'l1')).toEqual(['musculoskeletal']);
    expect(referralStart.get('s1', 'other')).toBeUndefined();
  });

  it('hands the requested (broader) need to the form, not the narrower one it answers through', async () => {
    const needMatches = [{ need: { code: 'mental_health', labelDe: 'Psychische Gesundheit' }, via: [{ code: 'psychotherapy', labelDe: 'Psychotherapie' }] }];
    render(<TargetCard target={targetFixture({ needMatches })} now={TUESDAY} canRefer />);
    await userEvent.click(screen.getByRole('link', { name: /^Vermitteln/ }));
    expect(referralStart.get('s1', 'l1')).toEqual(['mental_health']);
  });

  it('shows no "Vermitteln" to other roles', () => {
    render(<TargetCard target={targetFixture()} now={TUESDAY} />);
    expect(screen.queryByRole('link', { name: /Vermitteln/ })).toBeNull();
  });
});
