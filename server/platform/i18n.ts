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
  UNKNOWN_INDUSTRY_CODE: {
    'zh-CN': '不是 GB/T 4754-2017 的大类或中类代码',
    'en-US': 'Not a GB/T 4754-2017 division or group code',
  },
  INVALID_CREDIT_CODE: { 'zh-CN': '统一社会信用代码不正确', 'en-US': 'Invalid unified social credit code' },
  DUPLICATE_DATE: { 'zh-CN': '该日期重复出现', 'en-US': 'This date appears more than once' },
  DATE_OUTSIDE_YEAR: { 'zh-CN': '日期不在 {year} 年内', 'en-US': 'The date is not in {year}' },
  WORKDAY_NOT_WEEKEND: {
    'zh-CN': '调休上班日必须是星期六或星期日',
    'en-US': 'A make-up working day must be a Saturday or Sunday',
  },
  INVALID_MONTH: { 'zh-CN': '月份格式应为 YYYY-MM', 'en-US': 'Month must be YYYY-MM' },
  RANGE_TOO_LONG: { 'zh-CN': '日期跨度不能超过 10 年', 'en-US': 'The range may span at most 10 years' },
  CANNOT_DISABLE_SELF: {
    'zh-CN': '不能停用或降级自己的账号',
    'en-US': 'You cannot disable or demote your own account',
  },
  // Imports (upload checks, file- and row-level problems)
  IMPORT_FILE_MISSING: {
    'zh-CN': '请上传文件（请求体即文件内容）',
    'en-US': 'Upload a file (the request body is the file itself)',
  },
  IMPORT_FILE_EMPTY: { 'zh-CN': '文件是空的', 'en-US': 'The file is empty' },
  IMPORT_FILE_TOO_LARGE: {
    'zh-CN': '文件过大，最大允许 {maxMb} MB，请拆分后上传',
    'en-US': 'The file is too large (at most {maxMb} MB); split it and upload the parts',
  },
  IMPORT_FILE_TYPE: { 'zh-CN': '仅支持 .xlsx 或 .csv 文件', 'en-US': 'Only .xlsx and .csv files are accepted' },
  IMPORT_XLS_UNSUPPORTED: {
    'zh-CN': '不支持旧版 .xls 格式，请在 Excel 中“另存为” .xlsx 后再上传',
    'en-US': 'Old .xls files are not supported; save the file as .xlsx in Excel and upload it again',
  },
  IMPORT_FILE_MISMATCH: {
    'zh-CN': '文件内容与扩展名不符，请确认上传的是 .xlsx 或 .csv 文件',
    'en-US': 'The file content does not match its extension; upload an .xlsx or .csv file',
  },
  IMPORT_FILE_UNREADABLE: {
    'zh-CN': '无法读取文件，请确认是有效的 .xlsx 或 .csv 文件',
    'en-US': 'The file cannot be read; make sure it is a valid .xlsx or .csv file',
  },
  IMPORT_NO_HEADER: { 'zh-CN': '找不到表头行', 'en-US': 'No header row found' },
  IMPORT_MISSING_COLUMN: { 'zh-CN': '缺少必填列“{column}”', 'en-US': 'The required column "{column}" is missing' },
  IMPORT_DUPLICATE_COLUMN: { 'zh-CN': '列“{column}”出现了多次', 'en-US': 'The column "{column}" appears twice' },
  IMPORT_NO_ROWS: { 'zh-CN': '文件中没有数据行', 'en-US': 'The file has no data rows' },
  IMPORT_TOO_MANY_ROWS: {
    'zh-CN': '数据超过 {max} 行，请拆分文件后分批导入',
    'en-US': 'More than {max} rows; split the file and import the parts',
  },
  IMPORT_NOT_INTEGER: { 'zh-CN': '应为整数', 'en-US': 'Must be a whole number' },
  IMPORT_NOT_NUMBER: { 'zh-CN': '应为数字', 'en-US': 'Must be a number' },
  IMPORT_NOT_BOOL: { 'zh-CN': '应为“是”或“否”', 'en-US': 'Must be Yes or No' },
  IMPORT_DUPLICATE_IN_FILE: { 'zh-CN': '与第 {row} 行重复', 'en-US': 'Duplicates row {row}' },
  IMPORT_ALREADY_EXISTS: { 'zh-CN': '系统中已存在“{value}”', 'en-US': '"{value}" already exists' },
  IMPORT_UNKNOWN_DEPARTMENT: {
    'zh-CN': '本园区没有编码或名称为“{value}”的部门',
    'en-US': 'No department with code or name "{value}" in this zone',
  },
  IMPORT_UNKNOWN_SUB_PARK: {
    'zh-CN': '本园区没有编码或名称为“{value}”的子园区',
    'en-US': 'No sub-park with code or name "{value}" in this zone',
  },
  IMPORT_UNKNOWN_POST: {
    'zh-CN': '部门“{department}”下没有岗位“{value}”',
    'en-US': 'Department "{department}" has no post "{value}"',
  },
  IMPORT_COMMIT_CONFLICT: {
    'zh-CN': '写入时与同时录入的数据冲突，未导入任何数据，请重新上传',
    'en-US': 'The rows clashed with data entered meanwhile; nothing was imported, please upload again',
  },
  IMPORT_JOB_FAILED: {
    'zh-CN': '导入失败，未导入任何数据，请稍后重试或联系管理员',
    'en-US': 'The import failed and nothing was imported; try again later or contact the administrator',
  },
  // Spreadsheet texts (templates, instructions, error reports)
  XLSX_INSTRUCTIONS: { 'zh-CN': '填写说明', 'en-US': 'Instructions' },
  XLSX_COLUMN: { 'zh-CN': '列名', 'en-US': 'Column' },
  XLSX_REQUIRED: { 'zh-CN': '必填', 'en-US': 'Required' },
  XLSX_TYPE: { 'zh-CN': '类型', 'en-US': 'Type' },
  XLSX_OPTIONS: { 'zh-CN': '可选值', 'en-US': 'Allowed values' },
  XLSX_HINT: { 'zh-CN': '说明', 'en-US': 'Notes' },
  XLSX_EXAMPLE: { 'zh-CN': '示例', 'en-US': 'Example' },
  XLSX_YES: { 'zh-CN': '是', 'en-US': 'Yes' },
  XLSX_NO: { 'zh-CN': '否', 'en-US': 'No' },
  XLSX_TYPE_STRING: { 'zh-CN': '文本', 'en-US': 'Text' },
  XLSX_TYPE_INT: { 'zh-CN': '整数', 'en-US': 'Whole number' },
  XLSX_TYPE_DECIMAL: { 'zh-CN': '数字', 'en-US': 'Number' },
  XLSX_TYPE_DATE: { 'zh-CN': '日期（YYYY-MM-DD）', 'en-US': 'Date (YYYY-MM-DD)' },
  XLSX_TYPE_ENUM: { 'zh-CN': '从下拉列表选择', 'en-US': 'One of the list' },
  XLSX_TYPE_BOOL: { 'zh-CN': '是 / 否', 'en-US': 'Yes / No' },
  XLSX_NOTE_HEADER: {
    'zh-CN': '第 1 行是表头，请勿修改或删除；从第 2 行开始逐行填写，一行一条记录。',
    'en-US': 'Row 1 is the header: do not change or delete it. Fill in one record per row from row 2.',
  },
  XLSX_NOTE_ALL_OR_NOTHING: {
    'zh-CN': '整个文件全部通过校验才会导入；只要有一处错误，就不导入任何数据，并提供错误报告（行号、列、原因）。',
    'en-US':
      'The file is imported only when every row is valid; any error imports nothing and gives an error report (row, column, reason).',
  },
  XLSX_NOTE_FORMATS: {
    'zh-CN': '支持 .xlsx 和 .csv（UTF-8 或 GBK 编码）文件，最大 {maxMb} MB。',
    'en-US': 'Accepted: .xlsx and .csv (UTF-8 or GBK), at most {maxMb} MB.',
  },
  XLSX_ROW: { 'zh-CN': '行号', 'en-US': 'Row' },
  XLSX_PROBLEM: { 'zh-CN': '错误原因', 'en-US': 'Problem' },
  XLSX_ERRORS_SHEET: { 'zh-CN': '错误报告', 'en-US': 'Errors' },
  XLSX_ERRORS_TRUNCATED: {
    'zh-CN': '共 {count} 处错误，下表列出前 {shown} 处',
    'en-US': '{count} problems in total; the first {shown} are listed',
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
