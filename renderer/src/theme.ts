import { Badge, createTheme } from '@mantine/core';

/** A calm, dense look for a tool used all day: small radius, no shouting capitals. */
export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  components: {
    Badge: Badge.extend({
      styles: { label: { textTransform: 'none', fontWeight: 600 } },
    }),
  },
});
