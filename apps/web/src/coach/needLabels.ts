import { useEffect, useState } from 'react';
import { gql } from '../api/client';
import { CoachNeedLabelsDocument } from '../graphql/generated/graphql';

/** German labels of the need codes a referral carries (loaded once per tab). */
let cache: Record<string, string> | undefined;

export function useNeedLabels(): Record<string, string> {
  const [labels, setLabels] = useState<Record<string, string>>(cache ?? {});
  useEffect(() => {
    if (cache) return;
    let live = true;
    gql(CoachNeedLabelsDocument)
      .then((r) => {
        cache = Object.fromEntries(r.needs.map((n) => [n.code, n.labelDe]));
        if (live) setLabels(cache);
      })
      .catch(() => undefined); // the codes are shown instead
    return () => {
      live = false;
    };
  }, []);
  return labels;
}

export function needsText(codes: string[], labels: Record<string, string>): string {
  return codes.map((c) => labels[c] ?? c).join(', ');
}

/** tests: forget the cached labels */
export function resetNeedLabels(): void {
  cache = undefined;
}

const languageNames = (() => {
  try {
    return new Intl.DisplayNames(['de'], { type: 'language' });
  } catch {
    return undefined;
  }
})();

/** "uk" → "Ukrainisch"; a code the browser does not name stays a code */
export function languageName(code: string): string {
  try {
    const name = languageNames?.of(code);
    return name && name !== code ? name : code;
  } catch {
    return code;
  }
}
