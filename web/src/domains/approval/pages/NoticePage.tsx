import { PrinterOutlined } from '@ant-design/icons';
import { Button, Empty, Result, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { type CaseDetail, useCase } from '../api';

type Kind = 'acceptance' | 'correction' | 'decision';
type Recorded = CaseDetail['notices'][number];

/** Whether the case has reached the step that produces this notice. */
function issued(c: CaseDetail, kind: Kind): boolean {
  if (kind === 'acceptance') return c.acceptedOn !== null;
  if (kind === 'correction') return c.correctionList.length > 0;
  return c.decidedOn !== null;
}

/** A notice kept as issued (暂停/恢复计时/延期告知书, 不予受理通知书): the text comes from the snapshot taken at the step. */
function RecordedNotice({ c, notice }: { c: CaseDetail; notice: Recorded }) {
  const { t } = useTranslation();
  const n = notice.content;
  return (
    <>
      <Typography.Paragraph style={{ textAlign: 'right' }}>
        {t('approval.noticeNo')}：{notice.noticeNo}
      </Typography.Paragraph>
      <Typography.Paragraph>{c.enterpriseName}：</Typography.Paragraph>
      <Typography.Paragraph>
        {t('approval.caseNo')}：{c.caseNo}
        <br />
        {t('approval.chooseItems')}：{c.itemNames.join('、')}
      </Typography.Paragraph>
      <Typography.Paragraph>
        {notice.kind === 'suspension'
          ? t('approval.noticeText.suspension', {
              type: n.suspensionType ? t(`approval.suspensionTypes.${n.suspensionType}`) : '',
              from: notice.issuedOn,
              cap: n.capWorkdays,
            })
          : notice.kind === 'resumption'
            ? t('approval.noticeText.resumption', {
                type: n.suspensionType ? t(`approval.suspensionTypes.${n.suspensionType}`) : '',
                from: n.suspendedFrom,
                on: notice.issuedOn,
                days: n.suspendedWorkdays,
                committed: n.committedDue,
                statutory: n.statutoryDueAfter,
              })
            : notice.kind === 'extension'
              ? t('approval.noticeText.extension', {
                  reason: n.reason,
                  approver: n.approver,
                  days: n.extensionDays,
                  before: n.statutoryDueBefore,
                  after: n.statutoryDueAfter,
                })
              : t('approval.noticeText.notAccepted', { submitted: c.submittedOn, reason: n.reason })}
      </Typography.Paragraph>
      {notice.kind === 'suspension' && n.reason && (
        <Typography.Paragraph>
          {t('approval.noticeText.reasonLabel')}
          {n.reason}
        </Typography.Paragraph>
      )}
      <Typography.Paragraph style={{ textAlign: 'right', marginTop: 48 }}>
        {c.leadDepartmentName}
        <br />
        {t('approval.noticeText.issuer')}
        <br />
        {notice.issuedOn}
      </Typography.Paragraph>
    </>
  );
}

/**
 * Printable notices generated from the case (受理通知书 / 补正材料通知书 / 审批决定书): A4 layout, the print button
 * hides itself on paper.
 */
export default function NoticePage() {
  const { id, kind = 'acceptance' } = useParams();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const query = useCase(id);
  if (query.isPending) return <Spin />;
  if (query.isError || !query.data) return <Result status="404" title={t('approval.notFound')} />;
  const c = query.data;
  const recordedKind = ['suspension', 'resumption', 'extension', 'not_accepted'].includes(kind);
  const ofKind = c.notices.filter((n) => n.kind === kind);
  const recorded = ofKind.find((n) => n.id === params.get('n')) ?? ofKind.at(-1);
  const k = kind as Kind;
  const names = (codes: string[]) => c.materials.filter((m) => codes.includes(m.code)).map((m) => m.name);
  const lastReason =
    [...c.events].reverse().find((e) => e.action === 'deny' || e.action === 'not_accept')?.reason ?? '';
  return (
    <div className="approval-notice" style={{ maxWidth: 760, margin: '0 auto', background: '#fff', padding: 48 }}>
      <style>{'@media print { .no-print, .ant-layout-sider, .ant-layout-header { display: none !important; } }'}</style>
      <Button className="no-print" icon={<PrinterOutlined />} onClick={() => window.print()} style={{ float: 'right' }}>
        {t('approval.print')}
      </Button>
      <Typography.Title level={3} style={{ textAlign: 'center' }}>
        {t(`approval.noticeKinds.${k}`)}
      </Typography.Title>
      {!recordedKind && (
        <Typography.Paragraph style={{ textAlign: 'right' }}>
          {t('approval.caseNo')}：{c.caseNo}
        </Typography.Paragraph>
      )}
      {recordedKind ? (
        recorded ? (
          <RecordedNotice c={c} notice={recorded} />
        ) : (
          <Empty description={t('approval.noticeText.notYet')} />
        )
      ) : !issued(c, k) ? (
        <Empty description={t('approval.noticeText.notYet')} />
      ) : (
        <>
          <Typography.Paragraph>{c.enterpriseName}：</Typography.Paragraph>
          <Typography.Paragraph>
            {t('approval.chooseItems')}：{c.itemNames.join('、')}
          </Typography.Paragraph>
          {k === 'acceptance' && (
            <>
              <Typography.Paragraph>
                {t('approval.noticeText.acceptance', {
                  submitted: c.submittedOn,
                  committed: c.clock.committedDue,
                  statutory: c.clock.statutoryDue,
                })}
              </Typography.Paragraph>
              {c.rongqueMaterials.length > 0 && (
                <>
                  <Typography.Paragraph>{t('approval.noticeText.rongque', { due: c.rongqueDue })}</Typography.Paragraph>
                  <ol>
                    {names(c.rongqueMaterials).map((n) => (
                      <li key={n}>{n}</li>
                    ))}
                  </ol>
                </>
              )}
            </>
          )}
          {k === 'correction' && (
            <>
              <Typography.Paragraph>
                {t('approval.noticeText.correction', {
                  submitted: c.events.find((e) => e.action === 'submit')?.on ?? c.submittedOn,
                })}
              </Typography.Paragraph>
              <ol>
                {names(c.correctionList).map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ol>
            </>
          )}
          {k === 'decision' && (
            <Typography.Paragraph>
              {c.status === 'APPROVED_ON_COMMITMENT' || c.verificationDue
                ? t('approval.noticeText.commitment', { due: c.verificationDue })
                : c.outcome === 'approved'
                  ? t('approval.noticeText.approved')
                  : t('approval.noticeText.denied', { reason: lastReason })}
            </Typography.Paragraph>
          )}
          <Typography.Paragraph style={{ textAlign: 'right', marginTop: 48 }}>
            {c.leadDepartmentName}
            <br />
            {t('approval.noticeText.issuer')}
            <br />
            {k === 'acceptance'
              ? c.acceptedOn
              : k === 'decision'
                ? c.decidedOn
                : c.events.find((e) => e.action === 'request_correction')?.on}
          </Typography.Paragraph>
        </>
      )}
    </div>
  );
}
