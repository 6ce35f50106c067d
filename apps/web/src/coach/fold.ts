/** Lower case, umlauts folded (ä→ae, ß→ss), accents dropped: "Stress" finds "Stressbewältigung", "Ernaehrung" finds "Ernährung". */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}
