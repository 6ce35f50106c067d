import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { t } from '../texts';
import type { ShortlistEntry } from './shortlist';

/**
 * The hand-out as an A4 PDF, made in the browser: nothing goes to a server. Helvetica (a standard
 * PDF font, WinAnsi) covers German text; anything it cannot encode is replaced, never dropped silently.
 */
const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;

function safe(font: PDFFont, text: string): string {
  return [...text]
    .map((ch) => {
      try {
        font.encodeText(ch);
        return ch;
      } catch {
        return ch === '–' || ch === '—' ? '-' : ch === '„' || ch === '“' ? '"' : '?';
      }
    })
    .join('');
}

function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of safe(font, text).split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/)) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) > width && line) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    lines.push(line);
  }
  return lines;
}

export async function handoutPdf(entries: ShortlistEntry[], options: { date: string; note?: string }): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(t.shortlist.handoutTitle);
  doc.setLanguage('de-DE');
  doc.setCreator('Lotse');
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const width = A4[0] - 2 * MARGIN;
  let page: PDFPage = doc.addPage(A4);
  let y = A4[1] - MARGIN;

  const write = (text: string, size: number, font = regular, gap = 4) => {
    for (const line of wrap(font, text, size, width)) {
      if (y - size < MARGIN) {
        page = doc.addPage(A4);
        y = A4[1] - MARGIN;
      }
      page.drawText(line, { x: MARGIN, y: y - size, size, font, color: rgb(0.07, 0.08, 0.15) });
      y -= size + gap;
    }
  };

  write(t.shortlist.handoutTitle, 20, bold, 8);
  write(t.shortlist.handoutDate(options.date), 10);
  write(t.shortlist.handoutIntro, 11, regular, 4);
  if (options.note) write(options.note, 11, bold);
  y -= 8;
  entries.forEach((e, i) => {
    if (y < MARGIN + 120) {
      page = doc.addPage(A4);
      y = A4[1] - MARGIN;
    }
    write(`${i + 1}. ${e.serviceName}`, 13, bold, 3);
    write(e.organizationName, 11);
    if (e.referralCode) {
      write(`${t.referral.handoutCode}: ${e.referralCode}`, 14, bold, 2);
      write(t.referral.handoutCodeHint, 10);
    }
    write(`${t.card.address}: ${e.address}`, 10.5);
    write(`${t.card.phone}: ${e.phones.join(' · ') || '-'}`, 10.5);
    write(`${t.shortlist.hours}: ${e.hours.join('; ') || t.card.noHours}`, 10.5);
    if (e.nextCourse) write(`${t.card.nextCourse}: ${e.nextCourse}`, 10.5);
    write(`${t.card.cost}: ${e.cost}`, 10.5);
    write(`${t.shortlist.howToGetThere}: ${e.travel}`, 10.5);
    if (e.fictitious) write(t.card.fictitious, 9);
    y -= 10;
  });
  write(t.shortlist.handoutFooter, 9);
  return doc.save();
}
