// Browser suites start processes and a browser: hooks and tests get a minute, not jest's default 5 s.
jest.setTimeout(60_000);
