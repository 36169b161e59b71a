/* cli.c: the command line.  Parses arguments, calls the library
 * (statusrapport.h), prints the diagnostics once and turns the worst
 * status into the exit code.  Holds no report logic of its own. */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "statusrapport.h"

static const char usage_main[] =
	"Usage: statusrapport COMMAND [options] PLAN.xml [STATUS.xml...]\n"
	"\n"
	"Turns an action plan and the status files sent in by its owners into\n"
	"status reports, one file per format (%s).\n"
	"\n"
	"Commands:\n"
	"  validate   check the plan and status files, report every problem\n"
	"  render     write one report\n"
	"  batch      write one report per owner, and the regional report\n"
	"  form       write the status forms (spreadsheets) the owners fill in\n"
	"  import     read a filled-in form back into a status file\n"
	"  collect    show who has answered for a year, what is missing or late\n"
	"\n"
	"  -h, --help      show help (statusrapport COMMAND --help for a command)\n"
	"  -V, --version   show the version\n"
	"\n"
	"Exit codes: 0 ok, 1 invalid input, 2 usage error, 3 output or system error,\n"
	"4 (collect) answers still missing; stopped by SIGINT, SIGTERM or SIGHUP:\n"
	"130, 143 or 129, no temporary file left.\n";

static const char usage_validate[] =
	"Usage: statusrapport validate [options] PLAN.xml [STATUS.xml...]\n"
	"\n"
	"Checks the files against the format (schema) and their meaning: unique ids,\n"
	"references that resolve, years inside the plan's period, one status per\n"
	"measure, owner and year, owners responsible for what they report.  Every\n"
	"problem is printed as FILE:LINE:COL: error: message.\n"
	"\n"
	"  -t, --template NAME  also check a template (built-in name or file); status\n"
	"                       colours too alike, or a text too faint on its fill,\n"
	"                       are warnings\n"
	"  -q, --quiet          print nothing when all is well\n"
	"  -h, --help           show this help\n";

static const char usage_render[] =
	"Usage: statusrapport render [options] PLAN.xml [STATUS.xml...]\n"
	"\n"
	"Writes the status report for one year.\n"
	"\n"
	"  -f, --format FMT     the formats, comma-separated: %s (default: all;\n"
	"                       with -o, the one its extension names)\n"
	"  -o, --output FILE    write one report to FILE, in the format its\n"
	"                       extension names\n"
	"  -O, --output-dir DIR write into DIR as PLAN-ID-YEAR[-OWNER].EXT, a file\n"
	"                       per format (default: the current folder; made\n"
	"                       when missing)\n"
	"  -t, --template NAME  the report kind: arsrapport (default), styremote,\n"
	"                       helseforetak (default with --owner), arlig-melding\n"
	"                       (the annual report on an assignment letter), or a file\n"
	"      --owner ID       the report for one owner: the measures it is\n"
	"                       responsible for and its own statuses\n"
	"      --matrix-level TYPE  the status matrix's columns: the owners of\n"
	"                       this type (rhf, hf, other; default: those directly\n"
	"                       under the plan's organisation)\n"
		"      --year YEAR      the reporting year (default: the latest with a status;\n"
	"                       with none, the plan's first year)\n"
	"      --lang LANG      nb, nn or en (default: the template's, else the plan's)\n"
	"      --dump-tree      print the document tree instead of writing files\n"
	"      --dump-style     print the report's house style (every size, spacing\n"
	"                       and colour the formats use) instead\n"
	"      --pdfa           write the PDF as tagged, accessible PDF/A-2a\n"
	"      --logo FILE      the organisation's logo (PNG or JPEG) on the cover,\n"
	"                       in place of the template's\n"
	"      --case FILE      a board paper's case details from FILE (a case file,\n"
	"                       see schema/case.rng); the options below win over it\n"
	"      --case-number TEXT, --case-officer TEXT, --archive-ref TEXT\n"
	"                       the board paper's case header (left out when not given)\n"
	"      --meeting-date YYYY-MM-DD  the board meeting's date\n"
	"      --resolution TEXT  the proposed resolution (default: the board takes\n"
	"                       note of the status report)\n"
	"  -q, --quiet          do not list the files written\n"
	"  -v, --verbose        also say when the output folder was made\n"
	"  -h, --help           show this help\n"
	"\n"
	"SOURCE_DATE_EPOCH, when set, is the report date, and makes the output\n"
	"byte-identical from run to run.\n";

