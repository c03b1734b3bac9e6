/**
 * How to launch Debian's Chromium here: Playwright's own browser download cannot work on these
 * machines, and without the background-networking flags Chromium keeps calling home.
 */
export const chromiumLaunchOptions = {
	executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
	args: [
		"--no-sandbox",
		"--disable-gpu",
		"--disable-background-networking",
		"--disable-component-update",
		"--disable-sync",
		"--no-first-run",
	],
};
