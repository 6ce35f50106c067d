import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { NeedPicker, type Need } from './NeedPicker';

const need = (code: string, labelDe: string, group: string, parentCode: string | null = null): Need => ({
  code,
  labelDe,
  descriptionDe: `${labelDe} – Beschreibung`,
  group,
  parentCode,
  defaultPartnerKinds: [],
});
const NEEDS = [
  need('musculoskeletal', 'Muskel-Skelett-Erkrankungen', 'condition'),
  need('mental_health', 'Psychische Gesundheit', 'condition'),
  need('nutrition', 'Ernährung', 'prevention'),
  need('stress_relaxation', 'Stressbewältigung und Entspannung', 'prevention'),
  need('psychotherapy', 'Psychotherapie', 'treatment', 'mental_health'),
];

function Harness({ error }: { error?: string }) {
  const [selected, setSelected] = useState<string[]>([]);
  return <NeedPicker needs={NEEDS} selected={selected} onChange={setSelected} error={error} />;
}

describe('NeedPicker', () => {
  it('groups the needs by the taxonomy, in German', () => {
    render(<Harness />);
    for (const g of ['Erkrankungen', 'Vorbeugung', 'Behandlung']) expect(screen.getByRole('group', { name: g })).toBeTruthy();
  });

  it('filters as you type, forgiving umlauts', async () => {
    render(<Harness />);
    await userEvent.type(screen.getByLabelText('Bedarf suchen'), 'ernaehr');
    expect(screen.getByLabelText('Ernährung')).toBeTruthy();
    expect(screen.queryByLabelText('Psychische Gesundheit')).toBeNull();
    await userEvent.clear(screen.getByLabelText('Bedarf suchen'));
    await userEvent.type(screen.getByLabelText('Bedarf suchen'), 'xyz');
    expect(screen.getByText('Kein Bedarf passt zu diesem Suchwort.')).toBeTruthy();
  });

  it('selects with the keyboard and shows removable chips', async () => {
    render(<Harness />);
    screen.getByLabelText('Ernährung').focus();
    await userEvent.keyboard(' ');
    expect(screen.getByText('1 Bedarf gewählt')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Ernährung entfernen' }));
    expect(screen.getByText('Noch kein Bedarf gewählt.')).toBeTruthy();
  });

  it('shows an error beside the field', () => {
    render(<Harness error="Bitte wählen Sie mindestens einen Bedarf." />);
    expect(screen.getByRole('alert').textContent).toContain('Bitte wählen Sie mindestens einen Bedarf.');
  });
});
