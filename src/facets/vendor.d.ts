/** Type declarations for dependencies of the facet engine that ship none. */
declare module "stopword" {
  /** English stop words. */
  export const eng: string[];
}
