import type { AccessibilityFeature, DeliveryMode, MatchRequestInput, NeedPartnerKindInput, TravelMode } from '../graphql/generated/graphql';
import type { Origin, OriginPoint } from './OriginField';

/** The find form's state; defaults are what a coach wants most of the time. */
export interface FindForm {
  needs: string[];
  /** per need: '' = the need's default kinds, else `${mode}|${category}|${specialty}` */
  kinds: Record<string, string>;
  originText: string;
  originChosen?: { id: string; label: string };
  /** a point clicked on the map (kept in this tab's memory only, like everything here) */
  originPoint?: OriginPoint;
  mode: TravelMode;
  limit: number;
  acceptingNewClientsOnly: boolean;
  costCovered: boolean;
  stepFreeAccess: boolean;
  accessibility: AccessibilityFeature[];
  deliveryModes: DeliveryMode[];
  languages: string;
  age: string;
  courseStartsWithinDays: string;
  openAtWeekday: string;
  openAtTime: string;
  shortWait: boolean;
  ownDistrict: boolean;
  outreach: boolean;
  diversify: boolean;
}

export const DEFAULT_FORM: FindForm = {
  needs: [],
  kinds: {},
  originText: '',
  mode: 'PUBLIC_TRANSPORT',
  limit: 60,
  acceptingNewClientsOnly: true,
  costCovered: false,
  stepFreeAccess: false,
  accessibility: [],
  deliveryModes: [],
  languages: '',
  age: '',
  courseStartsWithinDays: '',
  openAtWeekday: '',
  openAtTime: '',
  shortWait: false,
  ownDistrict: false,
  outreach: false,
  diversify: true,
};

export const LIMITS = [15, 30, 45, 60, 90, 120, 180];
export const MODES: TravelMode[] = ['PUBLIC_TRANSPORT', 'WALK', 'BICYCLE', 'CAR'];

export function kindValue(mode: 'REQUIRE' | 'PREFER', kind: { category?: string | null; specialty?: string | null }): string {
  return `${mode}|${kind.category ?? ''}|${kind.specialty ?? ''}`;
}

function partnerKinds(form: FindForm): NeedPartnerKindInput[] {
  return form.needs.flatMap((need) => {
    const v = form.kinds[need];
    if (!v) return [];
    const [mode, category, specialty] = v.split('|');
    return [{ need, mode: mode as 'REQUIRE' | 'PREFER', ...(category ? { category: category as never } : {}), ...(specialty ? { specialty: specialty as never } : {}) }];
  });
}

function originInput(origin: Origin): MatchRequestInput['origin'] {
  switch (origin.kind) {
    case 'postcode':
      return { postcode: origin.postcode };
    case 'place':
      return { place: origin.id };
    case 'point':
      return { latitude: origin.latitude, longitude: origin.longitude };
    case 'text':
      return { place: origin.text };
    case 'none':
      return {};
  }
}

const int = (s: string) => (s.trim() === '' ? undefined : Number.parseInt(s, 10));

/** The GraphQL match request for the form (only what differs from the API's defaults is sent). */
export function toMatchRequest(form: FindForm, origin: Origin): MatchRequestInput {
  const languages = form.languages
    .split(/[,\s]+/)
    .map((l) => l.trim().toLowerCase())
    .filter(Boolean);
  const kinds = partnerKinds(form);
  return {
    needs: form.needs,
    origin: originInput(origin),
    travel: { mode: form.mode, maxMinutes: form.limit },
    diversify: form.diversify,
    ...(kinds.length ? { partnerKinds: kinds } : {}),
    constraints: {
      acceptingNewClientsOnly: form.acceptingNewClientsOnly,
      ...(form.costCovered ? { costCovered: true } : {}),
      ...(form.stepFreeAccess ? { stepFreeAccess: true } : {}),
      ...(form.accessibility.length ? { accessibility: form.accessibility } : {}),
      ...(form.deliveryModes.length ? { deliveryModes: form.deliveryModes } : {}),
      ...(languages.length ? { languages } : {}),
      ...(int(form.age) !== undefined ? { age: int(form.age) } : {}),
      ...(int(form.courseStartsWithinDays) !== undefined ? { courseStartsWithinDays: int(form.courseStartsWithinDays) } : {}),
      ...(form.openAtWeekday && form.openAtTime ? { openAt: { weekday: Number(form.openAtWeekday), time: form.openAtTime } } : {}),
    },
    preferences: { shortWait: form.shortWait, ownDistrict: form.ownDistrict, outreach: form.outreach },
  };
}
