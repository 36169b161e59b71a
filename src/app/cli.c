/* cli.c: the command line.  Parses arguments, calls the library, prints
 * the diagnostics once and turns the worst status into the exit code.
 * Holds no report logic of its own. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "batch.h"
#include "forms/collect.h"
#include "base/diag.h"
#include "doc/doc.h"
#include "forms/form.h"
#include "forms/import.h"
#include "model/model.h"
#include "pdf/pdf.h"
#include "input/plan_xml.h"
#include "render.h"
#include "report/report.h"
#include "input/template.h"
#include "input/validate.h"
#include "base/xalloc.h"

#ifndef SR_DATADIR
#define SR_DATADIR "/usr/local/share/statusrapport"
#endif

static const char usage_main[] =
	"Usage: statusrapport COMMAND [options] PLAN.xml [STATUS.xml...]\n"
	"\n"
	"Turns an action plan and the status files sent in by its owners into\n"
	"status reports (PDF and ODT).\n"
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
	"Exit codes: 0 ok, 1 invalid input, 2 usage error, 3 output or system error.\n";

static const char usage_validate[] =
	"Usage: statusrapport validate [options] PLAN.xml [STATUS.xml...]\n"
	"\n"
	"Checks the files against the format (schema) and their meaning: unique ids,\n"
	"references that resolve, years inside the plan's period, one status per\n"
	"measure, owner and year, owners responsible for what they report.  Every\n"
	"problem is printed as FILE:LINE:COL: error: message.\n"
	"\n"
	"  -t, --template NAME  also check a template (built-in name or file)\n"
	"  -q, --quiet          print nothing when all is well\n"
	"  -h, --help           show this help\n";

static const char usage_render[] =
	"Usage: statusrapport render [options] PLAN.xml [STATUS.xml...]\n"
	"\n"
	"Writes the status report for one year.\n"
	"\n"
	"  -f, --format FMT     pdf, odt or pdf,odt (default: pdf,odt; with -o, the\n"
	"                       file's extension)\n"
	"  -o, --output FILE    write one report to FILE (.pdf or .odt)\n"
	"  -O, --output-dir DIR write into DIR as PLAN-ID-YEAR[-OWNER].pdf/.odt\n"
	"                       (default: the current folder)\n"
	"  -t, --template NAME  the report kind: arsrapport (default), styremote,\n"
	"                       helseforetak (default with --owner), or a file\n"
	"      --owner ID       the report for one owner: the measures it is\n"
	"                       responsible for and its own statuses\n"
	"      --year YEAR      the reporting year (default: the latest with a status)\n"
	"      --lang LANG      nb, nn or en (default: the template's, else the plan's)\n"
	"      --dump-tree      print the document tree instead of writing files\n"
	"      --dump-style     print the report's house style (every size, spacing\n"
	"                       and colour the PDF and the ODT use) instead\n"
	"      --pdfa           write the PDF as tagged, accessible PDF/A-2a\n"
	"  -q, --quiet          do not list the files written\n"
	"  -h, --help           show this help\n"
	"\n"
	"SOURCE_DATE_EPOCH, when set, is the report date, and makes the output\n"
	"byte-identical from run to run.\n";

static const char usage_batch[] =
	"Usage: statusrapport batch -O DIR [options] PLAN.xml [STATUS.xml...]\n"
	"\n"
	"Writes one report per owner as PLAN-ID-YEAR-OWNER.pdf/.odt, and the regional\n"
	"report PLAN-ID-YEAR.pdf/.odt beside them.  The input is read once; the\n"
	"reports are rendered in parallel.  One failing report does not stop the\n"
	"others; the exit code and the summary say what failed.\n"
	"\n"
	"  -O, --output-dir DIR write into DIR (required)\n"
	"  -f, --format FMT     pdf, odt or pdf,odt (default: pdf,odt)\n"
	"  -t, --template NAME  the owners' report kind (default: helseforetak)\n"
	"  -j, --jobs N         parallel workers (default: the number of cores)\n"
	"      --owners ID,ID   these owners\n"
	"      --type TYPE      every owner of this type: rhf, hf, group, other\n"
	"                       (default: hf)\n"
	"      --shard K/N      only the K-th of N equal parts of the list, for\n"
	"                       spreading a large batch over machines\n"
	"      --year YEAR      the reporting year (default: the latest with a status)\n"
	"      --lang LANG      nb, nn or en\n"
	"      --pdfa           write the PDFs as tagged, accessible PDF/A-2a\n"
	"  -q, --quiet          no summary line\n"
	"  -h, --help           show this help\n";

static const char usage_form[] =
	"Usage: statusrapport form -O DIR [options] PLAN.xml [STATUS.xml...]\n"
	"\n"
	"Writes one pre-filled status form per owner as PLAN-ID-YEAR-OWNER-skjema.ods\n"
	"(an OpenDocument spreadsheet: the owner's measures with last year's status,\n"
	"drop-down lists for this year's status, the indicators, and guidance).\n"
	"\n"
	"  -O, --output-dir DIR write into DIR (required)\n"
	"  -f, --format FMT     ods (default) or xml (a pre-filled status file with\n"
	"                       the measures as comments, for a text editor)\n"
	"      --owner ID       only this owner's form\n"
	"      --type TYPE      every owner of this type: rhf, hf, group, other\n"
	"                       (default: hf)\n"
	"      --year YEAR      the year to report on (default: the year after the\n"
	"                       latest with a status, if inside the plan's period)\n"
	"      --lang LANG      nb, nn or en (default: the plan's)\n"
	"      --deadline DATE  the deadline shown in the form, YYYY-MM-DD\n"
	"      --contact TEXT   whom to send the form to\n"
	"  -q, --quiet          do not list the files written\n"
	"  -h, --help           show this help\n";

static const char usage_import[] =
	"Usage: statusrapport import -o STATUS.xml [--plan PLAN.xml] FORM.ods|FORM.csv\n"
	"\n"
	"Reads a filled-in form (the .ods the form command wrote, also after saving in\n"
	"LibreOffice or Excel, or its Status sheet saved as CSV with ; or , in UTF-8\n"
	"or Windows-1252) and writes it as a status file.  Every problem names its\n"
	"cell (FORM.ods: Status!F14: ...); nothing is written unless the whole form\n"
	"is right.  A measure left blank stays out of the file.\n"
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
	"Exit code 0 only when every owner has answered for every measure, else 1.\n"
	"\n"
	"      --year YEAR      the year (default: the latest with a status)\n"
	"      --deadline DATE  files dated after DATE (YYYY-MM-DD) are late\n"
	"  -f, --format FMT     text (default) or ods\n"
	"  -o, --output FILE    write the overview to FILE (needed for ods)\n"
	"  -h, --help           show this help\n";

typedef struct opts {
	const char *command;
	int want_pdf, want_odt;
	const char *output, *outdir, *template_name, *owner, *lang, *owners, *type;
	const char *fmt, *deadline, *contact, *plan_file; /* form, import, collect */
	int year, dump, quiet, jobs, shard_k, shard_n; /* dump: 1 the tree, 2 the style */
	int pdfa; /* --pdfa (issue 9) */
	char **files;
	int nfiles;
} opts;

