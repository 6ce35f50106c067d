// The contrib extensions are reachable only through package.json "exports", which the classic
// `node` module resolution used here (for NestJS decorators/CommonJS) does not read.
declare module '@electric-sql/pglite/contrib/pg_trgm' {
  export const pg_trgm: import('@electric-sql/pglite').Extension;
}
declare module '@electric-sql/pglite/contrib/unaccent' {
  export const unaccent: import('@electric-sql/pglite').Extension;
}
declare module '@electric-sql/pglite/contrib/btree_gist' {
  export const btree_gist: import('@electric-sql/pglite').Extension;
}
