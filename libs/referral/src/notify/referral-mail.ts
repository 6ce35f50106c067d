/**
 * The only e-mails about referrals, and all they say: that there is news in Lotse, and a link to
 * the inbox. No referral code, no need, no note, no service name, no status — an e-mail leaves
 * Lotse's control (forwarding, shared mailboxes), so it carries nothing about the participant.
 */
export type ReferralMailKind = 'new_referral' | 'referral_withdrawn' | 'status_changed' | 'referrals_stale';

/** The kinds of news that go to the coach (the others go to the partner organisation). */
const TO_COACH: ReadonlySet<ReferralMailKind> = new Set(['status_changed', 'referrals_stale']);

export interface ReferralMail {
  kind: ReferralMailKind;
  to: string;
  subject: string;
  text: string;
}

/** Where each recipient reads the news (paths of the web app). */
export const INBOX_PATH = { partner: '/eingang', coach: '/vermittlungen' } as const;

export function referralMail(kind: ReferralMailKind, to: string, publicUrl: string): ReferralMail {
  const base = publicUrl.replace(/\/+$/, '');
  const partner = !TO_COACH.has(kind);
  const link = `${base}${partner ? INBOX_PATH.partner : INBOX_PATH.coach}`;
  const news = {
    new_referral: 'für Ihre Organisation ist eine neue Vermittlung eingegangen.',
    referral_withdrawn: 'eine Vermittlung an Ihre Organisation wurde zurückgezogen.',
    status_changed: 'bei einer Ihrer Vermittlungen gibt es Neuigkeiten.',
    // how many and how long would be a detail: the list in Lotse says it
    referrals_stale: 'eine oder mehrere Ihrer Vermittlungen sind schon länger ohne Rückmeldung – vielleicht lohnt eine Nachfrage.',
  }[kind];
  return {
    kind,
    to,
    subject: 'Neuigkeiten in Lotse',
    text: [
      'Guten Tag,',
      '',
      `in Lotse gibt es Neuigkeiten: ${news}`,
      `Bitte melden Sie sich an, um sie zu sehen: ${link}`,
      '',
      'Aus Datenschutzgründen enthält diese E-Mail keine Einzelheiten.',
      '',
      '— Lotse',
    ].join('\n'),
  };
}
