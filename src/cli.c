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

#include <libxml/parser.h>

#include "buf.h"
#include "diag.h"
#include "doc.h"
#include "model.h"
#include "odt.h"
#include "outfile.h"
#include "pdf.h"
#include "plan_xml.h"
#include "report.h"
#include "validate.h"

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
	"\n"
	"Options for every command:\n"
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
	"  -q, --quiet     print nothing when all is well\n"
	"  -h, --help      show this help\n";

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
	"  -t, --template NAME  the report kind (built in: arsrapport)\n"
	"      --owner ID       the report for one owner: the measures it is\n"
	"                       responsible for and its own statuses\n"
	"      --year YEAR      the reporting year (default: the latest with a status)\n"
	"      --lang LANG      nb, nn or en (default: the plan's xml:lang)\n"
	"      --dump-tree      print the document tree instead of writing files\n"
	"  -q, --quiet          do not list the files written\n"
	"  -h, --help           show this help\n"
	"\n"
	"SOURCE_DATE_EPOCH, when set, is the report date, and makes the output\n"
	"byte-identical from run to run.\n";

typedef struct opts {
	const char *command;
	int want_pdf, want_odt;
	const char *output, *outdir, *template_name, *owner, *lang;
	int year, dump, quiet;
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
	fprintf(stderr, "\nTry 'statusrapport %s--help'.\n", cmd ? cmd : "");
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

/* Parse the options of a command; returns 0, or the exit code to stop with
 * (help and version print and return -1 to mean "exit 0"). */
static int parse(int argc, char **argv, opts *o)
{
	enum { OPT_OWNER = 256, OPT_YEAR, OPT_LANG, OPT_DUMP };
	static const struct option longopts[] = {
		{"format", required_argument, NULL, 'f'},
		{"output", required_argument, NULL, 'o'},
		{"output-dir", required_argument, NULL, 'O'},
		{"template", required_argument, NULL, 't'},
		{"owner", required_argument, NULL, OPT_OWNER},
		{"year", required_argument, NULL, OPT_YEAR},
		{"lang", required_argument, NULL, OPT_LANG},
		{"dump-tree", no_argument, NULL, OPT_DUMP},
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0}};
	int render = strcmp(o->command, "render") == 0;
	const char *help = render ? usage_render : usage_validate;
	const char *cmd = render ? "render " : "validate ";
	const char *format = NULL;
	int c;
	opterr = 0;
	optind = 2;
	while ((c = getopt_long(argc, argv, render ? ":f:o:O:t:qhV" : ":qhV", longopts, NULL)) != -1) {
		if (!render && c != 'q' && c != 'h' && c != 'V' && c != '?' && c != ':') {
			usage_error(cmd, "the option '%s' belongs to render, not validate", argv[optind - 1]);
			return 2;
		}
		switch (c) {
		case 'f': format = optarg; break;
		case 'o': o->output = optarg; break;
		case 'O': o->outdir = optarg; break;
		case 't': o->template_name = optarg; break;
		case OPT_OWNER: o->owner = optarg; break;
		case OPT_LANG: o->lang = optarg; break;
		case OPT_DUMP: o->dump = 1; break;
		case 'q': o->quiet = 1; break;
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
		usage_error(cmd, "%s", "no plan file given");
		return 2;
	}
	if (!render)
		return 0;
	if (o->output && o->outdir) {
		usage_error(cmd, "%s", "give either -o FILE or -O DIR, not both");
		return 2;
	}
	if (format && parse_formats(format, o) < 0) {
		usage_error(cmd, "unknown format '%s'; use pdf, odt or pdf,odt", format);
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
	if (o->template_name && strcmp(o->template_name, "arsrapport") != 0) {
		usage_error(cmd, "unknown template '%s'; the built-in one is arsrapport", o->template_name);
		return 2;
	}
	if (o->lang && strcmp(o->lang, "nb") && strcmp(o->lang, "nn") && strcmp(o->lang, "en")) {
		usage_error(cmd, "unknown language '%s'; use nb, nn or en", o->lang);
		return 2;
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

/* A file name part from an id: ids are checked plain by the schema, but a
 * file name is built only from [A-Za-z0-9._-] all the same. */
static int plain_id(const char *s)
{
	if (!*s || *s == '.')
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '.' || *s == '_' || *s == '-'))
			return 0;
	return 1;
}

static sr_status write_one(const opts *o, const plan *p, const doc *dd, int year, int is_pdf,
			   pdf_engine **engine, diag *d)
{
	char path[PATH_MAX];
	const char *ext = is_pdf ? "pdf" : "odt";
	if (o->output) {
		snprintf(path, sizeof path, "%s", o->output);
	} else {
		const char *dir = o->outdir ? o->outdir : ".";
		if (!plain_id(p->id) || (o->owner && !plain_id(o->owner))) {
			diag_add(d, DIAG_ERROR, NULL, 0, 0, "the plan or owner id is not usable in a file name; use -o FILE");
			return SR_INVALID;
		}
		int n = snprintf(path, sizeof path, "%s/%s-%d%s%s.%s", dir, p->id, year,
				 o->owner ? "-" : "", o->owner ? o->owner : "", ext);
		if (n < 0 || (size_t)n >= sizeof path) {
			diag_add(d, DIAG_ERROR, NULL, 0, 0, "the output path is too long");
			return SR_SYSTEM;
		}
	}
	buf out = BUF_INIT;
	sr_status st;
	if (is_pdf) {
		static const char *dirs[4];
		if (!*engine) {
			int k = 0;
			const char *env = getenv("STATUSRAPPORT_FONTS");
			if (env && *env)
				dirs[k++] = env;
			dirs[k++] = "fonts";
			dirs[k++] = SR_DATADIR "/fonts";
			dirs[k] = NULL;
			st = pdf_engine_open(engine, dirs, d);
			if (st != SR_OK)
				return st;
		}
		st = pdf_render(*engine, dd, &out, d);
	} else {
		st = odt_render(dd, &out, d);
	}
	if (st == SR_OK && out.failed) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "out of memory writing the report");
		st = SR_SYSTEM;
	}
	if (st == SR_OK)
		st = outfile_write(path, out.data, out.len, (const char *const *)o->files, d);
	if (st == SR_OK && !o->quiet)
		fprintf(stderr, "statusrapport: wrote %s (%zu KB)\n", path, (out.len + 1023) / 1024);
	buf_free(&out);
	return st;
}

