import { referralMail } from './referral-mail';

describe('referral e-mails', () => {
  it('say only that there is news, with a link to the right inbox', () => {
    const partner = referralMail('new_referral', 'kontakt@beratung.example', 'https://lotse.example/');
    expect(partner).toMatchObject({ to: 'kontakt@beratung.example', subject: 'Neuigkeiten in Lotse' });
    expect(partner.text).toContain('https://lotse.example/eingang');
    expect(partner.text).toContain('neue Vermittlung');
    const coach = referralMail('status_changed', 'coach@jobcenter.example', 'https://lotse.example');
    expect(coach.text).toContain('https://lotse.example/vermittlungen');
    const stale = referralMail('referrals_stale', 'coach@jobcenter.example', 'https://lotse.example');
    expect(stale.text).toContain('https://lotse.example/vermittlungen');
    expect(stale.text).toContain('ohne Rückmeldung');
    for (const mail of [partner, coach, stale]) {
      // no code-shaped text, no digits at all outside the link
      expect(mail.text.replace(/https:\/\/\S+/g, '')).not.toMatch(/[0-9]/);
      expect(mail.text).not.toMatch(/[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}/);
    }
  });
});
