// The processes a process started, read from /proc (Linux), for the tests that check nothing of a
// stopped portal is left running.
import { readdirSync, readFileSync } from "node:fs";

/** "pid (comm) state ppid ...": the comm may hold spaces and parentheses, so it is cut at the last ")". */
function stat(pid: number): { state: string; ppid: number } | undefined {
	try {
		const text = readFileSync(`/proc/${pid}/stat`, "utf8");
		const [state = "", ppid = ""] = text.slice(text.lastIndexOf(")") + 2).split(" ");
		return { state, ppid: Number(ppid) };
	} catch {
		return undefined;
	}
}

/** The process and all its descendants that run now. */
export function processTree(root: number): number[] {
	const children = new Map<number, number[]>();
	for (const name of readdirSync("/proc")) {
		const pid = Number(name);
		const info = Number.isInteger(pid) ? stat(pid) : undefined;
		if (info) children.set(info.ppid, [...(children.get(info.ppid) ?? []), pid]);
	}
	const tree = [root];
	for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i] as number) ?? []));
	return tree;
}

/** Running, as opposed to gone or a zombie (an exited orphan whose reaper has not collected it yet). */
export function running(pid: number): boolean {
	const info = stat(pid);
	return info !== undefined && info.state !== "Z" && info.state !== "X";
}

/** A short description of a process, for failure messages. */
export function describeProcess(pid: number): string {
	try {
		return `${pid}: ${readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim()}`;
	} catch {
		return `${pid}: gone`;
	}
}
