// The "Reader insights" page (a link of its own in the admin's main navigation): for a chosen period
// and locale, the searches that found nothing, the answers that did not help and the translations to
// do, read from GET /aide/insights (the CMS's report route).
import { Box, Field, Flex, Loader, SingleSelect, SingleSelectOption, Typography } from "@strapi/design-system";
import { Layouts, Page } from "@strapi/strapi/admin";
import { useState } from "react";
import { useMessages } from "../messages";
import { useLocales, useReport } from "./api";
import { FailedSearches } from "./FailedSearches";
import { DEFAULT_PERIOD, PERIODS } from "./periods";
import { TranslationWorklist } from "./TranslationWorklist";
import { UnhelpfulAnswers } from "./UnhelpfulAnswers";

export default function InsightsPage() {
	const t = useMessages();
	const locales = useLocales();
	const [days, setDays] = useState<number>(DEFAULT_PERIOD);
	const [picked, setPicked] = useState<string | undefined>();
	const locale =
		picked ?? (locales.state === "ready" ? (locales.data.find((candidate) => candidate.isDefault) ?? locales.data[0])?.code : undefined);
	const report = useReport(locale, days);

	return (
		<Page.Main>
			<Page.Title>{t("aide.insights.title")}</Page.Title>
			<Layouts.Header title={t("aide.insights.title")} subtitle={t("aide.insights.subtitle")} />
			<Layouts.Content>
				<Flex gap={4} marginBottom={6} alignItems="end">
					<Box minWidth="16rem">
						<Field.Root name="aide-insights-period">
							<Field.Label>{t("aide.insights.period")}</Field.Label>
							<SingleSelect value={String(days)} onChange={(value: string | number) => setDays(Number(value))}>
								{PERIODS.map((period) => (
									<SingleSelectOption key={period} value={String(period)}>
										{t("aide.insights.period.days", { days: period })}
									</SingleSelectOption>
								))}
							</SingleSelect>
						</Field.Root>
					</Box>
					{locales.state === "ready" && locale !== undefined && (
						<Box minWidth="16rem">
							<Field.Root name="aide-insights-locale">
								<Field.Label>{t("aide.insights.locale")}</Field.Label>
								<SingleSelect value={locale} onChange={(value: string | number) => setPicked(String(value))}>
									{locales.data.map((candidate) => (
										<SingleSelectOption key={candidate.code} value={candidate.code}>
											{candidate.name}
										</SingleSelectOption>
									))}
								</SingleSelect>
							</Field.Root>
						</Box>
					)}
				</Flex>
				{locales.state === "error" && (
					<Typography textColor="danger600">{t("aide.insights.error", { message: locales.message })}</Typography>
				)}
				{report.state === "loading" && locales.state !== "error" && <Loader>{t("aide.insights.loading")}</Loader>}
				{report.state === "error" && <Typography textColor="danger600">{t("aide.insights.error", { message: report.message })}</Typography>}
				{report.state === "ready" && (
					<>
						<FailedSearches report={report.data} />
						<UnhelpfulAnswers report={report.data} />
						<TranslationWorklist report={report.data} />
					</>
				)}
			</Layouts.Content>
		</Page.Main>
	);
}
