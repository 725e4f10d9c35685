import { PlusOutlined } from '@ant-design/icons';
import { type ChainSegment, chainSegments, gapActions, type LinkInput, type MapNode } from '@shared/investment-library';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { EChart, type EChartOption } from '../../../shared/components/EChart';
import { EntityFormModal } from '../../../shared/components/EntityFormModal';
import { useCan } from '../../../shared/session';
import { CHAIN_LINKS, CHAINS, useChainMap, useChains, useLinkDetail } from '../library-api';

interface TreeNode {
  id?: string;
  name: string;
  value?: string;
  children?: TreeNode[];
  itemStyle?: { color: string; borderColor: string };
  label?: { color?: string };
}

const SEGMENT_COLOR: Record<ChainSegment, string> = {
  upstream: '#1677ff',
  midstream: '#13a8a8',
  downstream: '#722ed1',
};

/** The chain as an ECharts tree: chain → 上/中/下游 → links (nested by parent), gaps in red. */
function treeOf(name: string, nodes: MapNode[], t: (k: string, o?: Record<string, unknown>) => string): TreeNode {
  const build = (parentId: string | null, segment: ChainSegment): TreeNode[] =>
    nodes
      .filter((n) => n.parentId === parentId && n.segment === segment)
      .map((n) => ({
        id: n.id,
        name: `${n.name}（${t('investment.chains.nodeCounts', { e: n.enterpriseCount, t: n.targetCount })}）`,
        value: n.id,
        itemStyle: n.gap
          ? { color: '#ff4d4f', borderColor: '#ff4d4f' }
          : { color: SEGMENT_COLOR[segment], borderColor: SEGMENT_COLOR[segment] },
        label: n.gap ? { color: '#cf1322' } : undefined,
        children: build(n.id, segment),
      }));
  return {
    name,
    children: chainSegments.map((s) => ({
      name: t(`investment.chains.segments.${s}`),
      itemStyle: { color: SEGMENT_COLOR[s], borderColor: SEGMENT_COLOR[s] },
      children: build(null, s),
    })),
  };
}

