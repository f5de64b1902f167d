import { render } from '@testing-library/react';
import type { ReactElement } from 'react';

import { SessionProvider } from '../../../src/hooks/useSession';

/** Renders a page the way the app does: inside the session provider from app.ts. */
export function renderPage(page: ReactElement) {
  return render(<SessionProvider>{page}</SessionProvider>);
}

/** Taro components render as Stencil custom elements; tests query by id/class and read text. */
export function byId(container: HTMLElement, id: string): HTMLElement | null {
  return container.querySelector(`#${id}`);
}
