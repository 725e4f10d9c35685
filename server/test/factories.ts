import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { creditCodeCheckChar } from '../../shared/credit-code';
import { ROLES, type Role } from '../../shared/roles';
import { users } from '../domains/auth/auth.tables';
import { departments, posts, staff } from '../domains/org/org.tables';
import { provinces, zones } from '../domains/tenancy/tenancy.tables';
import { hashPassword } from '../platform/auth/password';
import type { Db } from '../platform/db';
import { type Client, login } from './harness';

export const PASSWORD = 'Test-password-1';
const uid = () => randomUUID().replaceAll('-', '').slice(0, 10);

let creditSerial = 0;
/** A valid 统一社会信用代码 (GB 32100-2015 check character), different on every call in this process. */
export function creditCode(): string {
  creditSerial++;
  const first17 = `91430900${String(creditSerial).padStart(6, '0')}MT3`;
  return first17 + creditCodeCheckChar(first17);
}

export async function makeProvince(db: Db) {
  const code = `P${uid()}`;
  const [p] = await db
    .insert(provinces)
    .values({ code, name: `测试省${code}`, nameEn: `Province ${code}` })
    .returning();
  return p!;
}

export async function makeZone(db: Db, provinceId?: string) {
  const pid = provinceId ?? (await makeProvince(db)).id;
  const code = `z-${uid()}`;
  const [z] = await db
    .insert(zones)
    .values({ provinceId: pid, code, name: `测试园区${code}`, nameEn: `Zone ${code}`, level: 'national' })
    .returning();
  return z!;
}

export async function makeDepartment(db: Db, zoneId: string, overrides: Partial<typeof departments.$inferInsert> = {}) {
  const code = `D${uid()}`;
  const [d] = await db
    .insert(departments)
    .values({ zoneId, code, name: `部门${code}`, class: 'A', ...overrides })
    .returning();
  return d!;
}

export async function makePost(db: Db, zoneId: string, departmentId: string, coefficient = 1.2) {
  const [p] = await db
    .insert(posts)
    .values({ zoneId, departmentId, name: `岗位${uid()}`, coefficient })
    .returning();
  return p!;
}

export async function makeStaff(db: Db, zoneId: string, departmentId: string, postId: string | null = null) {
  const [s] = await db
    .insert(staff)
    .values({
      zoneId,
      departmentId,
      postId,
      employeeNo: `E${uid()}`,
      name: '测试人员',
      gender: 'F',
      establishmentType: 'administrative',
      archiveRank: '正科',
    })
    .returning();
  return s!;
}

export async function makeUser(
  db: Db,
  role: Role,
  scope: {
    zoneId?: string | null;
    provinceId?: string | null;
    departmentId?: string | null;
    enterpriseId?: string | null;
  } = {},
) {
  const username = `${role.replace('_', '')}-${uid()}`;
  const [u] = await db
    .insert(users)
    .values({
      username,
      displayName: `用户${username}`,
      role,
      passwordHash: await hashPassword(PASSWORD),
      zoneId: scope.zoneId ?? null,
      provinceId: scope.provinceId ?? null,
      departmentId: scope.departmentId ?? null,
      enterpriseId: scope.enterpriseId ?? null,
    })
    .returning();
  return { ...u!, password: PASSWORD };
}

export interface Tenant {
  provinceId: string;
  zoneId: string;
  deptA: typeof departments.$inferSelect;
  deptB: typeof departments.$inferSelect;
  staffA: typeof staff.$inferSelect;
  staffB: typeof staff.$inferSelect;
  users: Record<Role, Awaited<ReturnType<typeof makeUser>>>;
  /** A signed-in client per role (admin and province viewer send X-Zone-Id of this zone). */
  as(role: Role): Promise<Client>;
}

/** A whole zone with two departments (A and B), a staff member in each and one account per role. */
export async function makeTenant(app: FastifyInstance): Promise<Tenant> {
  const db = app.ctx.database.db;
  const province = await makeProvince(db);
  const zone = await makeZone(db, province.id);
  const deptA = await makeDepartment(db, zone.id, { class: 'A' });
  const deptB = await makeDepartment(db, zone.id, { class: 'B' });
  const postA = await makePost(db, zone.id, deptA.id, 1.65);
  const staffA = await makeStaff(db, zone.id, deptA.id, postA.id);
  const staffB = await makeStaff(db, zone.id, deptB.id);
  const accounts = {} as Tenant['users'];
  for (const role of ROLES) {
    accounts[role] = await makeUser(db, role, {
      zoneId: ['admin', 'province_viewer'].includes(role) ? null : zone.id,
      provinceId: role === 'province_viewer' ? province.id : null,
      departmentId: ['dept_head', 'dept_staff', 'service_officer'].includes(role) ? deptA.id : null,
      enterpriseId: role === 'enterprise' ? randomUUID() : null,
    });
  }
  const clients = new Map<Role, Client>();
  return {
    provinceId: province.id,
    zoneId: zone.id,
    deptA,
    deptB,
    staffA,
    staffB,
    users: accounts,
    async as(role) {
      let c = clients.get(role);
      if (!c) {
        c = await login(app, accounts[role].username, PASSWORD, zone.id);
        clients.set(role, c);
      }
      return c;
    },
  };
}
