/** The signed-in pages that show the app header and get reminders (not sign-in/up). */
const APP_PATHS = ['/chat', '/tasks', '/account'];

export const isAppPage = (pathname: string | null): boolean =>
  pathname !== null && APP_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`));
