import type { ThemeConfig } from 'antd';

/**
 * antd's default tokens miss WCAG AA text contrast (4.5:1) in two places axe reports: white on the primary blue
 * (#1677ff, 4.1:1) and secondary/description text (45% black, 4.0:1 on white). These are the next darker steps.
 */
export const appTheme: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9', // blue-7: 6.0:1 with white
    colorLink: '#0958d9',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)', // ≥ 4.9:1 on white and on the #f5f5f5 page background
  },
};
