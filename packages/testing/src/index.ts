// Test helpers for every suite, the bench and the browser journeys. Everything here starts or talks
// to real programs (a real CMS, the whole portal, real ports); nothing is a fake.
export { chromiumLaunchOptions } from "./chromium.ts";
export { ADMIN, type RunningCms, runServe, type StartOptions, startCms } from "./cms-process.ts";
export { createEntryDraft, publishEntry } from "./content.ts";
export { freePort } from "./free-port.ts";
export { request } from "./http.ts";
export { pngFrom, pngImage, type Rgb, type UploadedImage, uploadImage } from "./images.ts";
export { type Portal, portHeld, sleep, startPortal } from "./portal-process.ts";
export { describeProcess, processTree, running } from "./process-tree.ts";
export { writeSyntheticSnapshot } from "./snapshot.ts";
export { messageOf } from "./thrown.ts";
export { XSS_CORPUS } from "./xss-corpus.ts";