export default function ChainMapPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const canShape = useCan('investment.approve');
  const canWrite = useCan('investment.write');
  const chains = useChains();
  const [chosen, setChosen] = useState<string>();
  const chainId = chosen ?? chains.data?.data[0]?.id;
  const map = useChainMap(chainId);
  const [selected, setSelected] = useState<string | null>(null);
  const detail = useLinkDetail(selected);
  const [chainOpen, setChainOpen] = useState(false);
  const [linkOpen, setLinkOpen] = useState(false);
  const [chainForm] = Form.useForm<{ name: string; description: string }>();
  const [linkForm] = Form.useForm<LinkInput>();
  const [entOptions, setEntOptions] = useState<{ value: string; label: string }[]>([]);

  const refresh = () => client.invalidateQueries({ queryKey: [CHAINS] });
  const option = useMemo<EChartOption>(() => {
    if (!map.data) return {};
    return {
      tooltip: { trigger: 'item', triggerOn: 'mousemove' },
      series: [
        {
          type: 'tree',
          data: [treeOf(map.data.chain.name, map.data.nodes, t)],
          orient: 'LR',
          left: '8%',
          right: '22%',
          top: 16,
          bottom: 16,
          symbolSize: 12,
          initialTreeDepth: -1,
          expandAndCollapse: false,
          label: { position: 'left', verticalAlign: 'middle', align: 'right', fontSize: 13 },
          leaves: { label: { position: 'right', align: 'left' } },
        },
      ],
    };
  }, [map.data, t]);

  const searchEnterprises = async (q: string) => {
    const res = await api.get<{ data: { id: string; name: string }[] }>('/api/enterprises', {
      query: { q, current: 1, pageSize: 20 },
    });
    setEntOptions(res.data.map((e) => ({ value: e.id, label: e.name })));
  };
  const place = async (enterpriseId: string) => {
    await api.post(`${CHAIN_LINKS}/${selected}/enterprises`, { enterpriseId, chainLeader: false });
    message.success(t('investment.chains.placed'));
    await refresh();
  };
  const unplace = async (enterpriseId: string) => {
    await api.delete(`${CHAIN_LINKS}/${selected}/enterprises/${enterpriseId}`);
    await refresh();
  };

  const parentOptions = (map.data?.nodes ?? []).map((n) => ({
    value: n.id,
    label: `${t(`investment.chains.segments.${n.segment}`)} / ${n.name}`,
  }));

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" wrap gap={8}>
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('investment.chains.menu')}
          </Typography.Title>
          <Select
            aria-label={t('investment.chains.chain')}
            style={{ minWidth: 200 }}
            value={chainId}
            onChange={(v) => {
              setChosen(v);
              setSelected(null);
            }}
            options={(chains.data?.data ?? []).map((c) => ({
              value: c.id,
              label: `${c.name}（${t('investment.chains.gapCount', { n: c.gapCount })}）`,
            }))}
          />
        </Space>
        {canShape && (
          <Space>
            <Button icon={<PlusOutlined />} onClick={() => setChainOpen(true)}>
              {t('investment.chains.newChain')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} disabled={!chainId} onClick={() => setLinkOpen(true)}>
              {t('investment.chains.newLink')}
            </Button>
          </Space>
        )}
      </Flex>
      {chains.data && chains.data.total === 0 ? (
        <Empty description={t('investment.chains.none')} />
      ) : (
        <>
          <Row gutter={[12, 12]}>
            {(map.data?.segments ?? []).map((s) => (
              <Col xs={24} md={8} key={s.segment}>
                <Card size="small" title={t(`investment.chains.segments.${s.segment}`)}>
                  <Space size="large">
                    <Statistic title={t('investment.chains.links')} value={s.links} />
                    <Statistic
                      title={t('investment.chains.gaps')}
                      value={s.gaps}
                      styles={{ content: { color: s.gaps ? '#cf1322' : undefined } }}
                    />
                    <Statistic title={t('investment.chains.enterprises')} value={s.enterprises} />
                    <Statistic title={t('investment.chains.targets')} value={s.targets} />
                  </Space>
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={15}>
              <Card
                size="small"
                title={t('investment.chains.mapTitle')}
                extra={<Tag color="red">{t('investment.chains.gapLegend')}</Tag>}
              >
                <EChart
                  option={option}
                  height={Math.max(420, (map.data?.nodes.length ?? 0) * 34)}
                  loading={map.isLoading}
                  ariaLabel={t('investment.chains.mapTitle')}
                  onClick={(p) => {
                    const id = (p.data as TreeNode | undefined)?.id;
                    if (id) setSelected(id);
                  }}
                />
              </Card>
            </Col>
            <Col xs={24} xl={9}>
              <Card
                size="small"
                title={detail.data ? detail.data.link.name : t('investment.chains.pickNode')}
                extra={
                  detail.data && (
                    <Space>
                      {detail.data.link.gap && <Tag color="red">{t('investment.chains.gap')}</Tag>}
                      {detail.data.link.gapAction !== 'none' && (
                        <Tag color="orange">{t(`investment.chains.actions.${detail.data.link.gapAction}`)}</Tag>
                      )}
                    </Space>
                  )
                }
              >
                {!selected || !detail.data ? (
                  <Empty description={t('investment.chains.pickNode')} />
                ) : (
                  <Flex vertical gap={12}>
                    <Typography.Text strong>{t('investment.chains.enterprises')}</Typography.Text>
                    <List
                      size="small"
                      dataSource={detail.data.enterprises}
                      locale={{ emptyText: t('investment.chains.noEnterprise') }}
                      renderItem={(e) => (
                        <List.Item
                          actions={
                            canWrite
                              ? [
                                  <Button key="x" size="small" type="link" onClick={() => unplace(e.id)}>
                                    {t('files.remove')}
                                  </Button>,
                                ]
                              : []
                          }
                        >
                          {e.name} {e.chainLeader && <Tag color="gold">{t('investment.chains.chainLeader')}</Tag>}
                        </List.Item>
                      )}
                    />
                    {canWrite && (
                      <Select
                        showSearch={{ filterOption: false, onSearch: searchEnterprises }}
                        aria-label={t('investment.chains.placeEnterprise')}
                        placeholder={t('investment.chains.placeEnterprise')}
                        options={entOptions}
                        value={null}
                        onChange={(v: string) => place(v)}
                        onFocus={() => searchEnterprises('')}
                      />
                    )}
                    <Typography.Text strong>{t('investment.chains.targets')}</Typography.Text>
                    <Table
                      size="small"
                      rowKey="id"
                      pagination={false}
                      dataSource={detail.data.targets}
                      locale={{ emptyText: t('investment.chains.noTarget') }}
                      columns={[
                        { key: 'name', dataIndex: 'name', title: t('investment.targets.name') },
                        { key: 'region', dataIndex: 'region', title: t('investment.targets.region') },
                        { key: 'priority', dataIndex: 'priority', title: t('investment.targets.priority') },
                        {
                          key: 'status',
                          dataIndex: 'status',
                          title: t('investment.targets.status'),
                          render: (v: string) => t(`investment.targets.statuses.${v}`),
                        },
                      ]}
                    />
                  </Flex>
                )}
              </Card>
            </Col>
          </Row>
        </>
      )}
      <EntityFormModal
        name="chain"
        open={chainOpen}
        title={t('investment.chains.newChain')}
        form={chainForm}
        onClose={() => setChainOpen(false)}
        onSubmit={async (v) => {
          const c = await api.post<{ id: string }>(CHAINS, v);
          await refresh();
          setChosen(c.id);
        }}
      >
        <Form.Item name="name" label={t('investment.chains.chain')} rules={[{ required: true, min: 2, max: 50 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="description" label={t('investment.chains.description')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </EntityFormModal>
      <EntityFormModal<LinkInput>
        name="link"
        open={linkOpen}
        title={t('investment.chains.newLink')}
        form={linkForm}
        initialValues={{ segment: 'upstream', gapAction: 'none', parentId: null, sortOrder: 0 }}
        onClose={() => setLinkOpen(false)}
        onSubmit={async (v) => {
          await api.post(`${CHAINS}/${chainId}/links`, { ...v, parentId: v.parentId ?? null });
          await refresh();
        }}
      >
        <Form.Item name="segment" label={t('investment.chains.segment')} rules={[{ required: true }]}>
          <Select options={chainSegments.map((s) => ({ value: s, label: t(`investment.chains.segments.${s}`) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('investment.chains.linkName')} rules={[{ required: true, max: 50 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="parentId" label={t('investment.chains.parent')}>
          <Select allowClear options={parentOptions} />
        </Form.Item>
        <Form.Item name="gapAction" label={t('investment.chains.action')}>
          <Select options={gapActions.map((a) => ({ value: a, label: t(`investment.chains.actions.${a}`) }))} />
        </Form.Item>
      </EntityFormModal>
    </Flex>
  );
}
