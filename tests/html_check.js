#!/usr/bin/env node
// html_check.js: judge HTML reports in a real browser.
//
//   node tests/html_check.js [--shots DIR] FILE.html...
//
// For every file, in Debian's Chromium (headless, through puppeteer-core):
//   - axe-core's WCAG 2.0/2.1 A and AA rules, at a 1280 px and a 320 px
//     wide viewport: every violation is printed and fails the run;
//   - at 320 px, no horizontal scrolling of the page (WCAG 1.4.10 reflow):
//     document.documentElement.scrollWidth <= window.innerWidth;
//   - the page makes no request of its own: anything but the file itself
//     and data: URIs is refused and fails the run.
// --shots DIR also writes DIR/NAME-desktop.png (1280 px) and
// DIR/NAME-phone.png (375 px) to look at: the top of the page, or with
// --at ID the part from the element with that id on.
//
// Exit 0 when every file passes, 1 when one does not, 2 on a usage or
// browser problem.  The npm packages live in tests/node (see
// scripts/install-deps); the browser is /usr/bin/chromium, or $CHROMIUM.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { createRequire } = require('module');

const req = createRequire(path.join(__dirname, 'node', 'package.json'));
const puppeteer = req('puppeteer-core');
const axeSource = fs.readFileSync(req.resolve('axe-core/axe.min.js'), 'utf8');

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

function usage() {
	process.stderr.write('usage: node tests/html_check.js [--shots DIR [--at ID]] FILE.html...\n');
	process.exit(2);
}

async function check(browser, file, shots, at) {
	const url = 'file://' + path.resolve(file);
	const name = path.basename(file).replace(/\.html?$/i, '');
	let failures = 0;
	const fail = (msg) => {
		failures++;
		process.stdout.write(`${file}: FAIL: ${msg}\n`);
	};
	const views = [
		{ width: 1280, height: 900, label: '1280px' },
		{ width: 320, height: 640, label: '320px', reflow: true },
	];
	for (const v of views) {
		const page = await browser.newPage();
		await page.setViewport({ width: v.width, height: v.height });
		await page.setRequestInterception(true);
		page.on('request', (r) => {
			const u = r.url();
			if (u === url || u.startsWith('data:')) {
				r.continue();
			} else {
				fail(`${v.label}: the page requested ${u}`);
				r.abort();
			}
		});
		await page.goto(url, { waitUntil: 'load' });
		await page.addScriptTag({ content: axeSource });
		const res = await page.evaluate(
			(tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }),
			TAGS,
		);
		for (const viol of res.violations) {
			for (const node of viol.nodes)
				fail(`${v.label}: axe ${viol.id} (${viol.impact}): ${viol.help}: ` +
				     `${node.target.join(' ')}: ${node.failureSummary.replace(/\s+/g, ' ')}`);
		}
		if (v.reflow) {
			const m = await page.evaluate(() => ({
				sw: document.documentElement.scrollWidth,
				iw: window.innerWidth,
			}));
			if (m.sw > m.iw)
				fail(`${v.label}: the page scrolls sideways (scrollWidth ${m.sw} > ${m.iw})`);
		}
		process.stdout.write(`${file}: ${v.label}: ${res.passes.length} axe rules passed, ` +
				     `${res.violations.length} violated\n`);
		await page.close();
	}
	if (shots) {
		for (const s of [{ width: 1280, height: 900, tag: 'desktop' },
				 { width: 375, height: 740, tag: 'phone' }]) {
			const page = await browser.newPage();
			await page.setViewport({ width: s.width, height: s.height });
			await page.goto(url + (at ? '#' + at : ''), { waitUntil: 'load' });
			await page.screenshot({ path: path.join(shots, `${name}-${s.tag}.png`) });
			await page.close();
		}
	}
	return failures;
}

async function main() {
	const args = process.argv.slice(2);
	let shots = null, at = null;
	const files = [];
	for (let i = 0; i < args.length; i++) {
		if (args[i] === '--shots') {
			if (++i >= args.length)
				usage();
			shots = args[i];
		} else if (args[i] === '--at') {
			if (++i >= args.length)
				usage();
			at = args[i];
		} else if (args[i].startsWith('-')) {
			usage();
		} else {
			files.push(args[i]);
		}
	}
	if (!files.length)
		usage();
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'html-check-'));
	let browser;
	let failures = 0;
	try {
		browser = await puppeteer.launch({
			executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
			headless: true,
			args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
			       '--no-first-run', '--disable-background-networking',
			       '--disable-component-update', '--disable-sync',
			       `--user-data-dir=${profile}`],
		});
		for (const f of files)
			failures += await check(browser, f, shots, at);
	} finally {
		if (browser)
			await browser.close();
		fs.rmSync(profile, { recursive: true, force: true });
	}
	process.stdout.write(`html_check: ${files.length} files, ${failures} problems\n`);
	process.exit(failures ? 1 : 0);
}

main().catch((e) => {
	process.stderr.write(`html_check: ${e && e.stack ? e.stack : e}\n`);
	process.exit(2);
});
