// The main colour colours the links of the light scheme: on the white page it must be dark enough to
// read. WCAG 2's contrast ratio, from the sRGB relative luminance of a CSS hex colour.

/** WCAG AA's minimum for body text, links included. */
export const MIN_CONTRAST = 4.5;

/** `#abc`, `#abcd`, `#aabbcc` or `#aabbccdd` as [r, g, b] in 0..255 (the alpha is left out). */
function channels(hex: string): [number, number, number] {
	const digits = hex.slice(1);
	const full = digits.length <= 4 ? [...digits].map((digit) => digit + digit).join("") : digits;
	return [0, 2, 4].map((start) => Number.parseInt(full.slice(start, start + 2), 16)) as [number, number, number];
}

function luminance(hex: string): number {
	const [r, g, b] = channels(hex).map((value) => {
		const c = value / 255;
		return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	}) as [number, number, number];
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of a CSS hex colour with white, from 1 (white) to 21 (black). */
export function contrastWithWhite(hex: string): number {
	return 1.05 / (luminance(hex) + 0.05);
}

/** A warning for the build log when the colour is too light for links on white; undefined when it reads well. */
export function accentWarning(hex: string): string | undefined {
	const ratio = contrastWithWhite(hex);
	if (ratio >= MIN_CONTRAST) return undefined;
	return `The main colour of the site settings, ${hex}, has a contrast of ${ratio.toFixed(1)}:1 with the white page, below the ${MIN_CONTRAST}:1 links need to be read (WCAG AA). Choose a darker colour in the CMS (Site settings).`;
}
