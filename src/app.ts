import { createElement, type PropsWithChildren } from 'react';

import { SessionProvider } from './hooks/useSession';

import './app.css';

// The Official Account portal: WeChat's authorize step (`…#wechat_redirect`) can hand its marker down to the
// page it redirects back to; it is no route of ours, so drop it before the hash router reads the address.
if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' && window.location.hash === '#wechat_redirect') {
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
}

/** Every page renders inside the app component, so one provider gives all pages the session. */
function App({ children }: PropsWithChildren) {
  return createElement(SessionProvider, null, children);
}

export default App;
