import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { isApiError } from '../shared/api';
import { AppRouter } from './AppRouter';

export const PRIMARY_COLOR = '#1f5fbf';
export const FONT_FAMILY = "'PingFang SC','Microsoft YaHei','WenQuanYi Micro Hei',sans-serif";

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Retry only transient failures (network, 5xx); 4xx answers are final.
      retry: (count, error) => count < 2 && isApiError(error) && (error.status === 0 || error.status >= 500),
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
  },
});

export function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider
      button={{ autoInsertSpace: false }}
      locale={i18n.language === 'en-US' ? enUS : zhCN}
      theme={{
        token: { colorPrimary: PRIMARY_COLOR, colorInfo: PRIMARY_COLOR, fontFamily: FONT_FAMILY, borderRadius: 4 },
        components: {
          Layout: { headerBg: '#ffffff', headerPadding: '0 16px', siderBg: '#0f2747', triggerBg: '#0b1f3a' },
          Menu: { darkItemBg: '#0f2747', darkSubMenuItemBg: '#0b1f3a', darkItemSelectedBg: PRIMARY_COLOR },
        },
      }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <AppRouter />
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
