/**
 * Lookups in tables keyed by user input. `key in TABLE` and `TABLE[key]` also find what every object
 * inherits ('constructor', 'toString', '__proto__'…), so a request naming one passed validation or
 * reached a handler as a function. Only a table's own keys count. (Object.hasOwn is ES2022, newer
 * than some mini-program engines.)
 */
export function hasOwn(table: object, key: PropertyKey): boolean {
  return Object.prototype.hasOwnProperty.call(table, key);
}

export function ownValue<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return hasOwn(table, key) ? table[key] : undefined;
}