static void usage_error(const char *cmd, const char *fmt, const char *arg)
	__attribute__((format(printf, 2, 0)));
static void usage_error(const char *cmd, const char *fmt, const char *arg)
{
	fprintf(stderr, "statusrapport: ");
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	fprintf(stderr, fmt, arg);
#pragma GCC diagnostic pop
	fprintf(stderr, "\nTry 'statusrapport %s%s--help'.\n", cmd ? cmd : "", cmd ? " " : "");
}

static int parse_formats(const char *s, opts *o)
{
	o->want_pdf = o->want_odt = 0;
	const char *p = s;
	while (*p) {
		size_t n = strcspn(p, ",");
		if (n == 3 && strncmp(p, "pdf", 3) == 0)
			o->want_pdf = 1;
		else if (n == 3 && strncmp(p, "odt", 3) == 0)
			o->want_odt = 1;
		else
			return -1;
		p += n;
		if (*p == ',')
			p++;
	}
	return o->want_pdf || o->want_odt ? 0 : -1;
}

static int ends_with(const char *s, const char *tail)
{
	size_t a = strlen(s), b = strlen(tail);
	return a >= b && strcasecmp(s + a - b, tail) == 0;
}

/* Which options each command takes: a character per short option, and the
 * long-only options by their codes. */
enum { OPT_OWNER = 256, OPT_YEAR, OPT_LANG, OPT_DUMP, OPT_OWNERS, OPT_TYPE, OPT_SHARD,
       OPT_DEADLINE, OPT_CONTACT, OPT_PLAN, OPT_PDFA, OPT_DUMP_STYLE };

