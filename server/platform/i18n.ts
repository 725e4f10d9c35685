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
  CALENDAR_IMPORT_OTHER_YEAR: {
    'zh-CN': '日期不在 {year} 年内（一个文件只导入一年，以第一行的日期为准）',
    'en-US': 'The date is not in {year} (a file holds one year, that of the first row)',
  },
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
  // Attachments (platform file store)
  FILE_MISSING: {
    'zh-CN': '请上传文件（请求体即文件内容）',
    'en-US': 'Upload a file (the request body is the file itself)',
  },
  FILE_EMPTY: { 'zh-CN': '文件是空的', 'en-US': 'The file is empty' },
  FILE_TOO_LARGE: {
    'zh-CN': '文件过大，最大允许 {maxMb} MB',
    'en-US': 'The file is too large (at most {maxMb} MB)',
  },
  FILE_TYPE: {
    'zh-CN': '不支持的文件类型，可上传图片（jpg/png/webp）、PDF、Word、Excel、PowerPoint 或文本文件',
    'en-US': 'Unsupported file type; upload an image (jpg/png/webp), PDF, Word, Excel, PowerPoint or text file',
  },
  FILE_MISMATCH: {
    'zh-CN': '文件内容与扩展名不符',
    'en-US': 'The file content does not match its extension',
  },
  ECON_JUMP_PREVIOUS_MONTH: {
    'zh-CN': '较上月变动 {changePct}%，超过 {limit}% 的合理范围，请填写原因',
    'en-US': 'Changes {changePct}% on the previous month, beyond the plausible {limit}%; give a reason',
  },
  ECON_JUMP_LAST_YEAR: {
    'zh-CN': '较上年同月变动 {changePct}%，超过 {limit}% 的合理范围，请填写原因',
    'en-US': 'Changes {changePct}% on the same month last year, beyond the plausible {limit}%; give a reason',
  },
  ECON_UNKNOWN_INDICATOR: { 'zh-CN': '指标代码不存在', 'en-US': 'Unknown indicator code' },
  ECON_INDICATOR_HAS_VALUES: {
    'zh-CN': '该指标已有填报数据，不能删除，可改为停用',
    'en-US': 'This indicator has reported values and cannot be deleted; deactivate it instead',
  },
  FILE_NOT_FOUND: { 'zh-CN': '附件不存在或无权使用', 'en-US': 'The attachment does not exist or is not yours to use' },
  FILE_ENTERPRISE_OTHER: {
    'zh-CN': '企业用户只能为本企业上传文件',
    'en-US': 'An enterprise user can only attach files to its own enterprise',
  },
  // approval (一站式审批)
  COMMITTED_OVER_STATUTORY: {
    'zh-CN': '承诺时限不能超过法定时限',
    'en-US': 'The committed limit may not exceed the statutory limit',
  },
  INVALID_TRANSITION: {
    'zh-CN': '办件当前为“{statusZh}”，不能执行“{actionZh}”',
    'en-US': 'The case is {statusEn}; it cannot {actionEn}',
  },
  EXTENSION_NEEDS_APPROVER: {
    'zh-CN': '延期须由部门负责人或管委会领导批准',
    'en-US': 'An extension must be approved by a department head or zone leader',
  },
  EXTENSION_ONCE: { 'zh-CN': '办件只能延期一次', 'en-US': 'A case can be extended only once' },
  EXTENSION_TOO_LATE: {
    'zh-CN': '法定时限已于 {due} 届满，不能再延期',
    'en-US': 'The statutory limit ended on {due}; it can no longer be extended',
  },
  DATE_BEFORE_LAST_STEP: {
    'zh-CN': '日期不能早于上一步（{last}）',
    'en-US': 'The date cannot be before the previous step ({last})',
  },
  REASON_REQUIRED: { 'zh-CN': '请填写理由', 'en-US': 'Please give a reason' },
  UNKNOWN_MATERIAL: { 'zh-CN': '材料“{code}”不属于本办件', 'en-US': 'Material "{code}" is not part of this case' },
  COMPLETENESS_EXPIRED: {
    'zh-CN': '收件已超过 {days} 个工作日未告知，依法视为受理，只能受理',
    'en-US': 'No notice within {days} working days of receipt: the case counts as accepted and can only be accepted',
  },
  MATERIALS_MISSING: {
    'zh-CN': '缺少必要材料：{names}，请一次性告知补正',
    'en-US': 'Required materials are missing ({names}); send a one-time correction notice',
  },
  RONGQUE_NOT_ALLOWED: {
    'zh-CN': '该事项不支持容缺受理，缺少：{names}',
    'en-US': 'This item does not allow acceptance with missing materials (missing: {names})',
  },
  CORRECTION_ONCE: {
    'zh-CN': '补正告知只能一次性发出',
    'en-US': 'The missing-materials notice can be sent only once',
  },
  RONGQUE_OUTSTANDING: {
    'zh-CN': '容缺材料尚未补齐，不能作出准予决定',
    'en-US': 'Materials accepted as missing (容缺) are still outstanding; cannot approve yet',
  },
  NOT_COMMITMENT_MODE: {
    'zh-CN': '该办件未选择告知承诺方式',
    'en-US': 'This case was not filed under the notification-and-commitment mode',
  },
  COMMITMENT_NOT_ALLOWED: {
    'zh-CN': '所选事项不全部支持告知承诺',
    'en-US': 'Not every chosen item allows the notification-and-commitment mode',
  },
  TERMINATE_NOT_ALLOWED: {
    'zh-CN': '仅当容缺材料在 {due} 前仍未补齐时才能终止',
    'en-US': 'A case can be terminated only when the missing materials were not supplied by {due}',
  },
  ITEM_INACTIVE: { 'zh-CN': '事项已停用或不存在', 'en-US': 'The item is inactive or does not exist' },
  NOT_OWN_ENTERPRISE: {
    'zh-CN': '只能为本企业申报',
    'en-US': 'You can apply only for your own enterprise',
  },
  DATE_IN_FUTURE: { 'zh-CN': '日期不能晚于今天', 'en-US': 'The date cannot be in the future' },
  NOT_AN_AGENT: { 'zh-CN': '帮代办人员须为本园区工作人员', 'en-US': 'The agent must be a staff account of this zone' },
  RED_OVER_YELLOW: {
    'zh-CN': '红色预警天数不能大于黄色预警天数',
    'en-US': 'The red threshold cannot be more working days than the yellow one',
  },
  JOINT_EXTENSION_SHORTER: {
    'zh-CN': '联合办理的延期天数不能少于单部门办理',
    'en-US': 'The joint extension cannot be shorter than the single-agency extension',
  },
  AUTHORITY_NOT_PUBLISHED: {
    'zh-CN': '权责清单编码“{code}”不在本园区现行发布的权责清单中（须为保留或新增赋权事项）',
    'en-US':
      'Code "{code}" is not a power in the zone\'s currently published authority list (retained or newly empowered)',
  },
  // Services (企业服务): demands
  DEMAND_WRONG_STATE: {
    'zh-CN': '诉求当前状态（{status}）不允许此操作',
    'en-US': 'This is not possible while the demand is {status}',
  },
  DEMAND_ALREADY_COMPLEX: {
    'zh-CN': '该诉求本轮已按复杂件延期，不能再次延期',
    'en-US': 'This demand was already extended as complex in this cycle',
  },
  EVIDENCE_REQUIRED: {
    'zh-CN': '请上传办结佐证材料或填写佐证说明',
    'en-US': 'Attach evidence of the resolution or describe it',
  },
  VISIT_ALREADY_RATED: { 'zh-CN': '该次走访已评价', 'en-US': 'This visit was already rated' },
  POLICY_NOT_DRAFT: {
    'zh-CN': '政策已发布，不能修改或重复发布',
    'en-US': 'The policy is already published; it cannot be changed or published again',
  },
  POLICY_NOT_OPEN: {
    'zh-CN': '该政策未在申报期或为免申即享政策，不能申报',
    'en-US': 'This policy does not take applications (not published, or granted without applying)',
  },
  POLICY_NOT_ELIGIBLE: {
    'zh-CN': '本企业不在该政策的匹配范围内',
    'en-US': 'Your enterprise is not eligible for this policy',
  },
  APPLICATION_EXISTS: { 'zh-CN': '已申报过该政策', 'en-US': 'You already applied for this policy' },
  APPLICATION_WRONG_STATE: {
    'zh-CN': '申报当前状态（{status}）不允许此操作',
    'en-US': 'This is not possible while the application is {status}',
  },
  AWARD_REQUIRED: { 'zh-CN': '该政策未设定金额，请填写核定金额', 'en-US': 'The policy has no amount: enter the award' },
  PAYOUT_EXCEEDS_AWARD: {
    'zh-CN': '累计兑现金额不能超过核定金额',
    'en-US': 'Total payouts cannot exceed the award',
  },
  COMPLEX_SHORTER_THAN_RESOLVE: {
    'zh-CN': '复杂件时限不能短于一般办结时限',
    'en-US': 'The complex limit cannot be shorter than the normal resolution limit',
  },
  // performance (考核与薪酬)
  END_BEFORE_START: { 'zh-CN': '结束日期不能早于开始日期', 'en-US': 'The end date cannot be before the start date' },
  CYCLE_CLOSED: { 'zh-CN': '考核周期已关闭，分数已冻结', 'en-US': 'The appraisal cycle is closed; scores are frozen' },
  CYCLE_NOT_CLOSED: { 'zh-CN': '考核周期尚未关闭', 'en-US': 'The appraisal cycle is not closed yet' },
  CYCLE_NO_INDICATORS: { 'zh-CN': '请先设置考核指标', 'en-US': 'Set the indicators of the cycle first' },
  WEIGHTS_NOT_100: {
    'zh-CN': '同一指标组的权重合计必须为 100',
    'en-US': 'The weights of an indicator group must sum to 100',
  },
  BONUS_HAS_WEIGHT: {
    'zh-CN': '加减分项不设权重（权重填 0，用上限控制）',
    'en-US': 'Bonus/deduction items carry no weight (use 0 and a cap)',
  },
  UNKNOWN_SOURCE: {
    'zh-CN': '未知的自动取数来源，或该来源不适用于此层级',
    'en-US': 'Unknown automatic source, or it does not measure this level',
  },
  CLASS_REQUIRED: { 'zh-CN': '个人指标不区分部门类别', 'en-US': 'Individual indicators have no department class' },
  INDICATOR_AUTOMATIC: {
    'zh-CN': '该指标自动取数，不能手工填报',
    'en-US': 'This indicator is computed automatically and cannot be entered by hand',
  },
  EXCELLENT_OVER_QUOTA: { 'zh-CN': '优秀人数将超过比例上限', 'en-US': 'This would exceed the 优秀 (excellent) quota' },
  FAIL_UNDER_QUOTA: {
    'zh-CN': '不合格人数将低于刚性比例',
    'en-US': 'This would leave fewer 不合格 (fail) grades than the rigid quota',
  },
  GRADE_UNCHANGED: { 'zh-CN': '等次未改变', 'en-US': 'The grade is unchanged' },
  APPEAL_PENDING: { 'zh-CN': '已有待处理的申诉', 'en-US': 'An appeal is already pending' },
  APPEAL_DECIDED: { 'zh-CN': '该申诉已处理', 'en-US': 'This appeal has already been decided' },
  COEFFICIENT_RANGE: {
    'zh-CN': '绩效系数的最高与最低之比超出允许幅度',
    'en-US': 'The spread of the performance coefficients exceeds the allowed range',
  },
  AT_RISK_TOO_LOW: {
    'zh-CN': '预发比例过高：浮动部分低于规定下限',
    'en-US': 'Advances too high: the share at risk is below the minimum',
  },
  TERM_OVERLAP: {
    'zh-CN': '新聘期须在当前聘期结束后开始',
    'en-US': 'A new term must start after the current one ends',
  },
  TERM_LIMIT: {
    'zh-CN': '同一岗位连续聘任已达 {max} 个聘期，须提供党委（党工委）研究决定方可续聘',
    'en-US': 'Already {max} consecutive terms in this post; a further term needs the committee decision',
  },
  PAY_NO_STAFF: {
    'zh-CN': '没有在岗且有聘任岗位的人员，无法分配',
    'en-US': 'No active staff with an appointed post to pay',
  },
  ROUND_WEIGHTS_NOT_100: {
    'zh-CN': '笔试与面试权重合计必须为 100',
    'en-US': 'The written and interview weights must sum to 100',
  },
  ROUND_NOT_OPEN: {
    'zh-CN': '竞聘已公示或已结束，不能再修改',
    'en-US': 'The round is publicised or final and can no longer change',
  },
  ROUND_UNSCORED: { 'zh-CN': '还有报名人员没有成绩', 'en-US': 'Some applicants have no scores yet' },
  ROUND_NOT_PUBLICIZED: { 'zh-CN': '竞聘结果尚未公示', 'en-US': 'The results have not been publicised' },
  PUBLICITY_NOT_OVER: {
    'zh-CN': '公示期至 {until} 结束，期满后方可聘任',
    'en-US': 'The publicity period runs until {until}; appoint after it ends',
  },
  POST_NOT_IN_ROUND: { 'zh-CN': '该岗位不在本轮竞聘岗位中', 'en-US': 'This post is not on offer in this round' },
  // investment & projects (招商引资 / 重大项目调度)
  MOVE_PENDING: {
    'zh-CN': '该项目已有待审批的阶段变更',
    'en-US': 'This project already has a stage move waiting for approval',
  },
  MOVE_DECIDED: { 'zh-CN': '该阶段变更已审批', 'en-US': 'This stage move has already been decided' },
  SELF_APPROVAL: { 'zh-CN': '不能审批自己提交的阶段变更', 'en-US': 'You cannot approve a stage move you requested' },
  NOT_NEXT_STAGE: { 'zh-CN': '只能推进到下一阶段', 'en-US': 'A project can only move to its next stage' },
  STAGE_NOT_IN_SET: {
    'zh-CN': '当前阶段不在该类型的阶段设置中',
    'en-US': 'The current stage is not in that type’s stage set',
  },
  STAGE_IN_USE: {
    'zh-CN': '仍有项目处于被删除的阶段',
    'en-US': 'Projects are still in a stage that would be removed',
  },
  DUPLICATE_STAGE: { 'zh-CN': '阶段编码重复', 'en-US': 'Duplicate stage key' },
  SIGNING_STAGE_REQUIRED: { 'zh-CN': '阶段设置必须包含“签约”(signed)', 'en-US': 'A stage set must contain “signed”' },
  RATE_REQUIRED: {
    'zh-CN': '填写外资到位资金时必须记录汇率',
    'en-US': 'Record the exchange rate when there are foreign funds',
  },
  INVALID_RATE: { 'zh-CN': '汇率格式不正确（最多4位小数）', 'en-US': 'Invalid rate (up to 4 decimals)' },
  BEFORE_START: { 'zh-CN': '不能早于开工日期', 'en-US': 'Cannot be before the start date' },
  DUPLICATE_YEAR: { 'zh-CN': '年份重复', 'en-US': 'Duplicate year' },
  RED_ABOVE_YELLOW: { 'zh-CN': '红灯阈值必须大于黄灯阈值', 'en-US': 'The red threshold must exceed the yellow one' },
  ISSUE_CLOSED: { 'zh-CN': '该问题已销号', 'en-US': 'This issue is already closed' },
  // 招商图谱, 目标库, 服务绿卡
  CHAIN_PARENT_SEGMENT: {
    'zh-CN': '上级环节须属于同一产业链的同一上/中/下游',
    'en-US': 'The parent link must be in the same chain and segment',
  },
  CHAIN_PARENT_CYCLE: {
    'zh-CN': '上级环节不能是自身或其下级',
    'en-US': 'A link cannot sit under itself or its own sub-link',
  },
  CHAIN_LINK_MISMATCH: { 'zh-CN': '环节不属于所选产业链', 'en-US': 'The link does not belong to the chosen chain' },
  INVALID_TEL: { 'zh-CN': '电话只能包含数字、+、-、括号和空格', 'en-US': 'Use digits, +, -, brackets and spaces only' },
  IMPORT_UNKNOWN_CHAIN: { 'zh-CN': '园区没有名为“{value}”的产业链', 'en-US': 'The zone has no chain named "{value}"' },
  IMPORT_UNKNOWN_LINK: {
    'zh-CN': '产业链中没有名为“{value}”的环节',
    'en-US': 'The chain has no link named "{value}"',
  },
  IMPORT_LINK_WITHOUT_CHAIN: { 'zh-CN': '填写环节时须同时填写产业链', 'en-US': 'Give the chain when you give a link' },
  GREEN_CARD_NOT_SIGNED: {
    'zh-CN': '项目签约后才能发放服务绿卡',
    'en-US': 'A service green card can only be issued once the project is signed',
  },
  GREEN_CARD_ACTIVE: {
    'zh-CN': '该项目已有有效的服务绿卡，请先注销',
    'en-US': 'This project already has an active green card; revoke it first',
  },
  TARGET_CONVERTED: { 'zh-CN': '该目标企业已转为招商项目', 'en-US': 'This target has already become a lead' },
  GREEN_CARD_REVOKED: { 'zh-CN': '该服务绿卡已注销', 'en-US': 'This green card is already revoked' },
  // Land and per-mu efficiency (亩均论英雄)
  EFF_WEIGHTS_NOT_100: { 'zh-CN': '权重合计应为 100', 'en-US': 'The weights must add up to 100' },
  EFF_DUPLICATE_INDICATOR: { 'zh-CN': '指标重复', 'en-US': 'This indicator appears twice' },
  EFF_BANDS_ORDER: {
    'zh-CN': '分档应按 A、B、C、D 顺序且百分位递增，D 档到 100',
    'en-US': 'Bands must be A, B, C, D with increasing percentiles, D ending at 100',
  },
  EFF_RUN_LOCKED: {
    'zh-CN': '评价已公示或已定档，不能再修改或重新计算',
    'en-US': 'The evaluation is published or final; it can no longer be changed or recomputed',
  },
  EFF_RUN_NOT_COMPUTED: { 'zh-CN': '请先计算评价结果', 'en-US': 'Compute the evaluation first' },
  EFF_RUN_NOT_PUBLISHED: { 'zh-CN': '评价尚未公示', 'en-US': 'The evaluation has not been published' },
  EFF_OBJECTION_WINDOW_OPEN: {
    'zh-CN': '异议期至 {date} 结束，结束后才能定档',
    'en-US': 'The objection window runs until {date}; the result can be made final after it',
  },
  EFF_NO_DATA: {
    'zh-CN': '{year} 年没有纳入评价范围的企业数据',
    'en-US': 'No enterprise data in scope for {year}',
  },
  LAND_RING_NOT_CLOSED: {
    'zh-CN': '地块边界须闭合（首尾坐标相同）',
    'en-US': 'A parcel boundary must be closed (first and last points equal)',
  },
  LAND_MONEY_DECIMALS: { 'zh-CN': '金额最多两位小数', 'en-US': 'Amounts take at most two decimals' },
  LAND_BAD_POLYGON: {
    'zh-CN': '坐标格式应为“经度,纬度;经度,纬度;…”，至少三个点',
    'en-US': 'Coordinates must read "lng,lat;lng,lat;…" with at least three points',
  },
  LAND_ZERO_AREA: { 'zh-CN': '地块面积为零', 'en-US': 'The parcel has no area' },
  LAND_TOO_LARGE: {
    'zh-CN': '地块面积超过 100 平方公里，请检查坐标',
    'en-US': 'The parcel exceeds 100 km²; check the coordinates',
  },
  LAND_HAS_CONTRACT: {
    'zh-CN': '该地块已有标准地合同',
    'en-US': 'This parcel already has a standard-land contract',
  },
  LAND_PARCEL_IN_USE: {
    'zh-CN': '地块已签订合同，不能删除',
    'en-US': 'The parcel has a contract and cannot be deleted',
  },
  LAND_REVIEWED: {
    'zh-CN': '合同已有验收或复核记录，不能删除',
    'en-US': 'The contract has reviews and cannot be deleted',
  },
  LAND_BEFORE_START: { 'zh-CN': '不能早于开工日期', 'en-US': 'Cannot be before the start date' },
  LAND_REVIEW_NEEDS_COMPLETION: {
    'zh-CN': '竣工验收须填写开工和竣工日期',
    'en-US': 'A completion acceptance needs the start and completion dates',
  },
  LAND_IMPORT_NO_CODE: {
    'zh-CN': '第 {index} 个要素缺少地块编号（properties.code 或 编号）',
    'en-US': 'Feature {index} has no parcel code (properties.code)',
  },
  IMPORT_UNKNOWN_PARCEL: {
    'zh-CN': '园区内没有编号为“{value}”的地块',
    'en-US': 'No parcel of the zone has the code "{value}"',
  },
  IMPORT_UNKNOWN_ENTERPRISE: {
    'zh-CN': '园区内没有统一社会信用代码为“{value}”的企业',
    'en-US': 'No enterprise of the zone has the credit code "{value}"',
  },
  // reform
  INVALID_CODE: { 'zh-CN': '编码只能包含字母、数字和短横线', 'en-US': 'Use letters, digits and dashes only' },
  REFORM_VERSION_PUBLISHED: {
    'zh-CN': '该版本已发布，不能再修改；请新建草稿版本',
    'en-US': 'This version is published and cannot change; start a new draft',
  },
  REFORM_DRAFT_EXISTS: {
    'zh-CN': '已有一个草稿版本，请先发布或删除它',
    'en-US': 'A draft version already exists; publish or discard it first',
  },
  REFORM_VERSION_EMPTY: {
    'zh-CN': '草稿中没有事项，不能发布',
    'en-US': 'The draft has no items and cannot be published',
  },
  REFORM_NO_DRAFT: {
    'zh-CN': '没有草稿版本：请先新建草稿再导入',
    'en-US': 'There is no draft version: start a draft before importing',
  },
  REFORM_WHISTLE_NOT_OPEN: {
    'zh-CN': '该事项已响应或已办结',
    'en-US': 'This matter was already responded to or closed',
  },
  REFORM_WHISTLE_NOT_RESPONDED: {
    'zh-CN': '部门尚未响应，不能办结',
    'en-US': 'The department has not responded yet; it cannot be closed',
  },
  REFORM_DATE_BEFORE_RAISED: { 'zh-CN': '不能早于吹哨日期', 'en-US': 'Cannot be before the date raised' },
  REFORM_DATE_BEFORE_RESPONSE: { 'zh-CN': '不能早于响应日期', 'en-US': 'Cannot be before the response date' },
  REFORM_DISPOSITION_UNBALANCED: {
    'zh-CN':
      '编外人员分流未逐人对账：名册 {roster} 人（应为改革前 {before} 人），考试留用 {retained} 人（应为改革后 {after} 人）',
    'en-US':
      'The contract-staff disposition does not balance: {roster} on the roster (before: {before}), {retained} retained (after: {after})',
  },
  REFORM_RETIRED_BEFORE_EFFECTIVE: { 'zh-CN': '失效日期须晚于生效日期', 'en-US': 'Must be after the effective date' },
  REFORM_DUTY_CONFLICT: {
    'zh-CN': '同一职能在同一时期不能既在职责清单又在剥离社会事务清单（冲突条目 {code}）',
    'en-US': 'A function cannot be on the duty list and the stripped list in the same period (conflicts with {code})',
  },
  REFORM_DUTY_CONFLICT_FIELD: {
    'zh-CN': '该职能在同一时期已在另一张清单中',
    'en-US': 'This function is on the other list in the same period',
  },
  REFORM_MATTER_STATUS: {
    'zh-CN': '该重大事项当前状态（{status}）不允许此操作：草稿可修改和报送，已报送待管委会决策，已批准方可实施',
    'en-US':
      'Not allowed in the matter’s current status ({status}): drafts are edited and submitted, submitted ones await the committee, only approved ones are carried out',
  },
  REFORM_DATE_BEFORE_SUBMITTED: { 'zh-CN': '不能早于报送日期', 'en-US': 'Cannot be before the submission date' },
  REFORM_DATE_BEFORE_DECIDED: { 'zh-CN': '不能早于决策日期', 'en-US': 'Cannot be before the decision date' },
  REFORM_END_BEFORE_START: { 'zh-CN': '到期日须晚于起始日', 'en-US': 'Must be after the start date' },
  REFORM_ALREADY_REFINANCED: {
    'zh-CN': '“{value}”已被置换，每笔融资只能被置换一次',
    'en-US': '"{value}" is already refinanced; a financing is refinanced at most once',
  },
  REFORM_DISPOSITION_UNBALANCED_FIELD: {
    'zh-CN': '与“七个一批”分流名册不一致',
    'en-US': 'Does not match the 七个一批 disposition roster',
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
