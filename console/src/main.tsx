import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'tdesign-react/es/style/index.css';
import './styles.css';
import { App } from './App';
import { I18nProvider } from './i18n';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

createRoot(container).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);
