// The contact link under an answer that did not help: the settings' address with the answer in it, and
// an address the settings' pattern lets through but no URL parser takes left as the editor typed it
// (it used to throw, failing every answer page of the build).
import { describe, expect, it } from "vitest";
import { contactAbout } from "../src/lib/contact-link.ts";

const about = { permalink: "https://help.example.org/q/close-account/", locale: "fr", subject: "Fermer mon compte", body: "Bonjour," };

describe("contactAbout", () => {
	it("adds the answer and the language to a web address, after its own parameters", () => {
		expect(contactAbout("https://support.example.com/contact?from=help", about)).toBe(
			"https://support.example.com/contact?from=help&answer=https%3A%2F%2Fhelp.example.org%2Fq%2Fclose-account%2F&lang=fr",
		);
	});

	it("gives a mailto: address a subject and a body, spaces as %20", () => {
		expect(contactAbout("mailto:support@example.com", about)).toBe(
			"mailto:support@example.com?subject=Fermer%20mon%20compte&body=Bonjour%2C",
		);
	});

	it("leaves an address no URL parser takes as it is, rather than throwing", () => {
		for (const typed of ["https://help.example.org:99999/", "https://ex^ample.com", "https://[::1"])
			expect(contactAbout(typed, about)).toBe(typed);
	});
});
