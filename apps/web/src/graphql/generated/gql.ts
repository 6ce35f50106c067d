/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "fragment SessionUser on User {\n  id\n  email\n  displayName\n  role\n  organizationIds\n}\n\nmutation Login($email: String!, $password: String!) {\n  login(email: $email, password: $password) {\n    accessToken\n    accessTokenExpiresAt\n    refreshToken\n    refreshTokenExpiresAt\n    user {\n      ...SessionUser\n    }\n  }\n}\n\nmutation RefreshToken($refreshToken: String!) {\n  refreshToken(refreshToken: $refreshToken) {\n    accessToken\n    accessTokenExpiresAt\n    refreshToken\n    refreshTokenExpiresAt\n    user {\n      ...SessionUser\n    }\n  }\n}\n\nmutation Logout {\n  logout\n}\n\nquery Me {\n  me {\n    ...SessionUser\n  }\n}": typeof types.SessionUserFragmentDoc,
};
const documents: Documents = {
    "fragment SessionUser on User {\n  id\n  email\n  displayName\n  role\n  organizationIds\n}\n\nmutation Login($email: String!, $password: String!) {\n  login(email: $email, password: $password) {\n    accessToken\n    accessTokenExpiresAt\n    refreshToken\n    refreshTokenExpiresAt\n    user {\n      ...SessionUser\n    }\n  }\n}\n\nmutation RefreshToken($refreshToken: String!) {\n  refreshToken(refreshToken: $refreshToken) {\n    accessToken\n    accessTokenExpiresAt\n    refreshToken\n    refreshTokenExpiresAt\n    user {\n      ...SessionUser\n    }\n  }\n}\n\nmutation Logout {\n  logout\n}\n\nquery Me {\n  me {\n    ...SessionUser\n  }\n}": types.SessionUserFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment SessionUser on User {\n  id\n  email\n  displayName\n  role\n  organizationIds\n}\n\nmutation Login($email: String!, $password: String!) {\n  login(email: $email, password: $password) {\n    accessToken\n    accessTokenExpiresAt\n    refreshToken\n    refreshTokenExpiresAt\n    user {\n      ...SessionUser\n    }\n  }\n}\n\nmutation RefreshToken($refreshToken: String!) {\n  refreshToken(refreshToken: $refreshToken) {\n    accessToken\n    accessTokenExpiresAt\n    refreshToken\n    refreshTokenExpiresAt\n    user {\n      ...SessionUser\n    }\n  }\n}\n\nmutation Logout {\n  logout\n}\n\nquery Me {\n  me {\n    ...SessionUser\n  }\n}"): typeof import('./graphql').SessionUserFragmentDoc;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
