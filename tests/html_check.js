#!/usr/bin/env node
// html_check.js: judge HTML reports in a real browser.
//
//   node tests/html_check.js [--shots DIR] FILE.html...
//
// For every file, in Debian's Chromium (headless, through puppeteer-core):
//   - axe-core's WCAG 2.0/2.1 A and AA rules, at a 1280 px and a 320 px
//     wide viewport: every violation is printed and fails the run;
//   - on a phone (320 and 390 px wide, the narrowest in use and a common
//     one; WCAG 1.4.10 reflow) and at 200 % zoom (a 1280 px window zoomed
//     in: a 640 px wide viewport at device scale 2, where the media
//     queries see what a zoomed browser's do; WCAG 1.4.4) nothing is cut
//     off (cut_off below): the page does not scroll sideways
//     (document.documentElement.scrollWidth <= window.innerWidth), every
//     table (the headline figures too) and chart fits the page or scrolls
//     inside its own box, no box clips its text, no text runs past the
//     page's edges or out of its chart; a line "FILE: reach 320px: ok
//     (...)" (390px, 200%) says so, "FILE: FAIL: reach 320px: ..." what not;
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

// What is cut off at the viewport's width, in the page: a list of
// problems (empty when none) and what was looked at.  A box that scrolls
// sideways (overflow-x auto or scroll) is a place the reader can reach;
// the visually hidden (a 1 px box or a clip, as captions and the skip
// link until it has focus) are for screen readers and left out.
function cut_off() {
	const iw = window.innerWidth, out = [];
	const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
		(typeof el.className === 'string' && el.className ? '.' + el.className.split(' ')[0] : '');
	const scroller = (el) => {
		for (let a = el.parentElement; a; a = a.parentElement) {
			const o = getComputedStyle(a).overflowX;
			if (o === 'auto' || o === 'scroll')
				return a;
		}
		return null;
	};
	const hidden = (el) => {
		for (let a = el; a && a !== document.body; a = a.parentElement) {
			const cs = getComputedStyle(a), r = a.getBoundingClientRect();
			if (cs.clip !== 'auto' || r.width <= 1 || r.height <= 1)
				return true;
			if ((cs.position === 'absolute' || cs.position === 'fixed') && r.right <= 0)
				return true;
		}
		return false;
	};
	const inPage = (r) => r.left >= -1 && r.right <= iw + 1;
	const sw = document.documentElement.scrollWidth;
	if (sw > iw)
		out.push(`the page scrolls sideways (scrollWidth ${sw} > ${iw})`);
	let tables = 0, charts = 0, runs = 0;
	for (const el of document.querySelectorAll('table, svg')) {
		if (!el.getClientRects().length || (el.tagName === 'svg' && el.ownerSVGElement))
			continue;
		el.tagName === 'TABLE' ? tables++ : charts++;
		const box = scroller(el) || el;
		if (!inPage(box.getBoundingClientRect()))
			out.push(`${name(el)} runs past the page's edge and does not scroll in a box of its own`);
	}
	// a row of figures (the headline figures) wraps as tiles on a phone:
	// every figure in sight, none behind a sideways swipe
	for (const t of document.querySelectorAll("table")) {
		const body = t.tBodies.length === 1 ? t.tBodies[0].rows : [];
		if (!t.tHead || body.length !== 1 || body[0].cells.length <= 4)
			continue;
		const c = [...t.querySelectorAll('th, td')].find((e) => !hidden(e) && !inPage(e.getBoundingClientRect()));
		if (c)
			out.push(`${name(t)}: "${c.textContent.trim().slice(0, 20)}" is outside the page; a row of figures should wrap`);
	}
	for (const el of document.body.querySelectorAll('*')) {
		if (!el.getClientRects().length || el instanceof SVGElement)
			continue;
		const cs = getComputedStyle(el);
		const clipX = (cs.overflowX === 'hidden' || cs.overflowX === 'clip') && el.scrollWidth > el.clientWidth + 1;
		const clipY = (cs.overflowY === 'hidden' || cs.overflowY === 'clip') && el.scrollHeight > el.clientHeight + 1;
		if ((clipX || clipY) && el.textContent.trim() && !hidden(el))
			out.push(`${name(el)} clips its text (${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight})`);
	}
	const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	for (let t = walk.nextNode(); t; t = walk.nextNode()) {
		if (!t.data.trim() || !t.parentElement || hidden(t.parentElement))
			continue;
		const range = document.createRange();
		range.selectNodeContents(t);
		const rects = [...range.getClientRects()].filter((r) => r.width > 0);
		if (!rects.length)
			continue;
		runs++;
		const svg = t.parentElement.closest('svg');
		let top = svg;
		while (top && top.ownerSVGElement)
			top = top.ownerSVGElement;
		const frame = top ? top.getBoundingClientRect() : null;
		for (const r of rects) {
			if (frame && (r.left < frame.left - 1 || r.right > frame.right + 1 ||
				      r.top < frame.top - 1 || r.bottom > frame.bottom + 1)) {
				out.push(`"${t.data.trim().slice(0, 40)}" runs out of its chart`);
				break;
			}
			if (!frame && !inPage(r) && !scroller(t.parentElement)) {
				out.push(`"${t.data.trim().slice(0, 40)}" runs past the page's edge (${Math.round(r.left)}..${Math.round(r.right)} of ${iw})`);
				break;
			}
		}
	}
	return { problems: out.slice(0, 20), more: Math.max(0, out.length - 20), tables, charts, runs };
}

async function check(browser, file, shots, at) {
	const url = 'file://' + path.resolve(file);
	const name = path.basename(file).replace(/\.html?$/i, '');
	let failures = 0;
	const fail = (msg) => {
		failures++;
		process.stdout.write(`${file}: FAIL: ${msg}\n`);
	};
	// axe: the rules; reach: nothing cut off
	const views = [
		{ width: 1280, height: 900, label: '1280px', axe: true },
		{ width: 320, height: 640, label: '320px', axe: true, reach: true },
		{ width: 390, height: 844, label: '390px', reach: true },
		{ width: 640, height: 450, scale: 2, label: '200%', reach: true },
	];
	for (const v of views) {
		const page = await browser.newPage();
		await page.setViewport({ width: v.width, height: v.height, deviceScaleFactor: v.scale || 1 });
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
		if (v.reach) {
			const z = await page.evaluate(cut_off);
			for (const p of z.problems)
				fail(`reach ${v.label}: ${p}`);
			if (z.more)
				fail(`reach ${v.label}: and ${z.more} more`);
			if (!z.problems.length)
				process.stdout.write(`${file}: reach ${v.label}: ok (${z.tables} tables, ${z.charts} charts, ` +
						     `${z.runs} runs of text within reach)\n`);
		}
		if (!v.axe) {
			await page.close();
			continue;
		}
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
