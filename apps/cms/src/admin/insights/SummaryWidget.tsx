// The admin home's "Reader insights" widget: the default locale's last 30 days in three lines (top
// searches with no result, least helpful answers, translations to do); the widget's link opens the page.
import { Flex, Loader, Typography } from "@strapi/design-system";
import { useMessages } from "../messages";
import { useLocales, useReport } from "./api";
import { DEFAULT_PERIOD } from "./periods";

const TOP = 3;

export function SummaryWidget() {
	const t = useMessages();
	const locales = useLocales();
	const locale = locales.state === "ready" ? locales.data.find((candidate) => candidate.isDefault) : undefined;
	const report = useReport(locale?.code, DEFAULT_PERIOD);
	if (locales.state === "error" || report.state === "error") {
		const message = locales.state === "error" ? locales.message : report.state === "error" ? report.message : "";
		return <Typography textColor="danger600">{t("aide.insights.error", { message })}</Typography>;
	}
	if (report.state !== "ready" || !locale) return <Loader small>{t("aide.insights.loading")}</Loader>;
	const failed = report.data.failedSearches.slice(0, TOP).map((row) => `${row.query} (${row.count})`);
	const unhelpful = report.data.feedback
		.filter((row) => row.notHelpful > 0)
		.slice(0, TOP)
		.map((row) => `${row.question} (${row.notHelpful})`);
	return (
		<Flex direction="column" alignItems="stretch" gap={3}>
			<Typography variant="pi" textColor="neutral600">
				{t("aide.insights.widget.period", { days: DEFAULT_PERIOD, locale: locale.name })}
			</Typography>
			<Line label={t("aide.insights.widget.failed")} items={failed} none={t("aide.insights.widget.none")} />
			<Line label={t("aide.insights.widget.feedback")} items={unhelpful} none={t("aide.insights.widget.none")} />
			<Typography fontWeight="bold">{t("aide.insights.widget.translations", { count: report.data.translations.length })}</Typography>
		</Flex>
	);
}

function Line({ label, items, none }: { label: string; items: string[]; none: string }) {
	return (
		<Flex direction="column" alignItems="start" gap={1}>
			<Typography fontWeight="bold">{label}</Typography>
			<Typography textColor="neutral700">{items.length === 0 ? none : items.join(" · ")}</Typography>
		</Flex>
	);
}
