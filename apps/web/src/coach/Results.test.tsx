import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { MatchQuery } from '../graphql/generated/graphql';
import { RouterProvider } from '../router';
import { targetFixture } from './fixtures';
import { Results } from './Results';

// Leaflet needs a real browser
vi.mock('./ResultsMap', () => ({ default: () => null }));

const mental = { code: 'mental_health', labelDe: 'Psychische Gesundheit' };
const viaTherapy = targetFixture({ needMatches: [{ need: mental, via: [{ code: 'psychotherapy', labelDe: 'Psychotherapie' }] }] });

const result: MatchQuery['matchReferralTargets'] = {
  limitMinutes: 60,
  mode: 'PUBLIC_TRANSPORT',
  consideredCandidates: 1,
  estimator: { estimated: true, description: '' },
  origin: { description: 'Riesa', latitude: 51.3, longitude: 13.29, districtAgs: '14627' },
  unmetNeeds: [],
  targets: { totalCount: 1, edges: [{ node: viaTherapy }] },
  bundle: {
    explanation: 'Ein Angebot für alle Bedarfe.',
    distinctOrganizations: 1,
    distinctLocations: 1,
    totalTravelMinutes: 34,
    items: [{ rank: 1, explanation: 'Nächstes passendes Angebot.', need: mental, target: viaTherapy }],
    missingNeeds: [],
  },
  beyondLimit: [],
};

describe('Results', () => {
  it('names the narrower need a bundle step answers its need through, as on the card', () => {
    render(
      <RouterProvider>
        <Results result={result} onMore={() => {}} />
      </RouterProvider>,
    );
    expect(screen.getByText('Psychische Gesundheit (über Psychotherapie)', { selector: '.lotse-bundle__steps p' })).toBeTruthy();
    expect(screen.getAllByText('Psychische Gesundheit (über Psychotherapie)', { selector: 'dd' })).toHaveLength(2);
  });
});