static const char usage_batch[] =
	"Usage: statusrapport batch -O DIR [options] PLAN.xml [STATUS.xml...]\n"
	"\n"
	"Writes one report per owner as PLAN-ID-YEAR-OWNER.EXT, and the regional\n"
	"report PLAN-ID-YEAR.EXT beside them, a file per format.  The input is read\n"
	"once; the reports are rendered in parallel.  One failing report does not\n"
	"stop the others; the exit code and the summary say what failed.\n"
	"\n"
	"  -O, --output-dir DIR write into DIR (required; made when missing)\n"
	"  -f, --format FMT     the formats, comma-separated: %s (default: all)\n"
	"  -t, --template NAME  the owners' report kind (default: helseforetak)\n"
	"  -j, --jobs N         parallel workers (default: the number of cores)\n"
	"      --owners ID,ID   these owners\n"
	"      --type TYPE      every owner of this type: rhf, hf, group, other\n"
	"                       (default: hf)\n"
	"      --matrix-level TYPE  the regional report's status matrix, as in render\n"
	"      --shard K/N      only the K-th of N equal parts of the list, for\n"
	"                       spreading a large batch over machines\n"
	"      --year YEAR      the reporting year (default: the latest with a status;\n"
	"                       with none, the plan's first year)\n"
	"      --lang LANG      nb, nn or en\n"
	"      --pdfa           write the PDFs as tagged, accessible PDF/A-2a\n"
	"      --logo FILE      the organisation's logo (PNG or JPEG) on every report\n"
	"      --case FILE, --case-number TEXT, --meeting-date YYYY-MM-DD,\n"
	"      --case-officer TEXT, --archive-ref TEXT, --resolution TEXT\n"
	"                       a board paper's case details, as in render\n"
	"  -q, --quiet          no summary line\n"
	"  -v, --verbose        also say when the output folder was made\n"
	"  -h, --help           show this help\n";

static const char usage_form[] =
	"Usage: statusrapport form -O DIR [options] PLAN.xml [STATUS.xml...]\n"
	"\n"
	"Writes one pre-filled status form per owner as PLAN-ID-YEAR-OWNER-skjema.ods\n"
	"(an OpenDocument spreadsheet: the owner's measures with last year's status,\n"
	"drop-down lists for this year's status, the indicators, and guidance).\n"
	"\n"
	"  -O, --output-dir DIR write into DIR (required; made when missing)\n"
	"  -f, --format FMT     ods (default) or xml (a pre-filled status file with\n"
	"                       the measures as comments, for a text editor)\n"
	"      --owner ID       only this owner's form\n"
	"      --type TYPE      every owner of this type: rhf, hf, group, other\n"
	"                       (default: hf)\n"
	"      --year YEAR      the year to report on (default: the year after the\n"
	"                       latest with a status, if inside the plan's period;\n"
	"                       with none, the plan's first year)\n"
	"      --lang LANG      nb, nn or en (default: the plan's)\n"
	"      --deadline DATE  the deadline shown in the form, YYYY-MM-DD\n"
	"      --contact TEXT   whom to send the form to\n"
	"  -q, --quiet          do not list the files written\n"
	"  -v, --verbose        also say when the output folder was made\n"
	"  -h, --help           show this help\n";