static int allowed(const char *cmd, int c)
{
	if (c == 'q' || c == 'h' || c == 'V' || c == '?' || c == ':')
		return 1;
	if (strcmp(cmd, "validate") == 0)
		return c == 't';
	if (strcmp(cmd, "render") == 0)
		return c < 256 ? strchr("foOt", c) != NULL
			       : c == OPT_OWNER || c == OPT_YEAR || c == OPT_LANG || c == OPT_DUMP ||
					 c == OPT_PDFA || c == OPT_DUMP_STYLE;
	/* form: -f -O --owner --type --year --lang --deadline --contact */
	if (strcmp(cmd, "form") == 0)
		return c < 256 ? strchr("fO", c) != NULL
			       : c == OPT_OWNER || c == OPT_TYPE || c == OPT_YEAR || c == OPT_LANG ||
					 c == OPT_DEADLINE || c == OPT_CONTACT;
	/* import: -o --plan */
	if (strcmp(cmd, "import") == 0)
		return c == 'o' || c == OPT_PLAN;
	/* collect: -f -o --year --deadline */
	if (strcmp(cmd, "collect") == 0)
		return c < 256 ? strchr("fo", c) != NULL : c == OPT_YEAR || c == OPT_DEADLINE;
	/* batch */
	return c < 256 ? strchr("fOtj", c) != NULL
		       : c == OPT_OWNERS || c == OPT_TYPE || c == OPT_SHARD || c == OPT_YEAR ||
				 c == OPT_LANG || c == OPT_PDFA;
}

