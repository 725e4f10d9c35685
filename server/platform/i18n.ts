import type { Locale } from '../../shared/auth';

/** Server-side messages (error bodies, notices). Keys are error codes; both locales are required by the type. */
export const messages = {
  VALIDATION: { 'zh-CN': '提交的数据有误，请检查标出的字段', 'en-US': 'Some fields are invalid; please check them' },
  INVALID_JSON: { 'zh-CN': '请求体不是有效的 JSON', 'en-US': 'The request body is not valid JSON' },
  UNSUPPORTED_MEDIA_TYPE: { 'zh-CN': '不支持的内容类型', 'en-US': 'Unsupported content type' },
  PAYLOAD_TOO_LARGE: { 'zh-CN': '请求体过大', 'en-US': 'The request body is too large' },
  UNAUTHENTICATED: { 'zh-CN': '请先登录', 'en-US': 'Please sign in first' },
  SESSION_EXPIRED: { 'zh-CN': '登录已过期，请重新登录', 'en-US': 'Your session has expired; please sign in again' },
  FORBIDDEN: { 'zh-CN': '您没有执行此操作的权限', 'en-US': 'You are not allowed to do this' },
  FORBIDDEN_ZONE: { 'zh-CN': '您无权访问该园区的数据', 'en-US': 'You may not access data of this zone' },
  ZONE_REQUIRED: { 'zh-CN': '请先选择园区', 'en-US': 'Please choose a zone first' },
  CSRF_FAILED: {
    'zh-CN': '安全校验失败（CSRF），请刷新页面后重试',
    'en-US': 'Security check failed (CSRF); reload the page and try again',
  },
  NOT_FOUND: { 'zh-CN': '记录不存在或无权查看', 'en-US': 'Not found, or you may not see it' },
  ROUTE_NOT_FOUND: { 'zh-CN': '接口不存在', 'en-US': 'No such API route' },
  CONFLICT: { 'zh-CN': '与已有记录冲突', 'en-US': 'This conflicts with an existing record' },
  IN_USE: { 'zh-CN': '该记录仍被引用，无法删除', 'en-US': 'This record is still referenced and cannot be deleted' },
  INVALID_CREDENTIALS: { 'zh-CN': '用户名或密码错误', 'en-US': 'Wrong username or password' },
  ACCOUNT_DISABLED: {
    'zh-CN': '账号已停用，请联系管理员',
    'en-US': 'This account is disabled; contact the administrator',
  },
  LOGIN_RATE_LIMITED: {
    'zh-CN': '登录失败次数过多，请 {minutes} 分钟后再试',
    'en-US': 'Too many failed sign-ins; try again in {minutes} minutes',
  },
  WRONG_PASSWORD: { 'zh-CN': '当前密码不正确', 'en-US': 'The current password is wrong' },
  PASSWORD_REUSED: {
    'zh-CN': '新密码不能与当前密码相同',
    'en-US': 'The new password must differ from the current one',
  },
  DB_UNAVAILABLE: { 'zh-CN': '数据库暂不可用，请稍后重试', 'en-US': 'The database is unavailable; try again shortly' },
  INTERNAL: { 'zh-CN': '服务器内部错误，已记录', 'en-US': 'Internal server error (logged)' },
  // Field-level messages
  REQUIRED: { 'zh-CN': '必填', 'en-US': 'Required' },
  INVALID_TYPE: { 'zh-CN': '类型不正确，应为{expected}', 'en-US': 'Wrong type, expected {expected}' },
  TOO_SHORT: { 'zh-CN': '至少 {minimum} 个字符', 'en-US': 'At least {minimum} characters' },
  TOO_LONG: { 'zh-CN': '最多 {maximum} 个字符', 'en-US': 'At most {maximum} characters' },
  TOO_SMALL: { 'zh-CN': '不能小于 {minimum}', 'en-US': 'Must be at least {minimum}' },
  TOO_BIG: { 'zh-CN': '不能大于 {maximum}', 'en-US': 'Must be at most {maximum}' },
  TOO_FEW_ITEMS: { 'zh-CN': '至少 {minimum} 项', 'en-US': 'At least {minimum} items' },
  TOO_MANY_ITEMS: { 'zh-CN': '最多 {maximum} 项', 'en-US': 'At most {maximum} items' },
  NOT_MULTIPLE: { 'zh-CN': '精度应为 {divisor}', 'en-US': 'Must be a multiple of {divisor}' },
  INVALID_OPTION: { 'zh-CN': '取值无效，可选：{options}', 'en-US': 'Invalid value; allowed: {options}' },
  INVALID_FORMAT: { 'zh-CN': '格式不正确', 'en-US': 'Invalid format' },
  INVALID_UUID: { 'zh-CN': '不是有效的编号', 'en-US': 'Not a valid id' },
  INVALID_DATE: { 'zh-CN': '日期格式应为 YYYY-MM-DD', 'en-US': 'Date must be YYYY-MM-DD' },
  INVALID_PHONE: { 'zh-CN': '手机号应为 11 位数字', 'en-US': 'Mobile number must have 11 digits' },
  UNKNOWN_FIELD: { 'zh-CN': '不允许的字段', 'en-US': 'Field not allowed' },
  PASSWORD_NEEDS_LETTER: { 'zh-CN': '密码需包含字母', 'en-US': 'Password needs a letter' },
  PASSWORD_NEEDS_DIGIT: { 'zh-CN': '密码需包含数字', 'en-US': 'Password needs a digit' },
  DUPLICATE_VALUE: { 'zh-CN': '已存在相同的值', 'en-US': 'This value already exists' },
  ROLE_NEEDS_ZONE: { 'zh-CN': '该角色必须指定园区', 'en-US': 'This role needs a zone' },
  ROLE_NEEDS_DEPARTMENT: { 'zh-CN': '该角色必须指定部门', 'en-US': 'This role needs a department' },
  ROLE_NEEDS_PROVINCE: { 'zh-CN': '省级查看角色必须指定省份', 'en-US': 'A province viewer needs a province' },
  ROLE_NEEDS_ENTERPRISE: { 'zh-CN': '企业用户必须关联企业', 'en-US': 'An enterprise user needs an enterprise' },
  ROLE_NO_ZONE: { 'zh-CN': '该角色不应绑定园区', 'en-US': 'This role is not bound to a zone' },
  DEPARTMENT_OTHER_ZONE: { 'zh-CN': '部门不属于所选园区', 'en-US': 'The department belongs to another zone' },
  POST_OTHER_DEPARTMENT: { 'zh-CN': '岗位不属于所选部门', 'en-US': 'The post belongs to another department' },
  UNKNOWN_REFERENCE: { 'zh-CN': '引用的记录不存在', 'en-US': 'The referenced record does not exist' },
  CANNOT_DISABLE_SELF: {
    'zh-CN': '不能停用或降级自己的账号',
    'en-US': 'You cannot disable or demote your own account',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type MessageKey = keyof typeof messages;

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(messages, key);
}

export function t(locale: Locale, key: MessageKey, params: Record<string, unknown> = {}): string {
  const template: string = messages[key][locale];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** zh-CN unless the client prefers English. */
export function localeFromHeader(header: string | undefined): Locale {
  if (!header) return 'zh-CN';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en-US' : 'zh-CN';
}
