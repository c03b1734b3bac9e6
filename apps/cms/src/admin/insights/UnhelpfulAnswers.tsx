// "Answers that did not help": votes, the share of "no", the reasons readers picked and their comments,
// each answer linking to its edit form in the report's locale.
import { INSIGHT_REASONS, type InsightReport } from "@aide/cms-contract";
import { Link as DsLink, Flex, Table, Tbody, Td, Tr, Typography } from "@strapi/design-system";
import { Link } from "react-router-dom";
import { editEntryPath } from "../links";
import { useMessages } from "../messages";
import { HeaderRow, Section } from "./Section";

export function UnhelpfulAnswers({ report }: { report: InsightReport }) {
	const t = useMessages();
	const rows = report.feedback;
	const headers = [
		t("aide.insights.feedback.question"),
		t("aide.insights.feedback.votes"),
		t("aide.insights.feedback.share"),
		t("aide.insights.feedback.reasons"),
		t("aide.insights.feedback.comments"),
	];
	return (
		<Section heading={t("aide.insights.feedback.heading")} empty={rows.length === 0 ? t("aide.insights.feedback.empty") : undefined}>
			<Table colCount={headers.length} rowCount={rows.length + 1}>
				<HeaderRow headers={headers} />
				<Tbody>
					{rows.map((row) => {
						const votes = row.helpful + row.notHelpful;
						const reasons = INSIGHT_REASONS.filter((reason) => (row.reasons[reason] ?? 0) > 0).map(
							(reason) => `${t(`aide.insights.reason.${reason}`)} (${row.reasons[reason]})`,
						);
						return (
							<Tr key={row.documentId}>
								<Td>
									<DsLink tag={Link} to={editEntryPath(row.documentId, report.locale)}>
										{row.question}
									</DsLink>
								</Td>
								<Td>
									<Typography>{t("aide.insights.feedback.votes.value", { helpful: row.helpful, notHelpful: row.notHelpful })}</Typography>
								</Td>
								<Td>
									<Typography>{votes === 0 ? "–" : `${Math.round((row.notHelpful / votes) * 100)} %`}</Typography>
								</Td>
								<Td>
									<Typography>{reasons.join(", ") || "–"}</Typography>
								</Td>
								<Td>
									<Flex direction="column" alignItems="start" gap={1}>
										{row.comments.map((comment, index) => (
											// Comments may repeat; their order is the report's (latest first).
											// biome-ignore lint/suspicious/noArrayIndexKey: comments have no identity of their own.
											<Typography key={index} textColor="neutral700">
												“{comment}”
											</Typography>
										))}
									</Flex>
								</Td>
							</Tr>
						);
					})}
				</Tbody>
			</Table>
		</Section>
	);
}
