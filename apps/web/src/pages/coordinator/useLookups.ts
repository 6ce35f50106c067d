import { useEffect, useState } from 'react';
import { gql } from '../../api/client';
import { CoordinatorLookupsDocument, type CoordinatorLookupsQuery } from '../../graphql/generated/graphql';

/** Districts and needs for the coordinator's filters (loaded once per page). */
export function useLookups(): CoordinatorLookupsQuery | undefined {
  const [lookups, setLookups] = useState<CoordinatorLookupsQuery>();
  useEffect(() => {
    gql(CoordinatorLookupsDocument)
      .then(setLookups)
      .catch(() => setLookups({ districts: [], needs: [] }));
  }, []);
  return lookups;
}