/* The checks of form, import and collect once the options are read. */
static int parse_forms(const char *cmd, const char *format, opts *o)
{
	if (o->lang && strcmp(o->lang, "nb") != 0 && strcmp(o->lang, "nn") != 0 &&
	    strcmp(o->lang, "en") != 0) {
		usage_error(cmd, "unknown language '%s'; use nb, nn or en", o->lang);
		return 2;
	}
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

/* Parse a command's options; returns 0, an exit code, or -1 for "printed
 * help or version: exit 0". */
static int parse(int argc, char **argv, opts *o)
{
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
		{"deadline", required_argument, NULL, OPT_DEADLINE},
		{"contact", required_argument, NULL, OPT_CONTACT},
		{"plan", required_argument, NULL, OPT_PLAN},
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0}};
	const char *cmd = o->command;
	int render = strcmp(cmd, "render") == 0, batch = strcmp(cmd, "batch") == 0;
	int forms = !strcmp(cmd, "form") || !strcmp(cmd, "import") || !strcmp(cmd, "collect");
	const char *help = render ? usage_render : batch ? usage_batch
		: !strcmp(cmd, "form") ? usage_form : !strcmp(cmd, "import") ? usage_import
		: !strcmp(cmd, "collect") ? usage_collect : usage_validate;
	const char *format = NULL;
	int c;
	opterr = 0;
	optind = 2;
	while ((c = getopt_long(argc, argv, ":f:o:O:t:j:qhV", longopts, NULL)) != -1) {
		if (!allowed(cmd, c)) {
			char name[64] = "";
			for (const struct option *lo = longopts; lo->name; lo++)
				if (lo->val == c)
					snprintf(name, sizeof name, "--%s", lo->name);
			usage_error(cmd, "the option '%s' does not apply to this command", name);
			return 2;
		}
		switch (c) {
		case 'f': format = optarg; break;
		case 'o': o->output = optarg; break;
		case 'O': o->outdir = optarg; break;
		case 't': o->template_name = optarg; break;
		case OPT_OWNER: o->owner = optarg; break;
		case OPT_OWNERS: o->owners = optarg; break;
		case OPT_TYPE: o->type = optarg; break;
		case OPT_LANG: o->lang = optarg; break;
		case OPT_CONTACT: o->contact = optarg; break;
		case OPT_PLAN: o->plan_file = optarg; break;
		case OPT_DEADLINE: {
			int y, m, dd;
			char tail;
			if (sscanf(optarg, "%4d-%2d-%2d%c", &y, &m, &dd, &tail) != 3 || strlen(optarg) != 10 ||
			    m < 1 || m > 12 || dd < 1 || dd > 31) {
				usage_error(cmd, "--deadline needs a date like 2026-01-31, not '%s'", optarg);
				return 2;
			}
			o->deadline = optarg;
			break;
		}
		case OPT_DUMP: o->dump = 1; break;
		case OPT_DUMP_STYLE: o->dump = 2; break;
		case OPT_PDFA: o->pdfa = 1; break;
		case 'q': o->quiet = 1; break;
		case 'j': {
			char *end;
			long j = strtol(optarg, &end, 10);
			if (*end || j < 1 || j > 256) {
				usage_error(cmd, "--jobs needs a number from 1 to 256, not '%s'", optarg);
				return 2;
			}
			o->jobs = (int)j;
			break;
		}
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
		case OPT_YEAR: {
			char *end;
			long y = strtol(optarg, &end, 10);
			if (*end || y < 1900 || y > 2200) {
				usage_error(cmd, "--year needs a year like 2024, not '%s'", optarg);
				return 2;
			}
			o->year = (int)y;
			break;
		}
		case 'h': fputs(help, stdout); return -1;
		case 'V': printf("statusrapport %s\n", SR_VERSION); return -1;
		case ':': usage_error(cmd, "the option '%s' needs a value", argv[optind - 1]); return 2;
		default: usage_error(cmd, "unknown option '%s'", argv[optind - 1]); return 2;
		}
	}
	o->files = argv + optind;
	o->nfiles = argc - optind;
	if (o->nfiles < 1) {
		usage_error(cmd, "%s", strcmp(cmd, "import") ? "no plan file given" : "no form given");
		return 2;
	}
	if (forms)
		return parse_forms(cmd, format, o);
	if (format && parse_formats(format, o) < 0) {
		usage_error(cmd, "unknown format '%s'; use pdf, odt or pdf,odt", format);
		return 2;
	}
	if (o->lang && strcmp(o->lang, "nb") != 0 && strcmp(o->lang, "nn") != 0 &&
	    strcmp(o->lang, "en") != 0) {
		usage_error(cmd, "unknown language '%s'; use nb, nn or en", o->lang);
		return 2;
	}
	if (batch) {
		if (!o->outdir) {
			usage_error(cmd, "%s", "batch needs -O DIR, the folder to write the reports into");
			return 2;
		}
		if (o->owners && o->type) {
			usage_error(cmd, "%s", "give either --owners or --type, not both");
			return 2;
		}
		if (!format)
			o->want_pdf = o->want_odt = 1;
		return 0;
	}
	if (!render)
		return 0;
	if (o->output && o->outdir) {
		usage_error(cmd, "%s", "give either -o FILE or -O DIR, not both");
		return 2;
	}
	if (o->output) {
		int pdf = ends_with(o->output, ".pdf"), odt = ends_with(o->output, ".odt");
		if (!format) {
			if (!pdf && !odt) {
				usage_error(cmd, "cannot tell the format of '%s'; name it .pdf or .odt, or give -f",
					    o->output);
				return 2;
			}
			o->want_pdf = pdf;
			o->want_odt = odt;
		}
		if (o->want_pdf && o->want_odt) {
			usage_error(cmd, "%s", "-o writes one file; use -O DIR for both formats");
			return 2;
		}
	} else if (!format) {
		o->want_pdf = o->want_odt = 1;
	}
	return 0;
}

/* Read the plan and merge every status file, then check the meaning.
 * Every file is read even after one fails, so all problems show at once. */
static sr_status load(const opts *o, const xmlin_schema *schema, plan **out, diag *d)
{
	sr_status st = plan_read(out, schema, o->files[0], d);
	if (st != SR_OK)
		return st;
	for (int i = 1; i < o->nfiles; i++)
		st = sr_worse(st, plan_merge_status(*out, schema, o->files[i], d));
	if (st == SR_OK)
		st = validate_plan(*out, d);
	return st;
}

static sr_status report_time(time_t *now, diag *d)
{
	const char *e = getenv("SOURCE_DATE_EPOCH");
	if (!e || !*e) {
		*now = time(NULL);
		return SR_OK;
	}
	char *end;
	errno = 0;
	long long v = strtoll(e, &end, 10);
	if (*end || errno || v < 0 || v > 253402300799LL) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0,
			 "SOURCE_DATE_EPOCH=\"%s\" is not a time in seconds since 1970", e);
		return SR_USAGE;
	}
	*now = (time_t)v;
	return SR_OK;
}

/* Filled on the first call (from the main thread), then only read: the
 * engine's thread reads it while render goes on. */
