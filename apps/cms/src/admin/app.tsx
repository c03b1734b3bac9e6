// Aide's customisation of the Strapi admin: the interface in French as well as English (each user
// picks in their profile), the "Reader insights" page and its home widget, the Support editor's landing
// on the FAQ entries, the question prefill of "Create an answer", and the content manager's field labels.
import { ENTRY_UID } from "@aide/cms-contract";
import { Lightbulb } from "@strapi/icons";
import type { StrapiApp } from "@strapi/strapi/admin";
import type { RouteObject } from "react-router-dom";
import { FIELD_LABELS } from "./field-labels";
import { homeOrEntries } from "./landing/HomeOrEntries";
import { watchLogins } from "./landing/login-watch";
import { INSIGHTS_PATH } from "./links";
import { descriptor } from "./messages";
import { QuestionPrefill } from "./prefill/QuestionPrefill";
import { ADMIN_LOCALES, translations } from "./translations";

/** Who sees the insights: whoever may read FAQ entries (the Support editor role, admins). */
const READ_ENTRIES = [{ action: "plugin::content-manager.explorer.read", subject: ENTRY_UID }];

export default {
	config: {
		locales: ADMIN_LOCALES,
		// The content manager's field labels (field-labels.ts) beside Aide's own messages.
		translations: {
			en: { ...FIELD_LABELS.en, ...translations.en },
			fr: { ...FIELD_LABELS.fr, ...translations.fr },
		},
	},
	register(app: StrapiApp) {
		app.addMenuLink({
			to: INSIGHTS_PATH,
			icon: Lightbulb,
			intlLabel: descriptor("aide.insights.menu"),
			permissions: READ_ENTRIES,
			Component: () => import("./insights/InsightsPage"),
		});
		app.widgets.register({
			id: "aide-insights",
			icon: Lightbulb,
			title: descriptor("aide.insights.widget.title"),
			component: async () => (await import("./insights/SummaryWidget")).SummaryWidget,
			link: { label: descriptor("aide.insights.widget.link"), href: `/${INSIGHTS_PATH}` },
			permissions: READ_ENTRIES,
		});
		app.addMiddlewares([watchLogins]);
		// The home is Strapi's own lazy index route: wrap what it loads rather than replace it.
		app.router.addRoute((routes: RouteObject[]) =>
			routes.map((route): RouteObject => {
				const load = route.lazy;
				if (!route.index || !load) return route;
				return {
					...route,
					lazy: async () => {
						const loaded = await load();
						return loaded.Component ? { ...loaded, Component: homeOrEntries(loaded.Component) } : loaded;
					},
				};
			}),
		);
	},
	bootstrap(app: StrapiApp) {
		app
			.getPlugin("content-manager")
			.injectComponent("editView", "right-links", { name: "aide-question-prefill", Component: QuestionPrefill });
	},
};