static const char usage_import[] =
	"Usage: statusrapport import -o STATUS.xml [--plan PLAN.xml] FORM.ods|FORM.csv\n"
	"       statusrapport import -o STATUS.xml --plan PLAN.xml VALUES.csv\n"
	"\n"
	"Reads a filled-in form (the .ods the form command wrote, also after saving in\n"
	"LibreOffice or Excel, or its Status sheet saved as CSV with ;, , or tabs, in\n"
	"UTF-8 or Windows-1252) and writes it as a status file.  Every problem names its\n"
	"cell (FORM.ods: Status!F14: ...); nothing is written unless the whole form\n"
	"is right.  A measure left blank stays out of the file.\n"
	"\n"
	"Or reads indicator values as CSV, one row per value under the header row\n"
	"indicator;owner;year;category;value (separated by ; or ,, in UTF-8 or\n"
	"Windows-1252, a decimal comma or point, the category empty for the total),\n"
	"all for one owner and one year, checked against the plan.  Every problem\n"
	"names its cell (VALUES.csv:14:3: ...); nothing is written unless all is right.\n"
	"\n"
	"  -o, --output FILE    the status file to write (required)\n"
	"      --plan PLAN.xml  also check the form against the plan: plan id, owner,\n"
	"                       year, measure and indicator ids, responsibility\n"
	"  -q, --quiet          do not say what was written\n"
	"  -h, --help           show this help\n";

static const char usage_collect[] =
	"Usage: statusrapport collect [options] PLAN.xml [STATUS.xml...]\n"
	"\n"
	"Shows, per owner of type rhf or hf that is responsible for measures, how many\n"
	"of its measures have a status for the year, which are missing, and which\n"
	"status files are late or conflict with each other (two files from one owner\n"
	"and year with different values for a measure).  Each status file is read on\n"
	"its own, so conflicts are shown instead of stopping the overview.\n"
	"Exit code 0 when every owner has answered for every measure; 1 for a\n"
	"conflict or an invalid file; 4 when all is well but answers are missing.\n"
	"\n"
	"      --year YEAR      the year (default: the latest with a status; with\n"
	"                       none, the plan's first year)\n"
	"      --deadline DATE  files dated after DATE (YYYY-MM-DD) are late\n"
	"      --lang LANG      nb, nn or en (default: the plan's xml:lang)\n"
	"  -f, --format FMT     text (default) or ods\n"
	"  -o, --output FILE    write the overview to FILE (needed for ods)\n"
	"  -h, --help           show this help\n";

/* Every command's options, as read; run() hands each command its own. */
typedef struct opts {
	const char *command;
	const backend *formats[BACKEND_MAX];
	size_t nformats;
	const char *output, *outdir, *template_name, *owner, *lang, *owners, *type, *matrix_level;
	const char *fmt, *deadline, *contact, *plan_file; /* form, import, collect */
	const char *logo;
	int year, dump, quiet, verbose, jobs, shard_k, shard_n; /* dump: 1 the tree, 2 the style */
	int pdfa;
	sr_case case_details; /* render, batch */
	char **files;
	int nfiles;
} opts;

/* text with the formats' names where it says %s */
static void show(FILE *out, const char *text)
{
	char names[256];
	backends_names(names, sizeof names, ", ");
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	fprintf(out, text, names);
#pragma GCC diagnostic pop
}

static void usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "statusrapport: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'statusrapport %s%s--help'.\n", cmd ? cmd : "", cmd ? " " : "");
}

/* "a,b" into o->formats, in the table's order, each once; -1 for a
 * name the table does not know. */
static int parse_formats(const char *s, opts *o)
{
	int chosen[BACKEND_MAX] = {0};
	for (const char *p = s; *p;) {
		size_t n = strcspn(p, ",");
		const backend *b = backends_find(p, n);
		if (!b)
			return -1;
		for (size_t i = 0; i < BACKEND_MAX && backends[i]; i++)
			if (backends[i] == b)
				chosen[i] = 1;
		p += n;
		if (*p == ',')
			p++;
	}
	o->nformats = 0;
	for (size_t i = 0; i < BACKEND_MAX && backends[i]; i++)
		if (chosen[i])
			o->formats[o->nformats++] = backends[i];
	return o->nformats ? 0 : -1;
}

