import type { ParcelMap as ParcelMapData } from '@shared/land';
import { Empty, Flex, Segmented, Space, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, registerMap } from '../../../shared/components/EChart';
import { CLASS_COLOR, STATUS_COLOR } from '../api';

type Mode = 'status' | 'class';
type Feature = ParcelMapData['features'][number];

const colourOf = (f: Feature, mode: Mode) => {
  const p = f.properties;
  if (mode === 'class') return p.efficiencyClass ? CLASS_COLOR[p.efficiencyClass]! : '#e8e8e8';
  return p.idle ? STATUS_COLOR.idle! : STATUS_COLOR[p.status]!;
};

let mapSerial = 0;

/**
 * The zone's parcels drawn offline from their own GeoJSON (no tile server), coloured by status (idle in red) or by
 * the owner's 亩均 class; a click opens the parcel.
 */
export function ParcelMap({
  data,
  height = 520,
  onOpen,
  highlight,
  defaultMode = 'status',
  compact = false,
}: {
  data: ParcelMapData | undefined;
  height?: number;
  onOpen?: (id: string) => void;
  highlight?: string;
  /** Colour by status (idle in red) or by the owner's 亩均 class. */
  defaultMode?: Mode;
  /** A small panel (the cockpit): no mode switch, no parcel labels, no zoom by wheel. */
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>(defaultMode);
  // Registered once per data set (a new name, so ECharts drops no shapes of a map still shown).
  const name = useMemo(() => {
    // ECharts cannot lay out an empty map (no bounding box): nothing is registered until there are parcels.
    if (!data?.features.length) return null;
    const n = `zone-parcels-${++mapSerial}`;
    registerMap(n, {
      type: 'FeatureCollection',
      features: (data?.features ?? []).map((f) => ({ ...f, properties: { name: f.properties.code } })),
    } as Parameters<typeof registerMap>[1]);
    return n;
  }, [data]);
  const { option, byCode } = useMemo(() => {
    const features = data?.features ?? [];
    const byCode = new Map(features.map((f) => [f.properties.code, f]));
    if (!name) return { option: {}, byCode };
    const option = {
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string }) => {
          const f = byCode.get(p.name);
          if (!f) return p.name;
          const x = f.properties;
          return [
            `<b>${x.code}</b> ${x.name}`,
            `${t(`land.statuses.${x.status}`)}${x.idle ? ` · ${t('land.idle')}` : ''}`,
            `${x.areaMu.toFixed(2)} ${t('land.mu')}`,
            x.enterpriseName ?? '',
            x.efficiencyClass ? `${t('land.efficiencyClass')}: ${x.efficiencyClass}` : '',
          ]
            .filter(Boolean)
            .join('<br/>');
        },
      },
      series: [
        {
          type: 'map',
          map: name,
          roam: !compact,
          selectedMode: false,
          label: { show: !compact && features.length <= 60, fontSize: 10 },
          emphasis: { label: { show: true } },
          data: features.map((f) => ({
            name: f.properties.code,
            value: f.properties.areaMu,
            itemStyle: {
              areaColor: colourOf(f, mode),
              borderColor: f.properties.id === highlight ? '#000' : '#fff',
              borderWidth: f.properties.id === highlight ? 2 : 1,
            },
          })),
        },
      ],
    };
    return { option, byCode };
  }, [data, name, mode, highlight, compact, t]);

  if (data && data.features.length === 0) return <Empty description={t('land.noParcels')} />;
  const legend =
    mode === 'status'
      ? Object.keys(STATUS_COLOR).map((k) => (
          <Tag key={k} color={STATUS_COLOR[k]}>
            {k === 'idle' ? t('land.idle') : t(`land.statuses.${k}`)}
          </Tag>
        ))
      : ['A', 'B', 'C', 'D'].map((k) => (
          <Tag key={k} color={CLASS_COLOR[k]}>
            {k}
          </Tag>
        ));
  return (
    <Flex vertical gap={compact ? 4 : 8}>
      <Space wrap size={compact ? 4 : 8}>
        {!compact && (
          <Segmented<Mode>
            value={mode}
            onChange={setMode}
            options={[
              { value: 'status', label: t('land.colourByStatus') },
              { value: 'class', label: t('land.colourByClass') },
            ]}
          />
        )}
        {legend}
      </Space>
      <EChart
        option={option}
        height={height}
        loading={!data}
        ariaLabel={t('land.map')}
        onClick={(p) => {
          const f = byCode.get(p.name);
          if (f && onOpen) onOpen(f.properties.id);
        }}
      />
    </Flex>
  );
}
