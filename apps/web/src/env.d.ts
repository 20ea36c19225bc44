// Vite turns imported stylesheets into <link>s; to TypeScript they are modules with no exports.
declare module '*.css';
