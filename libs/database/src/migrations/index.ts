import { InitialSchema1732280000000 } from './1732280000000-initial-schema';
import { SeedNeedsTaxonomy1732280000001 } from './1732280000001-seed-needs-taxonomy';
import { Coverage1732290000000 } from './1732290000000-coverage';
import { Search1732300000000 } from './1732300000000-search';
import { AccountsAndSelfService1732310000000 } from './1732310000000-accounts-and-self-service';
import { MatchListing1732320000000 } from './1732320000000-match-listing';
import { Visibility1733000000000 } from './1733000000000-visibility';
import { Gtfs1733100000000 } from './1733100000000-gtfs';
import { Places1733200000000 } from './1733200000000-places';
import { NeedsTaxonomyParents1733250000000 } from './1733250000000-needs-taxonomy-2026-2';
import { PartnerKindsHandoverServiceArea1734100000000 } from './1734100000000-partner-kinds-handover-service-area';
import { ServiceAreaIndexNoPendingList1734100000001 } from './1734100000001-service-area-index-no-pending-list';
import { SearchNeedsWithBroader1734100000002 } from './1734100000002-search-needs-with-broader';
import { Referrals1734200000000 } from './1734200000000-referrals';
import { ReferralStaleNotice1734200000001 } from './1734200000001-referral-stale-notice';
import { GeocodePrecision1734300000000 } from './1734300000000-geocode-precision';
import { ImportKeys1734310000000 } from './1734310000000-import-keys';
import { ImportBatchTriggers1734320000000 } from './1734320000000-import-batch-triggers';
import { MatchListingRefreshByIds1734330000000 } from './1734330000000-match-listing-refresh-by-ids';
import { MatchListingNeedFamilies1734400000000 } from './1734400000000-match-listing-need-families';

/** In order; listed explicitly so the bundle and the tests run exactly the same migrations. */
export const MIGRATIONS = [
  InitialSchema1732280000000,
  SeedNeedsTaxonomy1732280000001,
  Coverage1732290000000,
  Search1732300000000,
  AccountsAndSelfService1732310000000,
  MatchListing1732320000000,
  Visibility1733000000000,
  Gtfs1733100000000,
  Places1733200000000,
  NeedsTaxonomyParents1733250000000,
  PartnerKindsHandoverServiceArea1734100000000,
  ServiceAreaIndexNoPendingList1734100000001,
  SearchNeedsWithBroader1734100000002,
  Referrals1734200000000,
  ReferralStaleNotice1734200000001,
  GeocodePrecision1734300000000,
  ImportKeys1734310000000,
  ImportBatchTriggers1734320000000,
  MatchListingRefreshByIds1734330000000,
  MatchListingNeedFamilies1734400000000,
];
