// A Docusaurus site of the tests: only what translate-flow reads.
export default {
  title: 'Dialect test site',
  i18n: {
    defaultLocale: 'en',
    locales: ['en', 'fr'],
  },
};
