// Tells the home page that the user has just logged in. Strapi's login form dispatches its
// `admin/login` action, then navigates to the home: a Redux middleware (app.addMiddlewares) is the one
// supported place that sees the action, so it raises a flag the home route reads once. A reload, or a
// click on "Home" later, dispatches nothing and shows the home as usual.
import type { StrapiApp } from "@strapi/strapi/admin";

type StoreMiddleware = Parameters<StrapiApp["addMiddlewares"]>[0][number];

const LOGIN_ACTION = "admin/login";

let justLoggedIn = false;

/** The middleware factory Strapi's store calls (`app.addMiddlewares([watchLogins])`). */
export const watchLogins: StoreMiddleware = () => () => (next) => (action) => {
	if (typeof action === "object" && action !== null && "type" in action && action.type === LOGIN_ACTION) justLoggedIn = true;
	return next(action);
};

/** Whether a login happened since the last call; reading it clears it. */
export function takeLogin(): boolean {
	const value = justLoggedIn;
	justLoggedIn = false;
	return value;
}
