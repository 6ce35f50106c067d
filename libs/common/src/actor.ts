/** Roles of Lotse users (DOMAIN.md): what each may do is decided where the action lives. */
export enum Role {
  COACH = 'coach',
  PARTNER = 'partner',
  COORDINATOR = 'coordinator',
  ADMIN = 'admin',
}

/** Who acts: passed from resolvers to services so every write knows its author and scope. */
export interface Actor {
  userId: string;
  role: Role;
  /** organizations a partner is a member of (empty for other roles) */
  organizationIds: string[];
  displayName: string;
}