static void all_formats(opts *o)
{
	o->nformats = 0;
	for (size_t i = 0; i < BACKEND_MAX && backends[i]; i++)
		o->formats[o->nformats++] = backends[i];
}

/* Which options each command takes: a character per short option, and the
 * long-only options by their codes. */
enum { OPT_OWNER = 256, OPT_YEAR, OPT_LANG, OPT_DUMP, OPT_OWNERS, OPT_TYPE, OPT_SHARD,
       OPT_DEADLINE, OPT_CONTACT, OPT_PLAN, OPT_PDFA, OPT_DUMP_STYLE, OPT_MATRIX,
       OPT_LOGO, OPT_CASE, OPT_CASE_NUMBER, OPT_MEETING_DATE, OPT_CASE_OFFICER,
       OPT_ARCHIVE_REF, OPT_RESOLUTION };

static const struct option longopts[] = {
	{"format", required_argument, NULL, 'f'},
	{"output", required_argument, NULL, 'o'},
	{"output-dir", required_argument, NULL, 'O'},
	{"template", required_argument, NULL, 't'},
	{"jobs", required_argument, NULL, 'j'},
	{"owner", required_argument, NULL, OPT_OWNER},
	{"owners", required_argument, NULL, OPT_OWNERS},
	{"type", required_argument, NULL, OPT_TYPE},
	{"shard", required_argument, NULL, OPT_SHARD},
	{"year", required_argument, NULL, OPT_YEAR},
	{"lang", required_argument, NULL, OPT_LANG},
	{"dump-tree", no_argument, NULL, OPT_DUMP},
	{"dump-style", no_argument, NULL, OPT_DUMP_STYLE},
	{"pdfa", no_argument, NULL, OPT_PDFA},
	{"logo", required_argument, NULL, OPT_LOGO},
	{"matrix-level", required_argument, NULL, OPT_MATRIX},
	{"deadline", required_argument, NULL, OPT_DEADLINE},
	{"contact", required_argument, NULL, OPT_CONTACT},
	{"plan", required_argument, NULL, OPT_PLAN},
	{"case", required_argument, NULL, OPT_CASE},
	{"case-number", required_argument, NULL, OPT_CASE_NUMBER},
	{"meeting-date", required_argument, NULL, OPT_MEETING_DATE},
	{"case-officer", required_argument, NULL, OPT_CASE_OFFICER},
	{"archive-ref", required_argument, NULL, OPT_ARCHIVE_REF},
	{"resolution", required_argument, NULL, OPT_RESOLUTION},
	{"quiet", no_argument, NULL, 'q'},
	{"verbose", no_argument, NULL, 'v'},
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, 'V'},
	{NULL, 0, NULL, 0}};

