// The options every benchmark on a seeded database takes (`bench:seed`, `bench:queries`, `bench:prune`): which
// database on which server, defaulting to the one `npm run bench:seed` fills.
export const BENCH_DATABASE_OPTIONS = {
  database: { type: 'string', default: 'yard_bench' },
  host: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432' },
};

/** The database's URL from parsed options. */
export function benchDatabaseUrl(values) {
  return `${values.host}/${values.database}`;
}
