import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { codeGroups, daysSince, parseLanguages, spellCode } from './referral';
import { ReferralCode } from './ReferralCode';

describe('ReferralCode', () => {
  it('shows the code in its three groups and spells it for screen readers', () => {
    render(<ReferralCode code="7KQM-X4TB-9HZD" />);
    const group = screen.getByRole('group', { name: 'Vermittlungscode' });
    expect(group.querySelectorAll('.lotse-code__group')).toHaveLength(3);
    expect(screen.getByText('Vermittlungscode, Zeichen für Zeichen: 7 K Q M – X 4 T B – 9 H Z D')).toBeTruthy();
  });

  it('copies the code and says so', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    render(<ReferralCode code="7KQM-X4TB-9HZD" />);
    await user.click(screen.getByRole('button', { name: 'Code kopieren' }));
    expect(writeText).toHaveBeenCalledWith('7KQM-X4TB-9HZD');
    expect(await screen.findByText('Der Code ist in die Zwischenablage kopiert.')).toBeTruthy();
  });
});

describe('referral helpers', () => {
  it('splits, spells and counts', () => {
    expect(codeGroups('7KQM-X4TB-9HZD')).toEqual(['7KQM', 'X4TB', '9HZD']);
    expect(spellCode('AB-CD')).toBe('A B – C D');
    expect(daysSince('2026-11-01T10:00:00Z', new Date('2026-11-21T11:00:00Z'))).toBe(20);
    expect(daysSince('2026-11-21T10:00:00Z', new Date('2026-11-01T11:00:00Z'))).toBe(0);
    expect(parseLanguages(' UK, de;de  ar ')).toEqual(['uk', 'de', 'ar']);
  });
});
