import { join, resolve } from 'node:path';
import { importsOf, violationsFor } from '../../scripts/check-boundaries';

const ROOT = resolve(__dirname, '../..');
const check = (file: string, source: string) => violationsFor(join(ROOT, file), importsOf(join(ROOT, file), source));

describe('the dependency rule', () => {
  test('given core importing an SDK, a node module, Taro or an adapter, then each is a violation', () => {
    expect(check('cloudfunctions/core/x/a.ts', "import tcb from '@cloudbase/node-sdk';")).toHaveLength(1);
    expect(check('cloudfunctions/core/x/a.ts', "import { readFileSync } from 'node:fs';")).toHaveLength(1);
    expect(check('cloudfunctions/core/x/a.ts', "import Taro from '@tarojs/taro';")).toHaveLength(1);
    expect(check('cloudfunctions/core/x/a.ts', "import { s } from '../../adapters/sqlite';")).toHaveLength(1);
    expect(check('cloudfunctions/core/x/a.ts', "const d = require('better-sqlite3');")).toHaveLength(1);
  });

  test('given core importing core, then it is fine; contracts importing the rest of core is not', () => {
    expect(check('cloudfunctions/core/x/a.ts', "import { AppError } from '../kernel/app-error';")).toEqual([]);
    expect(check('cloudfunctions/core/contracts/a.ts', "import { AppError } from '../kernel/app-error';")).toHaveLength(1);
  });

  test('given the clients importing a shared rule from core/rules, then it is fine; core/rules importing anything is not, nor clients importing the rest of core', () => {
    expect(check('src/services/mobile.ts', "export { MOBILE_CN } from '../../cloudfunctions/core/rules/mobile';")).toEqual([]);
    expect(check('console/src/pages/a.tsx', "import { MOBILE_CN } from '../../../cloudfunctions/core/rules/mobile';")).toEqual([]);
    expect(check('cloudfunctions/core/rules/mobile.ts', "import { AppError } from '../kernel/app-error';")).toHaveLength(1);
    expect(check('src/services/mobile.ts', "export { MOBILE_CN } from '../../cloudfunctions/core/sms/codes';")).toHaveLength(1);
  });

  test('given an SDK outside adapters, then it is a violation', () => {
    expect(check('server/x.ts', "import Database from 'better-sqlite3';")).toHaveLength(1);
    expect(check('cloudfunctions/adapters/sqlite/x.ts', "import Database from 'better-sqlite3';")).toEqual([]);
  });

  test("given a function's router importing an adapter, then it is a violation; its index.ts may", () => {
    expect(check('cloudfunctions/functions/auth/actions.ts', "import { x } from '../../adapters/cloudbase/handlers';")).toHaveLength(1);
    expect(check('cloudfunctions/functions/auth/index.ts', "import { x } from '../../adapters/cloudbase/handlers';")).toEqual([]);
  });

  test('given the mini program importing contracts, then only import type is allowed', () => {
    expect(check('src/services/a.ts', "import type { SessionView } from '../../cloudfunctions/core/contracts';")).toEqual([]);
    expect(check('src/services/a.ts', "import { httpStatusOf } from '../../cloudfunctions/core/contracts';")).toHaveLength(1);
    expect(check('src/services/a.ts', "import { login } from '../../cloudfunctions/core/identity/login';")).toHaveLength(1);
  });
});
