import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReferralForm } from './ReferralForm';
import { fakeApi, gqlError, referralFixture, serviceFixture } from './referralFixtures';

afterEach(() => vi.unstubAllGlobals());

describe('ReferralForm', () => {
  it('preselects the matched needs, warns against identifying notes, and asks for no personal data', () => {
    render(<ReferralForm service={serviceFixture()} locationId="l2" preselectedNeeds={['musculoskeletal']} onCreated={() => undefined} />);
    expect((screen.getByLabelText('Muskel-Skelett-Erkrankungen') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Bewegung') as HTMLInputElement).checked).toBe(false);
    expect((screen.getByLabelText('Standort') as HTMLSelectElement).value).toBe('l2');
    expect(screen.getByText('Keine Namen oder Daten, die die Person erkennbar machen')).toBeTruthy();
    const note = screen.getByLabelText('Kurze Notiz an den Partner (optional)');
    expect(note.getAttribute('aria-describedby')).toContain('refer-note-warning');
    expect(note.getAttribute('maxlength')).toBe('500');
    // no field asks who the person is
    for (const label of [/Name/, /Geburt/, /Adresse/, /Telefon/, /Aktenzeichen/]) expect(screen.queryByRole('textbox', { name: label })).toBeNull();
  });

  it('does not send without both parts of the consent', async () => {
    const calls = fakeApi({});
    const created = vi.fn();
    render(<ReferralForm service={serviceFixture()} preselectedNeeds={['musculoskeletal']} onCreated={created} />);
    await userEvent.click(screen.getByLabelText(/dass die Partnerorganisation diese Vermittlung erhält/));
    await userEvent.click(screen.getByRole('button', { name: 'Vermittlung senden' }));
    expect(screen.getByText(/Ohne beide Einwilligungen kann die Vermittlung nicht gesendet werden/)).toBeTruthy();
    expect(calls).toEqual([]);
    expect(created).not.toHaveBeenCalled();
  });

  it('sends with consent: target, needs, urgency, languages, contact route and what the person agreed to', async () => {
    const referral = referralFixture();
    const calls = fakeApi({ CoachCreateReferral: { data: { createReferral: referral } } });
    const created = vi.fn();
    render(<ReferralForm service={serviceFixture()} locationId="l1" preselectedNeeds={['musculoskeletal']} onCreated={created} />);
    await userEvent.click(screen.getByLabelText('Bewegung'));
    await userEvent.click(screen.getByLabelText('Dringend'));
    await userEvent.type(screen.getByLabelText(/Sprachen, die die Person bevorzugt/), 'UK, de');
    await userEvent.click(screen.getByLabelText(/Der Partner meldet sich bei mir/));
    await userEvent.type(screen.getByLabelText('Kurze Notiz an den Partner (optional)'), 'Vormittags besser');
    await userEvent.click(screen.getByLabelText(/dass die Partnerorganisation diese Vermittlung erhält/));
    await userEvent.click(screen.getByLabelText(/mir den Stand zurückmeldet/));
    await userEvent.click(screen.getByRole('button', { name: 'Vermittlung senden' }));
    await vi.waitFor(() => expect(created).toHaveBeenCalledWith(referral));
    expect(calls[0].variables.input).toEqual({
      serviceId: 's1',
      locationId: 'l1',
      needs: ['musculoskeletal', 'physical_activity'],
      urgency: 'URGENT',
      languages: ['uk', 'de'],
      contactRoute: 'PARTNER_CALLS_COACH',
      note: 'Vormittags besser',
      consent: { agreed: true, scopes: ['SHARE_WITH_PARTNER', 'STATUS_FEEDBACK'] },
      send: true,
    });
  });

  it('keeps a draft without consent', async () => {
    const calls = fakeApi({ CoachCreateReferral: { data: { createReferral: referralFixture({ status: 'DRAFT', statusLabel: 'Entwurf', consent: null }) } } });
    const created = vi.fn();
    render(<ReferralForm service={serviceFixture()} preselectedNeeds={['musculoskeletal']} onCreated={created} />);
    await userEvent.click(screen.getByRole('button', { name: 'Als Entwurf speichern' }));
    await vi.waitFor(() => expect(created).toHaveBeenCalled());
    expect(calls[0].variables.input).toMatchObject({ send: false, consent: null, needs: ['musculoskeletal'], urgency: 'ROUTINE', contactRoute: 'PARTICIPANT_CALLS', languages: [] });
  });

  it('asks for a need before anything is sent', async () => {
    const calls = fakeApi({});
    render(<ReferralForm service={serviceFixture()} onCreated={() => undefined} />);
    await userEvent.click(screen.getByRole('button', { name: 'Als Entwurf speichern' }));
    expect(screen.getByText('Bitte wählen Sie mindestens ein Anliegen.')).toBeTruthy();
    expect(calls).toEqual([]);
  });

  it('shows the API’s refusal of an identifying note beside the note, in German', async () => {
    fakeApi({ CoachCreateReferral: gqlError('BAD_USER_INPUT', { field: 'input.note' }) });
    render(<ReferralForm service={serviceFixture()} preselectedNeeds={['musculoskeletal']} onCreated={() => undefined} />);
    await userEvent.type(screen.getByLabelText('Kurze Notiz an den Partner (optional)'), 'Tel 0351 1234567');
    await userEvent.click(screen.getByRole('button', { name: 'Als Entwurf speichern' }));
    expect(await screen.findByText(/sieht aus, als enthielte sie etwas, das die Person erkennbar macht/)).toBeTruthy();
    expect(screen.getByLabelText('Kurze Notiz an den Partner (optional)').getAttribute('aria-invalid')).toBe('true');
  });
});
