// A titled section of the insights page, with the text that says what will appear when it is empty, and
// the header row of its table.
import { Box, Flex, Th, Thead, Tr, Typography } from "@strapi/design-system";
import type { ReactNode } from "react";

export function Section({ heading, empty, children }: { heading: string; empty: string | undefined; children: ReactNode }) {
	return (
		<Box background="neutral0" hasRadius shadow="tableShadow" padding={6} marginBottom={6} tag="section">
			<Flex direction="column" alignItems="stretch" gap={4}>
				<Typography variant="delta" tag="h2">
					{heading}
				</Typography>
				{empty === undefined ? children : <Typography textColor="neutral600">{empty}</Typography>}
			</Flex>
		</Box>
	);
}

/** A section table's header row: one column per heading. */
export function HeaderRow({ headers }: { headers: readonly string[] }) {
	return (
		<Thead>
			<Tr>
				{headers.map((header) => (
					<Th key={header}>
						<Typography variant="sigma">{header}</Typography>
					</Th>
				))}
			</Tr>
		</Thead>
	);
}