static int allowed(const char *cmd, int c)
{
	if (c == 'q' || c == 'h' || c == 'V' || c == '?' || c == ':')
		return 1;
	if (strcmp(cmd, "validate") == 0)
		return c == 't';
	/* a board paper's case details: render and batch */
	int case_opt = c >= OPT_CASE && c <= OPT_RESOLUTION;
	if (strcmp(cmd, "render") == 0)
		return c < 256 ? strchr("foOtv", c) != NULL
			       : c == OPT_OWNER || c == OPT_YEAR || c == OPT_LANG || c == OPT_DUMP ||
					 c == OPT_PDFA || c == OPT_DUMP_STYLE || c == OPT_MATRIX ||
					 c == OPT_LOGO || case_opt;
	/* form: -f -O --owner --type --year --lang --deadline --contact */
	if (strcmp(cmd, "form") == 0)
		return c < 256 ? strchr("fOv", c) != NULL
			       : c == OPT_OWNER || c == OPT_TYPE || c == OPT_YEAR || c == OPT_LANG ||
					 c == OPT_DEADLINE || c == OPT_CONTACT;
	/* import: -o --plan */
	if (strcmp(cmd, "import") == 0)
		return c == 'o' || c == OPT_PLAN;
	/* collect: -f -o --year --deadline --lang */
	if (strcmp(cmd, "collect") == 0)
		return c < 256 ? strchr("fo", c) != NULL
			       : c == OPT_YEAR || c == OPT_DEADLINE || c == OPT_LANG;
	/* batch */
	return c < 256 ? strchr("fOtjv", c) != NULL
		       : c == OPT_OWNERS || c == OPT_TYPE || c == OPT_SHARD || c == OPT_YEAR ||
				 c == OPT_LANG || c == OPT_PDFA || c == OPT_MATRIX || c == OPT_LOGO ||
				 case_opt;
}

static int bad_lang(const char *cmd, const char *lang)
{
	if (lang && strcmp(lang, "nb") != 0 && strcmp(lang, "nn") != 0 && strcmp(lang, "en") != 0) {
		usage_error(cmd, "unknown language '%s'; use nb, nn or en", lang);
		return 1;
	}
	return 0;
}

/* The checks of form, import and collect once the options are read. */
static int parse_forms(const char *cmd, const char *format, opts *o)
{
	if (bad_lang(cmd, o->lang))
		return 2;
	o->fmt = format;
	if (strcmp(cmd, "form") == 0) {
		if (format && strcmp(format, "ods") != 0 && strcmp(format, "xml") != 0) {
			usage_error(cmd, "unknown format '%s'; use ods or xml", format);
			return 2;
		}
		if (!o->outdir) {
			usage_error(cmd, "%s", "form needs -O DIR, the folder to write the forms into");
			return 2;
		}
		if (o->owner && o->type) {
			usage_error(cmd, "%s", "give either --owner or --type, not both");
			return 2;
		}
	} else if (strcmp(cmd, "import") == 0) {
		if (!o->output) {
			usage_error(cmd, "%s", "import needs -o STATUS.xml, the status file to write");
			return 2;
		}
		if (o->nfiles != 1) {
			usage_error(cmd, "%s", "import reads one form at a time");
			return 2;
		}
	} else {
		if (format && strcmp(format, "text") != 0 && strcmp(format, "ods") != 0) {
			usage_error(cmd, "unknown format '%s'; use text or ods", format);
			return 2;
		}
		if (format && !strcmp(format, "ods") && !o->output) {
			usage_error(cmd, "%s", "-f ods needs -o FILE.ods");
			return 2;
		}
	}
	return 0;
}

/* The checks of render and batch once the options are read: the formats
 * from -f, or from -o's extension, or all of them. */
static int parse_reports(const char *cmd, const char *format, opts *o)
{
	char names[256];
	backends_names(names, sizeof names, ", ");
	if (format && parse_formats(format, o) < 0) {
		usage_error(cmd, "unknown format '%s'; the formats are %s (several: joined by ',')",
			    format, names);
		return 2;
	}
	if (bad_lang(cmd, o->lang))
		return 2;
	if (strcmp(cmd, "batch") == 0) {
		if (!o->outdir) {
			usage_error(cmd, "%s", "batch needs -O DIR, the folder to write the reports into");
			return 2;
		}
		if (o->owners && o->type) {
			usage_error(cmd, "%s", "give either --owners or --type, not both");
			return 2;
		}
	} else if (o->output && o->outdir) {
		usage_error(cmd, "%s", "give either -o FILE or -O DIR, not both");
		return 2;
	}
	if (!format && !o->output)
		all_formats(o);
	if (!o->output)
		return 0;
	const backend *by_ext = backends_for_path(o->output);
	if (!format && !by_ext) {
		usage_error(cmd, "cannot tell the format of '%s' from its extension; the formats are %s, "
			    "or give -f", o->output, names);
		return 2;
	}
	if (!format) {
		o->formats[0] = by_ext;
		o->nformats = 1;
	}
	if (o->nformats > 1) {
		usage_error(cmd, "%s", "-o writes one file; use -O DIR for several formats");
		return 2;
	}
	if (by_ext && by_ext != o->formats[0]) {
		usage_error(cmd, "-f %s and '%s' disagree: its extension is %s's; name it .%s or "
			    "leave out -f", o->formats[0]->name, o->output, by_ext->name, o->formats[0]->ext);
		return 2;
	}
	return 0;
}

