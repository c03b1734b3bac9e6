import { messageOf } from "@aide/testing";
import { ImportError } from "../../src/index.ts";

/** The message of the ImportError `action` throws; fails the test if it throws nothing or something else. */
export const errorOf = (action: () => unknown): string => messageOf(action, ImportError);
