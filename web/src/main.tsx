import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initLocale } from './shared/i18n';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
// English messages are a separate chunk: load the stored language before the first render (no flash of Chinese).
void initLocale().then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
