// "Searches with no result": each query with its count, and the two ways to answer it: write a new
// answer with the query as its question, or add the query to an existing answer's keywords.
import type { InsightReport } from "@aide/cms-contract";
import { Button, Flex, LinkButton, Table, Tbody, Td, Tr, Typography } from "@strapi/design-system";
import { useState } from "react";
import { Link } from "react-router-dom";
import { createEntryPath } from "../links";
import { useMessages } from "../messages";
import { KeywordDialog } from "./KeywordDialog";
import { HeaderRow, Section } from "./Section";

export function FailedSearches({ report }: { report: InsightReport }) {
	const t = useMessages();
	const [keywordFor, setKeywordFor] = useState<string | undefined>();
	const rows = report.failedSearches;
	return (
		<Section heading={t("aide.insights.failed.heading")} empty={rows.length === 0 ? t("aide.insights.failed.empty") : undefined}>
			<Table colCount={3} rowCount={rows.length + 1}>
				<HeaderRow headers={[t("aide.insights.failed.query"), t("aide.insights.failed.count"), t("aide.insights.failed.actions")]} />
				<Tbody>
					{rows.map((row) => (
						<Tr key={row.query}>
							<Td>
								<Typography fontWeight="bold">{row.query}</Typography>
							</Td>
							<Td>
								<Typography>{row.count}</Typography>
							</Td>
							<Td>
								<Flex gap={2}>
									<LinkButton tag={Link} to={createEntryPath(report.locale, row.query)} variant="secondary" size="S">
										{t("aide.insights.create")}
									</LinkButton>
									<Button variant="tertiary" size="S" onClick={() => setKeywordFor(row.query)}>
										{t("aide.insights.keyword")}
									</Button>
								</Flex>
							</Td>
						</Tr>
					))}
				</Tbody>
			</Table>
			{keywordFor !== undefined && <KeywordDialog query={keywordFor} locale={report.locale} onClose={() => setKeywordFor(undefined)} />}
		</Section>
	);
}
