import { create } from 'zustand';
import type { PageContext } from '@/lib/core/page-context';

export interface PanelState {
  context: PageContext | null;
  collapsed: boolean;
  setContext: (context: PageContext | null) => void;
  setCollapsed: (collapsed: boolean) => void;
}

/** UI state of one panel instance. A store per mount keeps tests and pages independent. */
export function createPanelStore(initial: { collapsed: boolean; context: PageContext | null }) {
  return create<PanelState>()((set) => ({
    ...initial,
    setContext: (context) => set({ context }),
    setCollapsed: (collapsed) => set({ collapsed }),
  }));
}

export type PanelStore = ReturnType<typeof createPanelStore>;
