export const prerender = true;
// Folders with index.html work on any plain static file server.
export const trailingSlash = 'always';
