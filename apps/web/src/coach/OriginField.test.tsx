import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { OriginField, originOf } from './OriginField';

const hit = (id: string, label: string) => ({ match: 'PREFIX' as const, place: { id, label, kind: 'MUNICIPALITY' as const, postcodes: ['01589'], municipalityName: label } });

function Harness({ lookup }: { lookup: (t: string) => Promise<ReturnType<typeof hit>[]> }) {
  const [value, setValue] = useState('');
  const [chosen, setChosen] = useState<{ id: string; label: string }>();
  return (
    <>
      <OriginField value={value} chosen={chosen} onChange={(v, c) => (setValue(v), setChosen(c))} lookup={lookup} />
      <output data-testid="origin">{JSON.stringify(originOf(value, chosen))}</output>
    </>
  );
}

describe('OriginField', () => {
  it('completes a place name and takes a suggestion with the keyboard', async () => {
    const lookup = vi.fn(async () => [hit('14627230', 'Riesa'), hit('14627140', 'Radebeul')]);
    render(<Harness lookup={lookup} />);
    const input = screen.getByRole('combobox', { name: 'Ausgangsort' });
    await userEvent.type(input, 'Ri');
    expect(await screen.findByRole('option', { name: /Riesa/ })).toBeTruthy();
    expect(input.getAttribute('aria-expanded')).toBe('true');
    await userEvent.keyboard('{ArrowDown}');
    expect(input.getAttribute('aria-activedescendant')).toMatch(/opt-0$/);
    await userEvent.keyboard('{Enter}');
    expect((input as HTMLInputElement).value).toBe('Riesa');
    expect(JSON.parse(screen.getByTestId('origin').textContent!)).toEqual({ kind: 'place', id: '14627230', label: 'Riesa' });
    expect(lookup).toHaveBeenCalledWith('Ri');
  });

  it('takes five digits as a postcode without asking for places', async () => {
    const lookup = vi.fn(async () => []);
    render(<Harness lookup={lookup} />);
    await userEvent.type(screen.getByRole('combobox'), '01589');
    expect(JSON.parse(screen.getByTestId('origin').textContent!)).toEqual({ kind: 'postcode', postcode: '01589' });
    await new Promise((r) => setTimeout(r, 250));
    expect(lookup).not.toHaveBeenCalled();
  });

  it('keeps a name as typed when nothing is chosen (the API forgives typos)', async () => {
    render(<Harness lookup={async () => []} />);
    await userEvent.type(screen.getByRole('combobox'), 'Grossenhain');
    expect(JSON.parse(screen.getByTestId('origin').textContent!)).toEqual({ kind: 'text', text: 'Grossenhain' });
  });

  it('a map point is the origin while the field shows its words, not once they are edited', () => {
    const point = { latitude: 51.305, longitude: 13.293, label: 'Punkt auf der Karte (51,305° N, 13,293° O)' };
    expect(originOf(point.label, undefined, point)).toEqual({ kind: 'point', latitude: 51.305, longitude: 13.293 });
    expect(originOf('Riesa', { id: '14627230', label: 'Riesa' }, point)).toEqual({ kind: 'place', id: '14627230', label: 'Riesa' });
    expect(originOf(`${point.label} x`, undefined, point)).toEqual({ kind: 'text', text: `${point.label} x` });
  });
});
