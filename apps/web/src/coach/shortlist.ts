import { useSyncExternalStore } from 'react';

/**
 * The coach's shortlist for the participant in front of them. Kept ONLY in this browser
 * (localStorage) and never sent to the server: it holds facts about offers (name, address, phone,
 * hours, cost, the trip) and nothing about the person — no needs, no place of origin; at most the
 * pseudonymous referral code of an offer the coach referred to, for the hand-out.
 */
export interface ShortlistEntry {
  /** service id + location id: the same service at another place is another entry */
  key: string;
  serviceName: string;
  organizationName: string;
  address: string;
  phones: string[];
  email?: string | null;
  website?: string | null;
  hours: string[];
  nextCourse?: string;
  cost: string;
  /** "ca. 25 Min. mit Bus und Bahn (geschätzt)" — no origin */
  travel: string;
  fictitious: boolean;
  addedAt: string;
  /**
   * The referral code for the hand-out, only when the coach put it there after referring to this
   * offer. It stays in this browser like the rest of the list and goes nowhere else.
   */
  referralCode?: string;
}

const KEY = 'lotse.merkliste';
const listeners = new Set<() => void>();
let cache: ShortlistEntry[] | undefined;

function read(): ShortlistEntry[] {
  if (cache) return cache;
  try {
    const raw = window.localStorage.getItem(KEY);
    cache = raw ? (JSON.parse(raw) as ShortlistEntry[]) : [];
  } catch {
    cache = [];
  }
  return cache;
}

function write(entries: ShortlistEntry[]): void {
  cache = entries;
  try {
    if (entries.length) window.localStorage.setItem(KEY, JSON.stringify(entries));
    else window.localStorage.removeItem(KEY);
  } catch {}
  listeners.forEach((l) => l());
}

// another tab changed the list
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e) => {
    if (e.key === KEY) {
      cache = undefined;
      listeners.forEach((l) => l());
    }
  });
}

export const shortlist = {
  entries: read,
  has: (key: string) => read().some((e) => e.key === key),
  add(entry: ShortlistEntry) {
    if (!read().some((e) => e.key === entry.key)) write([...read(), entry]);
  },
  /** puts the referral code on an entry (adding the entry when it is not on the list), or takes it off */
  setCode(entry: ShortlistEntry, code: string | undefined) {
    const list = read();
    if (!list.some((e) => e.key === entry.key)) {
      if (code) write([...list, { ...entry, referralCode: code }]);
      return;
    }
    write(list.map((e) => (e.key === entry.key ? { ...e, referralCode: code } : e)));
  },
  /** takes a code off whatever entry carries it (a withdrawn referral) */
  forgetCode(code: string) {
    if (read().some((e) => e.referralCode === code)) write(read().map((e) => (e.referralCode === code ? { ...e, referralCode: undefined } : e)));
  },
  remove(key: string) {
    write(read().filter((e) => e.key !== key));
  },
  clear() {
    write([]);
  },
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** tests: forget the cached copy */
  reset() {
    cache = undefined;
  },
};

export function useShortlist(): ShortlistEntry[] {
  return useSyncExternalStore(shortlist.subscribe, read, read);
}