static const char *const *font_dirs(void)
{
	static const char *dirs[4];
	static int made;
	if (!made) {
		int k = 0;
		const char *env = getenv("STATUSRAPPORT_FONTS");
		if (env && *env)
			dirs[k++] = env;
		dirs[k++] = "fonts";
		dirs[k++] = SR_DATADIR "/fonts";
		dirs[k] = NULL;
		made = 1;
	}
	return dirs;
}

static sr_status check_dir(const char *dir, diag *d)
{
	struct stat sb;
	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		diag_add(d, DIAG_ERROR, dir, 0, 0, "the output folder does not exist");
		return SR_SYSTEM;
	}
	return SR_OK;
}

/* pending: the PDF engine being opened while the input was read, or NULL;
 * consumed either way. */
static sr_status do_render(const opts *o, const plan *p, const xmlin_schema *tschema,
			   pdf_engine_pending *pending, diag *d)
{
	template *tpl = NULL;
	pdf_engine *engine = NULL;
	report_opts ro = {o->year, NULL, o->lang, 0, NULL, o->pdfa};
	sr_status st = report_time(&ro.now, d);
	if (st != SR_OK)
		goto done;
	if (o->owner && !(ro.owner = model_owner(p, o->owner))) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "--owner %s: no such owner in the plan", o->owner);
		st = SR_USAGE;
		goto done;
	}
	if (o->year && p->year_from && (o->year < p->year_from || o->year > p->year_to)) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "--year %d is outside the plan's period %d-%d", o->year,
			 p->year_from, p->year_to);
		st = SR_USAGE;
		goto done;
	}
	const char *tname = o->template_name ? o->template_name : o->owner ? "helseforetak" : TEMPLATE_DEFAULT;
	if ((st = template_load(&tpl, tschema, tname, d)) != SR_OK)
		goto done;
	ro.tpl = tpl;
	if (tpl->kind == TPL_OWNER && !ro.owner) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0,
			 "the template \"%s\" is a report for one owner; give --owner ID", tpl->name);
		st = SR_USAGE;
		goto done;
	}
	if (o->dump) {
		doc *dd = NULL;
		if ((st = report_build(p, &ro, &dd, d)) == SR_OK) {
			if (o->dump == 2)
				doc_style_dump(&dd->style, stdout);
			else
				doc_dump(dd, stdout);
			if (fflush(stdout) != 0 || ferror(stdout)) {
				diag_add(d, DIAG_ERROR, NULL, 0, 0, "cannot write the tree to standard output");
				st = SR_SYSTEM;
			}
		}
		doc_free(dd);
		goto done;
	}
	char pdf[PATH_MAX], odt[PATH_MAX];
	render_out out = {NULL, NULL, (const char *const *)o->files, font_dirs(),
			  sysconf(_SC_NPROCESSORS_ONLN) > 1};
	if (o->output) {
		*(o->want_pdf ? &out.pdf_path : &out.odt_path) = o->output;
	} else {
		const char *dir = o->outdir ? o->outdir : ".";
		int year = report_year(p, &ro);
		if ((st = check_dir(dir, d)) != SR_OK)
			goto done;
		if ((o->want_pdf && render_path(pdf, sizeof pdf, dir, p->id, year, o->owner, "pdf") < 0) ||
		    (o->want_odt && render_path(odt, sizeof odt, dir, p->id, year, o->owner, "odt") < 0)) {
			diag_add(d, DIAG_ERROR, NULL, 0, 0,
				 "the plan or owner id cannot be used in a file name; use -o FILE");
			st = SR_INVALID;
			goto done;
		}
		out.pdf_path = o->want_pdf ? pdf : NULL;
		out.odt_path = o->want_odt ? odt : NULL;
	}
	if (pending) {
		st = pdf_engine_wait(pending, &engine, d);
		pending = NULL;
		if (st != SR_OK)
			goto done;
	}
	st = render_report(p, &ro, &out, &engine, d);
	if (st == SR_OK && !o->quiet) {
		if (out.pdf_path)
			fprintf(stderr, "statusrapport: wrote %s\n", out.pdf_path);
		if (out.odt_path)
			fprintf(stderr, "statusrapport: wrote %s\n", out.odt_path);
	}
done:
	pdf_engine_cancel(pending);
	pdf_engine_close(engine);
	template_free(tpl);
	return st;
}

