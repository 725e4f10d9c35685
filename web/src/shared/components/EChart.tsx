import {
  BarChart,
  FunnelChart,
  GaugeChart,
  GraphChart,
  LineChart,
  MapChart,
  PieChart,
  RadarChart,
  ScatterChart,
  TreeChart,
} from 'echarts/charts';
import {
  DataZoomComponent,
  GeoComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { type CSSProperties, useEffect, useRef } from 'react';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  FunnelChart,
  GaugeChart,
  GraphChart,
  TreeChart,
  MapChart,
  ScatterChart,
  RadarChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  TitleComponent,
  DataZoomComponent,
  VisualMapComponent,
  GeoComponent,
  MarkLineComponent,
  CanvasRenderer,
]);

export type EChartOption = echarts.EChartsCoreOption;
export type EChartClick = (params: {
  name: string;
  value: unknown;
  data: unknown;
  dataIndex: number;
  seriesName?: string;
}) => void;

export interface EChartProps {
  option: EChartOption;
  height?: number | string;
  style?: CSSProperties;
  /** Click on a bar/slice/node: drill down to the records behind it. */
  onClick?: EChartClick;
  /** Accessible name of the chart (screen readers, tests). */
  ariaLabel?: string;
  loading?: boolean;
}

/** Registers a GeoJSON map (e.g. a zone's parcels) once under a name usable as `geo.map` / `series.map`. */
export function registerMap(name: string, geoJson: Parameters<typeof echarts.registerMap>[1]): void {
  echarts.registerMap(name, geoJson);
}

/**
 * One ECharts instance bound to a div: option changes are applied without re-creating the chart, the chart follows
 * its container's size (ResizeObserver: wall screen, laptop, phone) and is disposed on unmount.
 */
export function EChart({ option, height = 320, style, onClick, ariaLabel, loading }: EChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    if (!el.current) return;
    const instance = echarts.init(el.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (p) => click.current?.(p as Parameters<EChartClick>[0]));
    // data-rendered="true" once drawn and animated (screenshots and tests wait for it instead of a fixed delay).
    instance.on('finished', () => el.current?.setAttribute('data-rendered', 'true'));
    const ro = new ResizeObserver(() => instance.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    el.current?.setAttribute('data-rendered', 'false');
    chart.current?.setOption({ aria: { enabled: true }, ...option }, { notMerge: true });
  }, [option]);

  useEffect(() => {
    if (loading) chart.current?.showLoading();
    else chart.current?.hideLoading();
  }, [loading]);

  return (
    <div
      ref={el}
      role="img"
      aria-label={ariaLabel}
      style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined, ...style }}
    />
  );
}
