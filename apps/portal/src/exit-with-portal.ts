// Loaded with `node --import` into the CMS that `npm start` runs (start.ts), which gives the CMS a stdin
// pipe and never writes to it. The pipe closes when the portal ends, however it ends: SIGKILL included,
// which the portal cannot act on (and Node has no prctl(PR_SET_PDEATHSIG) to ask the kernel). The CMS
// then stops as on Ctrl-C (Strapi closes its database on SIGTERM), and exits anyway if that takes
// more than 10 s: a CMS outliving its portal would hold its port and refuse the next npm start.
let stopping = false;
const stop = () => {
	if (stopping) return;
	stopping = true;
	process.kill(process.pid, "SIGTERM");
	setTimeout(() => process.exit(1), 10_000).unref();
};
process.stdin.once("end", stop).once("close", stop).once("error", stop);
process.stdin.resume();
