/** The project's public addresses, defined once. */
export const REPOSITORY_URL = 'https://github.com/next-route-kit/next-route-kit';

/** A section of the README: a rule's documentation (its id is the anchor), or `rules` for the list. */
export function docsUrlFor(anchor: string): string {
  return `${REPOSITORY_URL}#${anchor}`;
}
