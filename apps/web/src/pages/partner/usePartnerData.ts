import { useCallback, useEffect, useState } from 'react';
import { gql } from '../../api/client';
import { ApiError } from '../../api/errors';
import { MyOrganizationsDocument, type MyOrganizationsQuery } from '../../graphql/generated/graphql';
import { t } from '../../texts';

export type PartnerOrganization = MyOrganizationsQuery['myOrganizations'][number];

/** The logged-in partner's organisations with services and locations; reload after a save. */
export function useMyOrganizations() {
  const [organizations, setOrganizations] = useState<PartnerOrganization[]>();
  const [error, setError] = useState<ApiError>();
  const load = useCallback(async () => {
    setError(undefined);
    try {
      setOrganizations((await gql(MyOrganizationsDocument)).myOrganizations);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError('INTERNAL_SERVER_ERROR', t.errors.server));
    }
  }, []);
  useEffect(() => void load(), [load]);
  return { organizations, setOrganizations, error, reload: load };
}
