// axe-core's browser build sets window.axe; it has no module typings of its own.
declare module 'axe-core/axe.min.js';
