import type { PanelStore } from '@/lib/content/store';
import { send } from '@/lib/messaging/send';
import { Panel } from './panel';

/** Binds the panel to its store; renders nothing while the page is not one Sidecar recognises. */
export function PanelApp({ useStore }: { useStore: PanelStore }) {
  const context = useStore((state) => state.context);
  const collapsed = useStore((state) => state.collapsed);
  const setCollapsed = useStore((state) => state.setCollapsed);
  if (!context) return null;
  return (
    <Panel
      context={context}
      collapsed={collapsed}
      onCollapsedChange={setCollapsed}
      onOpenOptions={() => void send('options.open', {})}
    />
  );
}
