import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { DEFAULT_ADMIN_EMAIL, dataFiles } from "@aide/config";
import type { Core } from "@strapi/strapi";
import type { Settings } from "../settings";

/**
 * Creates the first super admin when the CMS has none, without prompts: from AIDE_ADMIN_EMAIL /
 * AIDE_ADMIN_PASSWORD when set, otherwise with a generated password kept in the data folder (mode
 * 0600); the output says where, never the password.
 */
export async function ensureFirstAdmin(strapi: Core.Strapi, settings: Settings): Promise<void> {
	const users = strapi.service("admin::user") as unknown as {
		exists(params?: object): Promise<boolean>;
		createFirstAdmin(attributes: object): Promise<unknown>;
	};
	if (await users.exists()) return;

	const email = settings.firstAdmin.email ?? DEFAULT_ADMIN_EMAIL;
	const generated = settings.firstAdmin.password === undefined;
	// base64url of 18 random bytes, plus one of each class Strapi's password rule asks for.
	const password = settings.firstAdmin.password ?? `${randomBytes(18).toString("base64url")}aA1`;
	await users.createFirstAdmin({ email, firstname: "Aide", lastname: "Admin", password });

	if (!generated) {
		strapi.log.info(`Created the first admin, ${email}, with the password from AIDE_ADMIN_PASSWORD.`);
		return;
	}
	const file = dataFiles(settings.dataDir).adminCredentials;
	mkdirSync(settings.dataDir, { recursive: true });
	writeFileSync(file, `email: ${email}\npassword: ${password}\n`, { mode: 0o600 });
	// Not the password itself: what the CMS prints ends up in logs (npm start forwards it), the file does not.
	console.log(
		[
			"",
			`  The first admin of this CMS was created: ${email}, with a generated password.`,
			`  The password is kept in ${file}, readable by you only: cat ${file}`,
			"  Change it in the admin under your profile.",
			"",
		].join("\n"),
	);
}
