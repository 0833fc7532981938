import './zod-config.ts';
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/dropzone/styles.css';
import '@mantine/notifications/styles.css';
import './app.css';
import './print.css';
import 'dayjs/locale/ro';
import './i18n/index.ts';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { readKeyFromLocation } from './ipc/browser-transport.ts';
import { forwardRendererErrors } from './ipc/forward-log.ts';

const MISSING_KEY_MESSAGE =
  'Deschideți adresa afișată de aplicație la pornire, inclusiv partea #key=…, fiindcă fără ea pagina nu se poate conecta. ' +
  'Open the address the app printed at start-up, including its #key=… part: without it the page cannot connect.';

const root = document.getElementById('root');
if (root) {
  // In the browser shell the page cannot reach the app without the run's key.
  if (!window.efactura && !readKeyFromLocation(location.hash)) {
    const message = document.createElement('p');
    message.setAttribute('role', 'alert');
    message.style.cssText = 'font: 16px system-ui, sans-serif; max-width: 40em; margin: 3em auto; line-height: 1.5';
    message.textContent = MISSING_KEY_MESSAGE;
    root.replaceChildren(message);
    throw new Error(MISSING_KEY_MESSAGE);
  }
  forwardRendererErrors();
  createRoot(root).render(<App />);
}