/* A number from arg, in [lo, hi]; -1 when it is not one. */
static long number(const char *arg, long lo, long hi)
{
	char *end;
	long v = strtol(arg, &end, 10);
	return *end || end == arg || v < lo || v > hi ? -1 : v;
}

/* One option c with its value optarg into o: 0, or an exit code. */
static int parse_option(const char *cmd, int c, opts *o, const char **format)
{
	switch (c) {
	case 'f': *format = optarg; break;
	case 'o': o->output = optarg; break;
	case 'O': o->outdir = optarg; break;
	case 't': o->template_name = optarg; break;
	case OPT_OWNER: o->owner = optarg; break;
	case OPT_OWNERS: o->owners = optarg; break;
	case OPT_TYPE: o->type = optarg; break;
	case OPT_MATRIX: o->matrix_level = optarg; break;
	case OPT_LANG: o->lang = optarg; break;
	case OPT_CONTACT: o->contact = optarg; break;
	case OPT_PLAN: o->plan_file = optarg; break;
	case OPT_DUMP: o->dump = 1; break;
	case OPT_DUMP_STYLE: o->dump = 2; break;
	case OPT_PDFA: o->pdfa = 1; break;
	case OPT_LOGO: o->logo = optarg; break;
	case OPT_CASE: o->case_details.file = optarg; break;
	case OPT_CASE_NUMBER: o->case_details.number = optarg; break;
	case OPT_CASE_OFFICER: o->case_details.officer = optarg; break;
	case OPT_ARCHIVE_REF: o->case_details.archive_ref = optarg; break;
	case OPT_RESOLUTION: o->case_details.resolution = optarg; break;
	case OPT_MEETING_DATE:
		if (!sr_date_valid(optarg)) {
			usage_error(cmd, "--meeting-date needs a date like 2025-02-12, not '%s'", optarg);
			return 2;
		}
		o->case_details.meeting_date = optarg;
		break;
	case 'q': o->quiet = 1; break;
	case 'v': o->verbose = 1; break;
	case OPT_DEADLINE: {
		if (!sr_date_valid(optarg)) {
			usage_error(cmd, "--deadline needs a date like 2026-01-31, not '%s'", optarg);
			return 2;
		}
		o->deadline = optarg;
		break;
	}
	case 'j':
		if ((o->jobs = (int)number(optarg, 1, 256)) < 0) {
			usage_error(cmd, "--jobs needs a number from 1 to 256, not '%s'", optarg);
			return 2;
		}
		break;
	case OPT_SHARD: {
		int k, n;
		char tail;
		if (sscanf(optarg, "%d/%d%c", &k, &n, &tail) != 2 || n < 1 || k < 1 || k > n) {
			usage_error(cmd, "--shard needs K/N with 1 <= K <= N, like 2/3, not '%s'", optarg);
			return 2;
		}
		o->shard_k = k;
		o->shard_n = n;
		break;
	}
	case OPT_YEAR:
		if ((o->year = (int)number(optarg, 1900, 2200)) < 0) {
			usage_error(cmd, "--year needs a year like 2024, not '%s'", optarg);
			return 2;
		}
		break;
	}
	return 0;
}

