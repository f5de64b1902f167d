// Integration suites start a real runtime (SQLite, scrypt, HTTP) in their hooks; on a loaded 2-core CI
// machine that can take longer than jest's default 5 s. Speed is measured in `npm run bench`, not here.
jest.setTimeout(30_000);
