// "Translation worklist": per locale, answers with no translation and translations older than their
// source, each with a link to its edit form in that locale (where the content manager offers to fill
// it in from another locale).
import type { InsightReport } from "@aide/cms-contract";
import { Badge, LinkButton, Table, Tbody, Td, Tr, Typography } from "@strapi/design-system";
import { Link } from "react-router-dom";
import { editEntryPath } from "../links";
import { useMessages } from "../messages";
import { HeaderRow, Section } from "./Section";

export function TranslationWorklist({ report }: { report: InsightReport }) {
	const t = useMessages();
	const rows = report.translations;
	const headers = [
		t("aide.insights.translations.locale"),
		t("aide.insights.translations.state"),
		t("aide.insights.translations.question"),
		"",
	];
	return (
		<Section
			heading={t("aide.insights.translations.heading")}
			empty={rows.length === 0 ? t("aide.insights.translations.empty") : undefined}
		>
			<Table colCount={headers.length} rowCount={rows.length + 1}>
				<HeaderRow headers={headers} />
				<Tbody>
					{rows.map((row) => (
						<Tr key={`${row.locale}/${row.documentId}`}>
							<Td>
								<Typography>{row.locale}</Typography>
							</Td>
							<Td>
								<Badge>{t(row.state === "missing" ? "aide.insights.translations.missing" : "aide.insights.translations.outdated")}</Badge>
							</Td>
							<Td>
								<Typography>{row.question}</Typography>
							</Td>
							<Td>
								<LinkButton tag={Link} to={editEntryPath(row.documentId, row.locale)} variant="tertiary" size="S">
									{t("aide.insights.translations.edit", { locale: row.locale })}
								</LinkButton>
							</Td>
						</Tr>
					))}
				</Tbody>
			</Table>
		</Section>
	);
}
