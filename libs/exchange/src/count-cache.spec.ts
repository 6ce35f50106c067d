import { CountCache, MAX_AGE_MS } from './count-cache';

describe('CountCache', () => {
  it('keeps a count while the change stamp holds and for at most MAX_AGE_MS', () => {
    let now = 0;
    const cache = new CountCache(() => now);
    cache.set('all', '17:true', 42);
    expect(cache.get('all', '17:true')).toBe(42);
    expect(cache.get('other filter', '17:true')).toBeUndefined();
    now = MAX_AGE_MS;
    expect(cache.get('all', '17:true')).toBe(42);
    now = MAX_AGE_MS + 1;
    expect(cache.get('all', '17:true')).toBeUndefined();
  });

  it('drops a count as soon as the catalogue changed', () => {
    const cache = new CountCache(() => 0);
    cache.set('all', '17:true', 42);
    expect(cache.get('all', '18:true')).toBeUndefined();
    expect(cache.get('all', '17:true')).toBeUndefined(); // gone, not revived by the old stamp
  });
});
