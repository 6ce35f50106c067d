import { InitialSchema1732280000000 } from './1732280000000-initial-schema';
import { SeedNeedsTaxonomy1732280000001 } from './1732280000001-seed-needs-taxonomy';

/** In order; listed explicitly so the bundle and the tests run exactly the same migrations. */
export const MIGRATIONS = [InitialSchema1732280000000, SeedNeedsTaxonomy1732280000001];