static sr_status run(opts *o, diag *d)
{
	xmlin_schema *schema = NULL;
	plan *p = NULL;
	doc *dd = NULL;
	pdf_engine *engine = NULL;
	sr_status st = plan_schema_load(&schema, d);
	if (st != SR_OK)
		goto done;
	st = load(o, schema, &p, d);
	if (st != SR_OK || strcmp(o->command, "validate") == 0) {
		if (st == SR_OK && !o->quiet)
			fprintf(stderr, "statusrapport: %s: valid (%zu measures, %zu owners, %d status file%s)\n",
				o->files[0], p->nmeasures, p->nowners, o->nfiles - 1, o->nfiles == 2 ? "" : "s");
		goto done;
	}
	report_opts ro = {o->year, NULL, o->lang, 0};
	if ((st = report_time(&ro.now, d)) != SR_OK)
		goto done;
	if (o->owner) {
		ro.owner = model_owner(p, o->owner);
		if (!ro.owner) {
			diag_add(d, DIAG_ERROR, NULL, 0, 0, "--owner %s: no such owner in the plan", o->owner);
			st = SR_USAGE;
			goto done;
		}
	}
	if (o->year && p->year_from && (o->year < p->year_from || o->year > p->year_to)) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "--year %d is outside the plan's period %d-%d", o->year,
			 p->year_from, p->year_to);
		st = SR_USAGE;
		goto done;
	}
	if ((st = report_build(p, &ro, &dd, d)) != SR_OK)
		goto done;
	if (o->dump) {
		doc_dump(dd, stdout);
		if (fflush(stdout) != 0 || ferror(stdout)) {
			diag_add(d, DIAG_ERROR, NULL, 0, 0, "cannot write the tree to standard output");
			st = SR_SYSTEM;
		}
		goto done;
	}
	if (o->outdir) {
		struct stat sb;
		if (stat(o->outdir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
			diag_add(d, DIAG_ERROR, o->outdir, 0, 0, "the output folder does not exist");
			st = SR_SYSTEM;
			goto done;
		}
	}
	int year = report_year(p, &ro);
	if (o->want_pdf)
		st = sr_worse(st, write_one(o, p, dd, year, 1, &engine, d));
	if (o->want_odt)
		st = sr_worse(st, write_one(o, p, dd, year, 0, &engine, d));
done:
	pdf_engine_close(engine);
	doc_free(dd);
	plan_free(p);
	xmlin_schema_free(schema);
	return st;
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
	if (strcmp(cmd, "validate") != 0 && strcmp(cmd, "render") != 0) {
		usage_error(NULL, "unknown command '%s'; use validate or render", cmd);
		return SR_USAGE;
	}
	opts o = {0};
	o.command = cmd;
	int rc = parse(argc, argv, &o);
	if (rc)
		return rc < 0 ? SR_OK : rc;
	xmlInitParser();
	diag d;
	diag_init(&d);
	sr_status st = run(&o, &d);
	diag_print(&d, stderr);
	diag_free(&d);
	xmlCleanupParser();
	return st;
}
