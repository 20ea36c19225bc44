// Stylesheets imported by components are Vite's business; in jsdom they are empty modules.
module.exports = {};
