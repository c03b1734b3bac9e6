// Where a user lands after logging in: an editor (not a super admin, and allowed to read FAQ entries:
// the Support editor role) goes to the content manager's list of FAQ entries, in the default locale;
// an admin stays on the admin home. The home route is wrapped (app.router.addRoute in app.tsx); the
// home itself is Strapi's own, and is shown whenever the user was not just logging in.
import { ENTRY_UID } from "@aide/cms-contract";
import { Page, useAuth } from "@strapi/strapi/admin";
import { type ComponentType, useRef } from "react";
import { Navigate } from "react-router-dom";
import { entriesPath } from "../links";
import { takeLogin } from "./login-watch";

const SUPER_ADMIN = "strapi-super-admin";
const READ_ENTRIES = "plugin::content-manager.explorer.read";

/** The home page component, sending an editor who has just logged in to the FAQ entries instead. */
export function homeOrEntries(Home: ComponentType): ComponentType {
	return function HomeOrEntries() {
		const user = useAuth("HomeOrEntries", (auth) => auth.user);
		const permissions = useAuth("HomeOrEntries", (auth) => auth.permissions);
		const isLoading = useAuth("HomeOrEntries", (auth) => auth.isLoading);
		// Read once per visit of the home, so that the decision does not change under the user.
		const justLoggedIn = useRef<boolean | undefined>(undefined);
		if (!user || isLoading) return <Page.Loading />;
		justLoggedIn.current ??= takeLogin();
		const isEditor =
			!user.roles.some((role) => role.code === SUPER_ADMIN) &&
			permissions.some((permission) => permission.action === READ_ENTRIES && permission.subject === ENTRY_UID);
		if (justLoggedIn.current && isEditor) return <Navigate to={entriesPath()} replace />;
		return <Home />;
	};
}
