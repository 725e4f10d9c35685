import { Card, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../shared/session';
import { EnterpriseDetail } from '../components/EnterpriseDetail';

/** 本企业信息: an enterprise account's own record. */
export default function MyEnterprisePage() {
  const { t } = useTranslation();
  const id = useSession()?.user.enterpriseId;
  if (!id) {
    return (
      <Card variant="borderless">
        <Empty description={t('enterprises.noEnterpriseLinked')} />
      </Card>
    );
  }
  return <EnterpriseDetail id={id} />;
}