static const char *help_text(const char *cmd)
{
	return !strcmp(cmd, "render")    ? usage_render
	       : !strcmp(cmd, "batch")   ? usage_batch
	       : !strcmp(cmd, "form")    ? usage_form
	       : !strcmp(cmd, "import")  ? usage_import
	       : !strcmp(cmd, "collect") ? usage_collect
					 : usage_validate;
}

/* Parse a command's options; returns 0, an exit code, or -1 for "printed
 * help or version: exit 0". */
static int parse(int argc, char **argv, opts *o)
{
	const char *cmd = o->command;
	const char *format = NULL;
	int c;
	opterr = 0;
	optind = 2;
	while ((c = getopt_long(argc, argv, ":f:o:O:t:j:qvhV", longopts, NULL)) != -1) {
		if (!allowed(cmd, c)) {
			char name[64] = "";
			for (const struct option *lo = longopts; lo->name; lo++)
				if (lo->val == c)
					snprintf(name, sizeof name, "--%s", lo->name);
			usage_error(cmd, "the option '%s' does not apply to this command", name);
			return 2;
		}
		int rc = 0;
		switch (c) {
		case 'h': show(stdout, help_text(cmd)); return -1;
		case 'V': printf("statusrapport %s\n", SR_VERSION); return -1;
		case ':': usage_error(cmd, "the option '%s' needs a value", argv[optind - 1]); return 2;
		case '?': usage_error(cmd, "unknown option '%s'", argv[optind - 1]); return 2;
		default: rc = parse_option(cmd, c, o, &format); break;
		}
		if (rc)
			return rc;
	}
	o->files = argv + optind;
	o->nfiles = argc - optind;
	if (o->nfiles < 1) {
		usage_error(cmd, "%s", strcmp(cmd, "import") ? "no plan file given" : "no form given");
		return 2;
	}
	if (!strcmp(cmd, "form") || !strcmp(cmd, "import") || !strcmp(cmd, "collect"))
		return parse_forms(cmd, format, o);
	if (!strcmp(cmd, "render") || !strcmp(cmd, "batch"))
		return parse_reports(cmd, format, o);
	return bad_lang(cmd, o->lang) ? 2 : 0;
}

