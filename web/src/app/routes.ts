/** The client's pages. The server must answer each of these paths with index.html. */
export const ROUTES = {
  dashboard: "/",
  journal: "/journal",
  login: "/login",
} as const;
