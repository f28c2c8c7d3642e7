/**
 * Works around a Prisma schema-engine bug (github.com/prisma/orm/issues/26571, open): on SQLite a `Json`
 * field's `@default("{}")` is written unquoted (`DEFAULT {}`), which SQLite rejects. Quoting it as a string
 * literal is what the engine means, and the drift check confirms the result matches the schema.
 */
export function fixSqliteJsonDefaults(sql: string): string {
  return sql.replace(/(\bJSONB\b[^,\n]*?\bDEFAULT )([[{][^\n]*?)(,?\n)/g, (_all, head: string, value: string, tail: string) => {
    return `${head}'${value.replace(/'/g, "''")}'${tail}`;
  });
}