/* The command o names, run; what it did printed unless quiet. */
static sr_status run(const opts *o, diag *d)
{
	sr_files in = {(const char *const *)o->files, o->nfiles};
	const char *cmd = o->command;
	sr_status st;
	/* -O makes a missing folder; -v says so */
	int had_dir = !o->outdir || access(o->outdir, F_OK) == 0;
	if (!strcmp(cmd, "validate")) {
		sr_validate_result r;
		st = sr_validate(&(sr_validate_opts){.in = in, .template_name = o->template_name}, &r, d);
		if (st == SR_OK && !o->quiet)
			fprintf(stderr, "statusrapport: %s: valid (%zu measures, %zu owners, %d status file%s)\n",
				o->files[0], r.nmeasures, r.nowners, o->nfiles - 1, o->nfiles == 2 ? "" : "s");
	} else if (!strcmp(cmd, "render")) {
		sr_render_opts ro = {.in = in, .nformats = o->nformats, .output = o->output,
				     .outdir = o->outdir, .template_name = o->template_name,
				     .owner = o->owner, .lang = o->lang, .year = o->year, .pdfa = o->pdfa,
				     .matrix_level = o->matrix_level, .logo = o->logo,
				     .case_details = o->case_details,
				     .dump = o->dump ? stdout : NULL,
				     .dump_style = o->dump == 2};
		memcpy(ro.formats, o->formats, sizeof ro.formats);
		static sr_render_result r; /* the paths: 32 KB */
		st = sr_render(&ro, &r, d);
		for (size_t i = 0; i < r.n && !o->quiet; i++)
			fprintf(stderr, "statusrapport: wrote %s\n", r.path[i]);
	} else if (!strcmp(cmd, "batch")) {
		sr_batch_opts bo = {.in = in, .nformats = o->nformats, .outdir = o->outdir,
				    .template_name = o->template_name, .owners = o->owners,
				    .type = o->type, .matrix_level = o->matrix_level, .lang = o->lang,
				    .year = o->year, .jobs = o->jobs,
				    .shard_k = o->shard_k, .shard_n = o->shard_n, .pdfa = o->pdfa,
				    .logo = o->logo,
				    .case_details = o->case_details,
				    .progress = isatty(STDERR_FILENO) && !o->quiet ? stderr : NULL};
		memcpy(bo.formats, o->formats, sizeof bo.formats);
		sr_batch_result r;
		st = sr_batch(&bo, &r, d);
		if (r.ran && (!o->quiet || st != SR_OK))
			fprintf(stderr, "statusrapport: batch: %d of %d reports written (%d files) to %s%s%s\n",
				r.ok, r.jobs, r.files, o->outdir, r.failed ? "; failed: " : "",
				r.failed ? "see the messages below" : "");
	} else if (!strcmp(cmd, "form")) {
		sr_form_result r;
		st = sr_form(&(sr_form_opts){.in = in, .outdir = o->outdir, .owner = o->owner,
					     .type = o->type, .year = o->year, .lang = o->lang,
					     .deadline = o->deadline, .contact = o->contact,
					     .xml = o->fmt && !strcmp(o->fmt, "xml")},
			     &r, d);
		if (r.ran && (!o->quiet || st != SR_OK) && st != SR_USAGE)
			fprintf(stderr, "statusrapport: form: %d of %d forms written to %s\n", r.written,
				r.total, o->outdir);
	} else if (!strcmp(cmd, "import")) {
		sr_import_result r;
		st = sr_import(&(sr_import_opts){.form = o->files[0], .plan = o->plan_file,
						 .output = o->output},
			       &r, d);
		if (st == SR_OK && !o->quiet)
			fprintf(stderr, "statusrapport: wrote %s (%s, %d: %zu statuses, %zu values)\n",
				o->output, r.owner_id, r.year, r.nstatuses, r.nvalues);
	} else {
		st = sr_collect(&(sr_collect_opts){.in = in, .year = o->year, .deadline = o->deadline,
						   .ods = o->fmt && !strcmp(o->fmt, "ods"),
						   .output = o->output, .lang = o->lang, .out = stdout},
				d);
	}
	if (o->verbose && !had_dir && access(o->outdir, F_OK) == 0)
		fprintf(stderr, "statusrapport: made the folder %s\n", o->outdir);
	return st;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		show(stderr, usage_main);
		return SR_USAGE;
	}
	const char *cmd = argv[1];
	if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "help") == 0) {
		show(stdout, usage_main);
		return SR_OK;
	}
	if (strcmp(cmd, "-V") == 0 || strcmp(cmd, "--version") == 0) {
		printf("statusrapport %s\n", SR_VERSION);
		return SR_OK;
	}
	if (strcmp(cmd, "validate") != 0 && strcmp(cmd, "render") != 0 &&
	    strcmp(cmd, "batch") != 0 && strcmp(cmd, "form") != 0 &&
	    strcmp(cmd, "import") != 0 && strcmp(cmd, "collect") != 0) {
		usage_error(NULL, "unknown command '%s'; use validate, render, batch, form, import or collect", cmd);
		return SR_USAGE;
	}
	opts o = {0};
	o.command = cmd;
	int rc = parse(argc, argv, &o);
	if (rc)
		return rc < 0 ? SR_OK : rc;
	sr_init();
	diag d;
	diag_init(&d);
	sr_status st = run(&o, &d);
	diag_print(&d, stderr);
	diag_free(&d);
	sr_cleanup();
	return st;
}
