// The site tests/test_docusaurus_build.py translates and builds: en is the source,
// fr is drafted by the hostile test engine and es by Apertium.
export default {
  title: 'Build test site',
  tagline: 'Every MDX construct translate-flow reads, built for real.',
  url: 'https://example.org',
  baseUrl: '/',
  onBrokenLinks: 'throw',
  i18n: {
    defaultLocale: 'en',
    locales: ['en', 'fr', 'es'],
  },
  presets: [
    [
      'classic',
      {
        docs: {sidebarPath: undefined},
        blog: {showReadingTime: false, onInlineAuthors: 'ignore', onUntruncatedBlogPosts: 'ignore'},
        theme: {},
      },
    ],
  ],
};