static sr_status do_batch(const opts *o, const plan *p, const xmlin_schema *tschema, diag *d)
{
	template *tpl = NULL, *regional = NULL;
	const owner **owners = NULL;
	size_t n = 0;
	batch_opts bo = {o->outdir, o->want_pdf, o->want_odt, o->jobs, o->shard_k ? o->shard_k : 1,
			 o->shard_n ? o->shard_n : 1, o->year, o->lang, 0,
			 (const char *const *)o->files, font_dirs(), NULL, o->pdfa};
	sr_status st = report_time(&bo.now, d);
	if (st != SR_OK)
		return st;
	if (!bo.workers) {
		long cores = sysconf(_SC_NPROCESSORS_ONLN);
		bo.workers = cores < 1 ? 1 : cores > 64 ? 64 : (int)cores;
	}
	if (o->year && p->year_from && (o->year < p->year_from || o->year > p->year_to)) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "--year %d is outside the plan's period %d-%d", o->year,
			 p->year_from, p->year_to);
		return SR_USAGE;
	}
	if ((st = check_dir(o->outdir, d)) != SR_OK)
		return st;
	if ((st = template_load(&tpl, tschema, o->template_name ? o->template_name : "helseforetak", d)) != SR_OK ||
	    (st = template_load(&regional, tschema, TEMPLATE_DEFAULT, d)) != SR_OK)
		goto done;
	/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
	owners = calloc(p->nowners + 1, sizeof *owners);
	if (!owners) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "out of memory");
		st = SR_SYSTEM;
		goto done;
	}
	if (o->owners) {
		for (const char *s = o->owners; *s;) {
			size_t len = strcspn(s, ",");
			char id[256];
			snprintf(id, sizeof id, "%.*s", (int)(len < 255 ? len : 255), s);
			const owner *ow = model_owner(p, id);
			if (!ow) {
				diag_add(d, DIAG_ERROR, NULL, 0, 0, "--owners: \"%s\" is not an owner in the plan", id);
				st = SR_USAGE;
			} else if (n < p->nowners) {
				owners[n++] = ow;
			}
			s += len;
			if (*s == ',')
				s++;
		}
		if (st != SR_OK)
			goto done;
	} else {
		static const char *const types[] = {"rhf", "hf", "group", "other"};
		const char *type = o->type ? o->type : "hf";
		int t = -1;
		for (int i = 0; i < 4; i++)
			if (strcmp(type, types[i]) == 0)
				t = i;
		if (t < 0) {
			diag_add(d, DIAG_ERROR, NULL, 0, 0, "--type %s: use rhf, hf, group or other", type);
			st = SR_USAGE;
			goto done;
		}
		for (size_t i = 0; i < p->nowners; i++)
			if ((int)p->owners[i]->type == t)
				owners[n++] = p->owners[i];
	}
	if (isatty(STDERR_FILENO) && !o->quiet)
		bo.progress = stderr;
	batch_result res;
	st = batch_run(p, tpl, regional, owners, n, &bo, &res, d);
	if (!o->quiet || st != SR_OK)
		fprintf(stderr, "statusrapport: batch: %d of %d reports written (%d files) to %s%s%s\n",
			res.ok, res.jobs, res.files, o->outdir, res.failed ? "; failed: " : "",
			res.failed ? "see the messages below" : "");
done:
	free(owners);
	template_free(tpl);
	template_free(regional);
	return st;
}

static sr_status do_form(const opts *o, const plan *p, diag *d)
{
	form_opts fo = {o->year, o->lang, o->deadline, o->contact, 0};
	sr_status st = report_time(&fo.now, d);
	if (st == SR_OK && o->year && p->year_from && (o->year < p->year_from || o->year > p->year_to)) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "--year %d is outside the plan's period %d-%d", o->year,
			 p->year_from, p->year_to);
		st = SR_USAGE;
	}
	if (st == SR_OK)
		st = check_dir(o->outdir, d);
	if (st != SR_OK)
		return st;
	int written = 0, total = 0, xml = o->fmt && !strcmp(o->fmt, "xml");
	st = form_write_all(p, o->owner, o->type, &fo, xml, o->outdir, (const char *const *)o->files,
			    &written, &total, d);
	if ((!o->quiet || st != SR_OK) && st != SR_USAGE)
		fprintf(stderr, "statusrapport: form: %d of %d forms written to %s\n", written, total,
			o->outdir);
	return st;
}

