import { useCallback, useEffect, useRef, useState } from 'react';
import { gql } from '../../api/client';
import { ApiError } from '../../api/errors';
import { MyOrganizationsDocument, type MyOrganizationsQuery } from '../../graphql/generated/graphql';
import { t } from '../../texts';

export type PartnerOrganization = MyOrganizationsQuery['myOrganizations'][number];

/** The logged-in partner's organisations with services and locations; reload after a save. */
export function useMyOrganizations() {
  const [organizations, setOrganizations] = useState<PartnerOrganization[]>();
  const [error, setError] = useState<ApiError>();
  // reloads can overlap (a conflict reloads, then the retire does): only the latest answer counts
  const seq = useRef(0);
  const load = useCallback(async () => {
    const mine = ++seq.current;
    setError(undefined);
    try {
      const { myOrganizations } = await gql(MyOrganizationsDocument);
      if (mine === seq.current) setOrganizations(myOrganizations);
    } catch (e) {
      if (mine === seq.current) setError(e instanceof ApiError ? e : new ApiError('INTERNAL_SERVER_ERROR', t.errors.server));
    }
  }, []);
  useEffect(() => void load(), [load]);
  return { organizations, setOrganizations, error, reload: load };
}
