import { Logger } from '@nestjs/common';
import { AuthService } from '@lotse/auth';
import { CatalogueService, OrganizationStatus } from '@lotse/catalogue';
import { InvalidInputError, Role } from '@lotse/common';

/** Known demo logins, created only with demo data outside production. Never use them for real data. */
export const DEMO_PASSWORD = 'lotse-demo-2026';
export const DEMO_ACCOUNTS = [
  { email: 'coach@lotse.example', displayName: 'Demo-Coach', role: Role.COACH },
  { email: 'koordination@lotse.example', displayName: 'Demo-Koordination', role: Role.COORDINATOR },
  { email: 'partner@lotse.example', displayName: 'Demo-Partner', role: Role.PARTNER },
  { email: 'admin@lotse.example', displayName: 'Demo-Admin', role: Role.ADMIN },
];

export async function seedDemoAccounts(auth: AuthService, catalogue: CatalogueService): Promise<void> {
  const [[firstOrganization]] = await catalogue.findOrganizations({ status: OrganizationStatus.ACTIVE }, { limit: 1 });
  let created = 0;
  for (const account of DEMO_ACCOUNTS) {
    try {
      await auth.createUser({ ...account, password: DEMO_PASSWORD, organizationIds: account.role === Role.PARTNER && firstOrganization ? [firstOrganization.id] : [] });
      created++;
    } catch (e) {
      if (!(e instanceof InvalidInputError)) throw e; // exists already
    }
  }
  if (created > 0) {
    new Logger('DemoAccounts').log(
      `demo logins (password "${DEMO_PASSWORD}"): ${DEMO_ACCOUNTS.map((a) => `${a.email} (${a.role})`).join(', ')}` +
        (firstOrganization ? `; the partner belongs to "${firstOrganization.name}"` : ''),
    );
  }
}
