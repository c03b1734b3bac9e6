// "Add as keyword to…": find an answer of the report's locale by its question, add the failed query to
// its keywords (the draft: publishing stays the editor's), and say what happened.
import type { KeywordResponse } from "@aide/cms-contract";
import { Box, Button, Link as DsLink, Field, Flex, Loader, Modal, TextInput, Typography } from "@strapi/design-system";
import { useState } from "react";
import { Link } from "react-router-dom";
import { editEntryPath } from "../links";
import { useMessages } from "../messages";
import { type AnswerChoice, errorMessage, useAddKeyword, useAnswerSearch } from "./api";

type Outcome =
	| { state: "idle" }
	| { state: "saving" }
	| { state: "done"; answer: AnswerChoice; response: KeywordResponse }
	| { state: "failed"; message: string };

export function KeywordDialog({ query, locale, onClose }: { query: string; locale: string; onClose: () => void }) {
	const t = useMessages();
	const [text, setText] = useState("");
	const [outcome, setOutcome] = useState<Outcome>({ state: "idle" });
	const answers = useAnswerSearch(locale, text);
	const addKeyword = useAddKeyword();

	const add = async (answer: AnswerChoice) => {
		setOutcome({ state: "saving" });
		try {
			const response = await addKeyword({ documentId: answer.documentId, locale, keyword: query });
			setOutcome({ state: "done", answer, response });
		} catch (error) {
			setOutcome({ state: "failed", message: errorMessage(error) });
		}
	};

	return (
		<Modal.Root open onOpenChange={(open) => !open && onClose()}>
			<Modal.Content>
				<Modal.Header>
					<Modal.Title>{t("aide.insights.keyword.title", { query })}</Modal.Title>
				</Modal.Header>
				<Modal.Body>
					<Flex direction="column" alignItems="stretch" gap={4}>
						<Typography textColor="neutral600">{t("aide.insights.keyword.hint")}</Typography>
						<Field.Root name="answer-search">
							<Field.Label>{t("aide.insights.keyword.search")}</Field.Label>
							<TextInput value={text} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setText(event.target.value)} />
						</Field.Root>
						{text.trim() !== "" && answers.state === "loading" && <Loader small />}
						{answers.state === "error" && <Typography textColor="danger600">{answers.message}</Typography>}
						{answers.state === "ready" && answers.data.length === 0 && (
							<Typography textColor="neutral600">{t("aide.insights.keyword.none", { text })}</Typography>
						)}
						{answers.state === "ready" && (
							<Flex direction="column" alignItems="stretch" gap={2} tag="ul">
								{answers.data.map((answer) => (
									<li key={answer.documentId}>
										<Button variant="secondary" disabled={outcome.state === "saving"} onClick={() => add(answer)}>
											{t("aide.insights.keyword.pick", { question: answer.question })}
										</Button>
									</li>
								))}
							</Flex>
						)}
						<Box role="status">
							{outcome.state === "done" && (
								<Flex direction="column" alignItems="start" gap={2}>
									<Typography textColor="success600">
										{t(outcome.response.added ? "aide.insights.keyword.added" : "aide.insights.keyword.already", {
											keyword: query,
											question: outcome.answer.question,
										})}
									</Typography>
									<DsLink tag={Link} to={editEntryPath(outcome.answer.documentId, locale)}>
										{t("aide.insights.keyword.open")}
									</DsLink>
								</Flex>
							)}
							{outcome.state === "failed" && (
								<Typography textColor="danger600">{t("aide.insights.keyword.failed", { message: outcome.message })}</Typography>
							)}
						</Box>
					</Flex>
				</Modal.Body>
				<Modal.Footer>
					<Modal.Close>
						<Button variant="tertiary">{t("aide.insights.close")}</Button>
					</Modal.Close>
				</Modal.Footer>
			</Modal.Content>
		</Modal.Root>
	);
}
