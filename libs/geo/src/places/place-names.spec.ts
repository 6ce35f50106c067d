import { baseKey, expandAbbreviations, nameKeys, placeKey, slugOf } from './place-names';

describe('place names', () => {
  it('spells out the abbreviations of official municipality names', () => {
    expect(expandAbbreviations('Neustadt i. Sa.')).toBe('Neustadt in Sachsen');
    expect(expandAbbreviations('Sohland a.d. Spree')).toBe('Sohland an der Spree');
    expect(expandAbbreviations('Hartmannsdorf b. Kirchberg')).toBe('Hartmannsdorf bei Kirchberg');
    expect(expandAbbreviations('St. Egidien')).toBe('Sankt Egidien');
    expect(expandAbbreviations('Königstein/Sächs. Schw.')).toBe('Königstein/Sächsische Schweiz');
    expect(expandAbbreviations('Boxberg/O.L.')).toBe('Boxberg/Oberlausitz');
    expect(expandAbbreviations('Frankenberg/Sa.')).toBe('Frankenberg/Sachsen');
  });

  it('folds umlauts and ß and treats punctuation and hyphens as spaces', () => {
    expect(placeKey('Meißen')).toBe(placeKey('Meissen'));
    expect(placeKey('Dresden-Prohlis')).toBe('dresden prohlis');
    expect(placeKey('Thalheim / Erzgebirge')).toBe(placeKey('Thalheim/Erzgeb.'));
    expect(placeKey('St. Egidien')).toBe(placeKey('Sankt Egidien'));
    expect(placeKey('Jöhstadt')).toBe('joehstadt');
  });

  it('takes the base name before a qualifier', () => {
    expect(baseKey('Schwarzenberg/Erzgeb.')).toBe('schwarzenberg');
    expect(baseKey('Reichenbach im Vogtland')).toBe('reichenbach');
    expect(baseKey('Carlsfeld, Erzgebirge')).toBe('carlsfeld');
    expect(baseKey('Neustadt i. Sa.')).toBe('neustadt');
    expect(baseKey('Quitzdorf am See')).toBe('quitzdorf');
    expect(baseKey('Dorfchemnitz bei Sayda')).toBe('dorfchemnitz');
    expect(baseKey('Bad Schandau')).toBe('bad schandau');
    expect(baseKey('Groß Düben')).toBe('gross dueben');
    expect(baseKey('Stadt Wehlen')).toBe('stadt wehlen');
    expect(nameKeys('Schwarzenberg/Erzgeb.')).toEqual(['schwarzenberg erzgebirge', 'schwarzenberg']);
    expect(nameKeys('Riesa')).toEqual(['riesa']);
    expect(slugOf('Mülsen Sankt Jacob')).toBe('muelsen-sankt-jacob');
  });
});
