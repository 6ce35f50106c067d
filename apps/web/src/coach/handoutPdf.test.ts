import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { handoutPdf } from './handoutPdf';
import type { ShortlistEntry } from './shortlist';

const entry = (key: string, referralCode?: string): ShortlistEntry => ({
  key,
  serviceName: `Angebot ${key}`,
  organizationName: 'Verein (fiktiv)',
  address: 'Hauptstraße 1, 01589 Riesa',
  phones: ['Anmeldung: 03525 000 1234'],
  hours: ['Di 08:00–12:00'],
  cost: 'kostenlos',
  travel: 'ca. 20 Min.',
  fictitious: true,
  addedAt: '2026-11-30T09:00:00Z',
  referralCode,
});

/** the text the PDF draws: every content stream inflated, its hex strings decoded */
function drawnText(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes).toString('latin1');
  const texts: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)endstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(m[1], 'latin1')).toString('latin1');
    } catch {
      content = m[1];
    }
    for (const hex of content.matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g)) texts.push(Buffer.from(hex[1], 'hex').toString('latin1'));
  }
  return texts.join('\n');
}

describe('handoutPdf', () => {
  it('prints the referral code of a referred entry, and none for the others', async () => {
    const text = drawnText(await handoutPdf([entry('a', '7KQM-X4TB-9HZD'), entry('b')], { date: '02.12.2026' }));
    expect(text).toContain('Angebot a');
    expect(text).toContain('Ihr Vermittlungscode: 7KQM-X4TB-9HZD');
    expect(text).toContain('Bitte nennen Sie diesen Code, wenn Sie sich dort melden.');
    expect(text.match(/Vermittlungscode/g)).toHaveLength(1);
  });
});
