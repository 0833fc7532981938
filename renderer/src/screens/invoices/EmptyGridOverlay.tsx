import { EmptyState } from '@mantine/core';

/** Renders the grid's no-rows overlay: why the list is empty and what to do. */
export function EmptyGridOverlay({ title, description }: { title: string; description: string }) {
  return <EmptyState title={title} description={description} maw={520} />;
}
