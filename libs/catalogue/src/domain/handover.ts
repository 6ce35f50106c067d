import { CostType } from './enums';

/** "40 €", "12,50 €" */
export function formatEuro(amount: number): string {
  const cents = Math.round(amount * 100);
  return `${cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2).replace('.', ',')} €`;
}

/**
 * What a service costs, in the words a coach hands over: "kostenfrei", "Kassenleistung",
 * "Krankenkasse bezuschusst (Kursgebühr 90 €, Erstattung durch die Krankenkasse)", "Gebühr 40 €".
 */
export function costPhraseDe(cost: { type: CostType; feeAmountEuro: number | null }): string {
  switch (cost.type) {
    case CostType.FREE:
      return 'kostenfrei';
    case CostType.STATUTORY_INSURANCE:
      return 'Kassenleistung (gesetzliche Krankenversicherung)';
    case CostType.INSURER_SUBSIDISED:
      return cost.feeAmountEuro ? `Krankenkasse bezuschusst (Kursgebühr ${formatEuro(cost.feeAmountEuro)})` : 'Krankenkasse bezuschusst';
    case CostType.FEE:
      return cost.feeAmountEuro ? `Gebühr ${formatEuro(cost.feeAmountEuro)}` : 'Gebühr (Höhe beim Träger erfragen)';
  }
}

/** 'YYYY-MM-DD' → '07.12.2026' */
export function formatDateDe(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}.${m}.${y}`;
}
