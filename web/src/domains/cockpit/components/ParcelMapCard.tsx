import { Card, Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useParcelMap } from '../../land/api';

// The land map component (and its GeoJSON registration) loads with the panel, not with the cockpit's first paint.
const ParcelMap = lazy(() => import('../../land/components/ParcelMap').then((m) => ({ default: m.ParcelMap })));

/** 地块亩均分布: the zone's parcels coloured by the owner's 亩均 class; a click opens the parcel. */
export function ParcelMapCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const map = useParcelMap();
  return (
    <Card
      size="small"
      title={t('cockpit.parcelMap')}
      extra={<Link to="/land/parcels">{t('cockpit.allParcels')}</Link>}
      style={{ height: '100%' }}
      styles={{ body: { padding: 8 } }}
      data-testid="cockpit-parcel-map"
    >
      <Suspense fallback={<Skeleton active />}>
        <ParcelMap
          data={map.data}
          height={200}
          compact
          defaultMode="class"
          onOpen={(id) => navigate(`/land/parcels/${id}`)}
        />
      </Suspense>
    </Card>
  );
}
