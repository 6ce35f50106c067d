import { Args, ArgsType, Field, ID, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { AuthService } from '@lotse/auth';
import { CatalogueWriteService, RegisterOrganizationInput } from '@lotse/catalogue';

import { Actor, Public, Role } from '@lotse/common';

@ArgsType()
class RegisterOrganizationArgs {
  @Field(() => RegisterOrganizationInput) @ValidateNested() @Type(() => RegisterOrganizationInput) input: RegisterOrganizationInput;
}

@ObjectType('Registration')
class RegistrationType {
  @Field(() => ID) organizationId: string;
  @Field({ description: 'always PENDING until a coordinator activates the organisation' }) status: string;
  @Field({ description: 'the invitation was sent to this address (logged in development)' }) invitationSentTo: string;
}

/**
 * Composes catalogue and accounts: a new organisation is created PENDING and its contact receives
 * an invitation to become its first partner member.
 */
@Resolver()
export class RegistrationResolver {
  constructor(
    private readonly writes: CatalogueWriteService,
    private readonly auth: AuthService,
  ) {}

  @Public()
  @Mutation(() => RegistrationType, { description: 'Register a new partner organisation (pending until a coordinator activates it)' })
  async registerOrganization(@Args() { input }: RegisterOrganizationArgs): Promise<RegistrationType> {
    const { contactEmail, ...organization } = input;
    const registrant: Actor = { userId: null as unknown as string, role: Role.PARTNER, organizationIds: [], displayName: `Registrierung (${contactEmail})` };
    const organizationId = await this.writes.registerOrganization(registrant, organization);
    await this.auth.invite({ email: contactEmail, role: Role.PARTNER, organizationId }, null);
    return { organizationId, status: 'PENDING', invitationSentTo: contactEmail };
  }
}
