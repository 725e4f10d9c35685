import { GlobalOutlined } from '@ant-design/icons';
import { Button, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../hooks/useLocale';

/** Toggles 中文 ⇄ English; the button shows the language it switches to. */
export function LanguageSwitch({
  compact,
  ...props
}: Pick<ButtonProps, 'type' | 'size' | 'style'> & { compact?: boolean }) {
  const { t } = useTranslation();
  const { locale, setLocale } = useLocale();
  const next = locale === 'en-US' ? 'zh-CN' : 'en-US';
  return (
    <Button
      type="text"
      icon={compact ? undefined : <GlobalOutlined />}
      title={t('header.switchLanguage')}
      {...props}
      onClick={() => setLocale(next)}
    >
      {t(`locale.${next}`)}
    </Button>
  );
}
