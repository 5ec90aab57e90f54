/** The console's sections: each page belongs to one, and the navigation marks it. */
export type ConsoleSection = 'home' | 'reviews' | 'moderation' | 'questions' | 'products' | 'orders' | 'customers' | 'settings' | 'api' | 'apps' | 'webhooks' | 'team' | 'account';

export interface NavItem {
  section: ConsoleSection;
  href: string;
  label: string;
  /** One SVG path, drawn as an 18 px outline icon. */
  icon: string;
}

/** The sidebar (and the small-screen menu): the shop's daily work first, then its set-up. */
export const NAV_GROUPS: ReadonlyArray<{ heading?: string; items: readonly NavItem[] }> = [
  {
    items: [
      { section: 'home', href: '/console', label: 'Home', icon: 'M3 9.5 10 4l7 5.5V16a1 1 0 0 1-1 1h-4v-5H8v5H4a1 1 0 0 1-1-1z' },
      { section: 'reviews', href: '/console/reviews', label: 'Reviews', icon: 'M10 3l2.1 4.3 4.7.7-3.4 3.3.8 4.7L10 13.8 5.8 16l.8-4.7L3.2 8l4.7-.7z' },
      { section: 'moderation', href: '/console/moderation', label: 'Moderation', icon: 'M10 2.5 4 5v4.5c0 3.8 2.6 6.9 6 8 3.4-1.1 6-4.2 6-8V5zM7.5 10l2 2 3.5-4' },
      { section: 'questions', href: '/console/questions', label: 'Questions', icon: 'M10 17.5a7.5 7.5 0 1 0-6.6-3.9L2.5 17.5l3.9-.9A7.4 7.4 0 0 0 10 17.5zM8 8a2 2 0 1 1 2.8 1.8c-.5.2-.8.7-.8 1.2v.5M10 14h.01' },
      { section: 'products', href: '/console/products', label: 'Products', icon: 'M3.5 6.5 10 3l6.5 3.5v7L10 17l-6.5-3.5zM3.5 6.5 10 10l6.5-3.5M10 10v7' },
      { section: 'orders', href: '/console/orders', label: 'Orders', icon: 'M4 4h12v12H4zM4 8h12M8 12h4' },
      { section: 'customers', href: '/console/customers', label: 'Customers', icon: 'M7 9a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM2 17a5 5 0 0 1 10 0M13 4a3 3 0 0 1 0 5.5M15 12.5a5 5 0 0 1 3 4.5' },
    ],
  },
  {
    heading: 'Set-up',
    items: [
      { section: 'team', href: '/console/team', label: 'Team', icon: 'M7 9a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM2 17a5 5 0 0 1 10 0M15 7v6M12 10h6' },
      { section: 'settings', href: '/console/settings', label: 'Settings', icon: 'M10 12.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM10 2.5v2M10 15.5v2M2.5 10h2M15.5 10h2M4.7 4.7l1.4 1.4M13.9 13.9l1.4 1.4M4.7 15.3l1.4-1.4M13.9 6.1l1.4-1.4' },
      { section: 'api', href: '/console/api', label: 'API access', icon: 'M7 6 3 10l4 4M13 6l4 4-4 4' },
      { section: 'apps', href: '/console/apps', label: 'Connected apps', icon: 'M4 4h5v5H4zM11 4h5v5h-5zM4 11h5v5H4zM13.5 11v5M11 13.5h5' },
      { section: 'webhooks', href: '/console/webhooks', label: 'Webhooks', icon: 'M7.5 7.5a2.5 2.5 0 1 1 3.7 2.2L13 13M6 16a2.5 2.5 0 1 1 1-4.8M14 15.5H8.5M14 13a2.5 2.5 0 1 1 0 5' },
    ],
  },
];