static sr_status do_import(const opts *o, const xmlin_schema *schema, diag *d)
{
	import_result r = {0};
	time_t now;
	sr_status st = report_time(&now, d);
	if (st == SR_OK)
		st = import_file(o->files[0], o->plan_file, schema, o->output, now, &r, d);
	if (st == SR_OK && !o->quiet)
		fprintf(stderr, "statusrapport: wrote %s (%s, %d: %zu statuses, %zu values)\n",
			o->output, r.owner_id, r.year, r.nstatuses, r.nvalues);
	return st;
}

static sr_status do_collect(const opts *o, const xmlin_schema *schema, diag *d)
{
	collect_opts co = {o->year, o->deadline, o->fmt && !strcmp(o->fmt, "ods"), o->output, 0};
	buf text = BUF_INIT;
	sr_status st = report_time(&co.now, d);
	int complete = 0;
	if (st == SR_OK)
		st = collect_report(schema, (const char *const *)o->files, (size_t)o->nfiles, &co, &text,
				    &complete, d);
	if (text.len && fwrite(text.data, 1, text.len, stdout) != text.len)
		st = sr_worse(st, SR_SYSTEM);
	buf_free(&text);
	if (st == SR_OK && !complete)
		st = SR_INVALID;
	return st;
}

static sr_status run(opts *o, diag *d)
{
	xmlin_schema *schema = NULL, *tschema = NULL;
	plan *p = NULL;
	/* the PDF engine opens beside the reading of the input */
	pdf_engine_pending *engine = strcmp(o->command, "render") == 0 && o->want_pdf && !o->dump
					     ? pdf_engine_start(font_dirs())
					     : NULL;
	sr_status st = plan_schema_load(&schema, d);
	if (st == SR_OK && o->template_name && template_is_file(o->template_name))
		st = template_schema_load(&tschema, d);
	if (st != SR_OK)
		goto done;
	xalloc_arm();
	if (strcmp(o->command, "import") == 0) {
		st = do_import(o, schema, d);
		goto done;
	}
	if (strcmp(o->command, "collect") == 0) {
		st = do_collect(o, schema, d);
		goto done;
	}
	st = load(o, schema, &p, d);
	if (strcmp(o->command, "validate") == 0) {
		if (o->template_name) {
			template *t = NULL;
			st = sr_worse(st, template_load(&t, tschema, o->template_name, d));
			template_free(t);
		}
		if (st == SR_OK && !o->quiet)
			fprintf(stderr, "statusrapport: %s: valid (%zu measures, %zu owners, %d status file%s)\n",
				o->files[0], p->nmeasures, p->nowners, o->nfiles - 1, o->nfiles == 2 ? "" : "s");
		goto done;
	}
	if (st != SR_OK)
		goto done;
	if (strcmp(o->command, "form") == 0)
		st = do_form(o, p, d);
	else
		st = strcmp(o->command, "render") == 0 ? do_render(o, p, tschema, engine, d)
						       : do_batch(o, p, tschema, d);
	engine = NULL; /* do_render's now */
done:
	pdf_engine_cancel(engine);
	plan_free(p);
	xmlin_schema_free(schema);
	xmlin_schema_free(tschema);
	return st;
}

static void quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs(usage_main, stderr);
		return SR_USAGE;
	}
	const char *cmd = argv[1];
	if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "help") == 0) {
		fputs(usage_main, stdout);
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
	/* libxml2 allocates through our allocator too, so the allocation-
	 * failure tests reach its paths as well as ours -- fail-fast, as it
	 * cannot unwind from a failed allocation (see xalloc.h). */
	xmlMemSetup(xfree, xmalloc_lib, xrealloc_lib, xstrdup_lib);
	xmlInitParser();
	/* Everything libxml2 has to say reaches us through the structured
	 * handlers; its generic channel would print past diag. */
	xmlSetGenericErrorFunc(NULL, quiet);
	/* libxml2 keeps that handler per thread: the ODT's thread (render.c)
	 * starts from this default */
	xmlThrDefSetGenericErrorFunc(NULL, quiet);
	diag d;
	diag_init(&d);
	sr_status st = run(&o, &d);
	if (xalloc_failed() && st != SR_OK) {
		diag_add(&d, DIAG_ERROR, NULL, 0, 0, "out of memory");
		st = SR_SYSTEM;
	}
	diag_print(&d, stderr);
	diag_free(&d);
	xmlCleanupParser();
	return st;
}
