/**
 * Example values for the fields of an inferred JSON body. The type the code reveals wins
 * (`typeof x === 'number'`, `Array.isArray(x)`, `x.trim()`); without one, a few unambiguous
 * names get a typed placeholder. Values are placeholders to edit, never guesses at secrets.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** What the code says about a value's type. */
export type Hint = 'string' | 'number' | 'boolean' | 'array' | 'object';

const BOOLEAN_NAME =
  /^(is|has|can|should|enable|allow)[A-Z_]|^(published|active|enabled|disabled|done|completed|archived|verified|private|public|draft)$/;
const NUMBER_NAME =
  /(count|quantity|qty|amount|price|total|age|year|page|limit|offset|size|score|rating|position|index|duration|weight|height|width)$/i;
const ARRAY_NAME = /(tags|items|ids|list|roles|labels|categories|images|files|permissions)$/i;
const DATE_NAME = /^(date|time|timestamp)$|[a-z](Date|At|Time)$|_(at|date|time)$/;

export const EXAMPLE_EMAIL = 'user@example.com';
export const EXAMPLE_URL = 'https://example.com';
export const EXAMPLE_UUID = '00000000-0000-4000-8000-000000000000';
export const EXAMPLE_DATE = '1970-01-01T00:00:00.000Z';

/** A placeholder value for a field called `name`, of type `hint` when the code says so. */
export function exampleFor(name: string, hint?: Hint): JsonValue {
  switch (hint) {
    case 'number':
      return 0;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object':
      return {};
    case undefined:
      if (BOOLEAN_NAME.test(name)) return false;
      if (NUMBER_NAME.test(name)) return 0;
      if (ARRAY_NAME.test(name)) return [];
      break;
    case 'string':
      break;
  }
  const lower = name.toLowerCase();
  if (lower === 'email' || /[a-z_]email$/i.test(name)) return EXAMPLE_EMAIL;
  if (/^(url|website|link|href|homepage)$|[a-z](Url|URL|Link)$|_url$/.test(name)) return EXAMPLE_URL;
  if (DATE_NAME.test(name)) return EXAMPLE_DATE;
  return '';
}
