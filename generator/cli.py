"""`portal` (also `python -m generator`): parse arguments, call the pipeline, print the outcome.

One error boundary, in main(): data problems print as `path:line: field: message` lines and exit 1; any
other expected failure prints `error: …` and exits 1; `--debug` re-raises to show the traceback.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from generator import __version__, pipeline
from generator.audit.checks import served_files
from generator.lang.messages import LANGUAGES, language, render, said_text, t
from generator.model.errors import PortalError
from generator.model.problems import DataProblems, report_lines
from generator.schema import doc as schema_doc
from generator.staff import importing, scaffold, synthetic
from generator.staff import workbook as workbooks


def _project(args: argparse.Namespace) -> pipeline.Project:
    return pipeline.Project.at(Path(args.root), data=args.data and Path(args.data),
                               content=args.content and Path(args.content), site=args.site and Path(args.site))


def cmd_validate(args: argparse.Namespace) -> int:
    checked = pipeline.check(_project(args))
    for line in report_lines(checked.warnings, args.lang):
        print(line)
    ds = checked.dataset
    print(render(t("ok: {programmes} programmes, {meetings} meetings, {deliveries} delivery rows, {centres} "
                   "centres, {provinces} provinces; {warnings} warning(s)", programmes=len(ds.programmes),
                   meetings=len(ds.meetings), deliveries=len(ds.deliveries), centres=len(ds.centres),
                   provinces=len(ds.provinces), warnings=len(checked.warnings)), args.lang))
    return 0


def cmd_new_meeting(args: argparse.Namespace) -> int:
    project = _project(args)
    if args.date and (project.data / "meetings" / f"{args.date}.yaml").exists():
        raise scaffold.ScaffoldError(t("{path} exists already; edit it, or give another --date",
                                       path=f"{_rel(project.data / 'meetings' / args.date)}.yaml"))
    # the data must be valid first: a meeting file started and not yet filled in is named, line by line
    made = scaffold.scaffold(pipeline.check(project).dataset, project.data / "meetings", args.date)
    scaffold.write(made)
    print(render(t("wrote {path}: {follow_ups} open decision(s) to follow up, {reports} province report(s) from "
                   "the last meeting; fill in every \"\" (portal validate names each one), then `portal serve` "
                   "to preview", path=_rel(made.path), follow_ups=made.follow_ups, reports=made.reports), args.lang))
    return 0


def cmd_workbook(args: argparse.Namespace) -> int:
    project = _project(args)
    ds = pipeline.check(project).dataset
    if args.date is None and not ds.meetings:
        raise scaffold.ScaffoldError(t("there is no meeting yet to count a week from: give the date, e.g. "
                                       "`portal workbook --date 1400-05-27`"))
    week = workbooks.week_for(ds) if args.date is None else scaffold.parse_date(args.date)
    if args.province in (None, ""):
        chosen = [None]
    elif args.province == "all":
        chosen = list(ds.provinces)
    else:
        chosen = [scaffold.province_named(ds, args.province)]
    out = Path(args.out) if args.out else project.root / "workbooks"
    out.mkdir(parents=True, exist_ok=True)
    for province in chosen:
        made = workbooks.workbook(ds, week, province)
        (out / made.name).write_bytes(made.data)
        _say(args, t("wrote {path}: {rows} row(s) to fill in for the week ending {week}", path=_rel(out / made.name),
                     rows=made.rows, week=week.iso))
    if week.iso not in {m.id for m in ds.meetings}:
        _say(args, t("note: there is no meeting file for {week} yet (data/meetings/{week}.yaml): the replies can be "
                     "imported once it is there (portal new-meeting --date {week})", week=week.iso))
    _say(args, t("send each province its workbook; import the filled-in replies with `portal import FILE`"))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    project = _project(args)
    if args.revise and not (args.reason or "").strip():
        raise PortalError(t("--revise needs --reason \"why the figures changed\" (it is written to "
                            "data/revisions.yaml and published beside the figures)"))
    if args.reason and not args.revise:
        raise PortalError(t("--reason goes with --revise"))
    path = Path(args.file)
    if not path.is_file():
        raise PortalError(t("{path}: no such file", path=args.file))
    try:
        result = importing.import_file(project.root, project.data, path, args.reason if args.revise else None,
                                       lang=args.lang)
    except importing.ImportProblems as exc:
        for line in exc.lines(args.lang):
            print(line, file=sys.stderr)
        print(render(said_text(exc), args.lang), file=sys.stderr)
        return 1
    for line in result.warnings:
        print(line)
    if not result.written:
        _say(args, t("{file}: nothing to change: its {n} figure(s) are in the data already", file=result.source,
                     n=result.unchanged))
    else:
        _say(args, t("{file}: {added} figure(s) added, {revised} revised, {notes} note(s) changed, {unchanged} "
                     "already in the data; wrote {paths}", file=result.source, added=result.added,
                     revised=result.revised, notes=result.notes, unchanged=result.unchanged,
                     paths=", ".join(result.written)))
    if result.silent:
        _say(args, t("no figure from {provinces}: their rows were left empty", provinces="، ".join(result.silent)))
    if result.written:
        _say(args, t("next: `portal serve` to preview, then commit data/ and publish"))
    return 0


def _say(args: argparse.Namespace, text: str, err: bool = False, flush: bool = False) -> None:
    print(render(text, args.lang), file=sys.stderr if err else sys.stdout, flush=flush)


def _seconds(since: float) -> float:
    return round(time.perf_counter() - since, 1)


def cmd_build(args: argparse.Namespace) -> int:
    project = _project(args)
    started = time.perf_counter()
    generated = pipeline.build(project)
    for line in report_lines(generated.checked.warnings, args.lang):
        print(line)
    _say(args, t("generated {pages} pages in {content}/ ({written} written, {removed} stale removed)",
                 pages=generated.pages, content=_rel(project.content), written=len(generated.written),
                 removed=len(generated.removed)))
    _say(args, t("figures: {figures}; charts: {rendered} rendered, {reused} reused from the cache",
                 figures=generated.figures, rendered=generated.charts_rendered, reused=generated.charts_reused))
    _say(args, t("images (link previews, charts to download): {drawn} drawn, {reused} reused from the cache",
                 drawn=generated.images_drawn, reused=generated.images_reused))
    _say(args, t("built {site}/ with mkdocs --strict and audited it in {seconds} s", site=_rel(project.site),
                 seconds=_seconds(started)))
    if generated.site_url:
        _say(args, t("published at {url}: the sitemap, canonical links and feed use this address",
                     url=generated.site_url))
    else:
        _say(args, t("note: the site's address is not set (site_url in data/site.yaml, or PORTAL_SITE_URL): the "
                     "sitemap lists no page, pages have no canonical link, the feed's links are relative, "
                     "switching version leads to that version's home page, and link previews name their image by a "
                     "relative address, which most messaging apps do not follow"))
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    project = _project(args)
    if not project.site.is_dir():
        _say(args, t("error: {message}", message=t("{site}/ does not exist; run `portal build` first",
                                                   site=_rel(project.site))), err=True)
        return 1
    findings = pipeline.audit_site(project, Path(args.previous) if args.previous else None)
    for finding in findings:
        _say(args, t("{site}/{finding}", site=_rel(project.site), finding=finding.format()), err=True)
    if findings:
        _say(args, t("{n} problem(s): this site must not be published", n=len(findings)), err=True)
        return 1
    _say(args, t("audit: {n} files of {site}/ checked, nothing found", n=len(served_files(project.site)),
                 site=_rel(project.site)))
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    from generator.publish.backfill import backfill
    from generator.publish.branch import push_branch
    from generator.publish.publish import AlreadyPublished, publish

    project = _project(args)
    started = time.perf_counter()
    if args.backfill:
        def report(done, seconds: float) -> None:
            _say(args, t("backfilled {version} «{title}» in {seconds} s", version=done.version, title=done.title,
                         seconds=round(seconds, 1)), flush=True)

        published = backfill(project, branch=args.branch, push=args.push, report=report)
        if not published:
            _say(args, t("nothing to backfill: every meeting is on the branch {branch} already", branch=args.branch))
        else:
            pushed = t("; pushed to {remote}", remote=args.push) if args.push else ""
            _say(args, t("backfilled {n} version(s) on the branch {branch}; latest is {latest}{pushed}; {seconds} s",
                         n=len(published), branch=args.branch, latest=published[-1].version, pushed=pushed,
                         seconds=_seconds(started)))
        return 0
    try:
        done = publish(project, branch=args.branch, push=args.push)
    except AlreadyPublished as exc:
        if not args.skip_published:
            raise
        _say(args, t("nothing to publish: {reason}", reason=said_text(exc)))
        if args.push:  # the branch may never have reached the remote (a push that failed last time)
            push_branch(project, args.push, args.branch)
            _say(args, t("pushed {branch} to {remote}", branch=args.branch, remote=args.push))
        return 0
    for line in report_lines(done.generated.checked.warnings, args.lang):
        print(line)
    after = t(" after {previous}", previous=done.previous) if done.previous else t(" (the first)")
    corrects = t(", correcting {version}", version=done.corrects) if done.corrects else ""
    removed = t("; took {versions} off the branch (retention policy; still in the archive page)",
                versions=", ".join(done.removed)) if done.removed else ""
    pushed = t("; pushed to {remote}", remote=args.push) if args.push else t(
        "; not pushed (git push <remote> {branch})", branch=args.branch)
    _say(args, t("published {version} «{title}»{after}{corrects}{removed} on the branch {branch}, with `latest` moved "
                 "to it{pushed}; {seconds} s", version=done.version, title=done.title, after=after, corrects=corrects,
                 removed=removed, branch=args.branch, pushed=pushed, seconds=_seconds(started)))
    if done.hosted:
        _say(args, t("the branch as a host serves it: {size} MB in {files} files, {share}% of publish.budget_mb "
                     "({budget} MB)", size=round(done.hosted.mb, 1), files=done.hosted.files,
                     share=round(100 * done.hosted.mb / max(done.budget_mb, 1)), budget=done.budget_mb))
    return 0


def cmd_deploy(args: argparse.Namespace) -> int:
    from generator.publish.budget import MB
    from generator.publish.deploy import deploy

    started = time.perf_counter()
    done = deploy(_project(args), Path(args.to), branch=args.branch)
    _say(args, t("deployed the branch {branch} to {to}: {written} file(s) written ({mb} MB), {removed} removed, "
                 "{unchanged} unchanged; {seconds} s", branch=args.branch, to=args.to, written=done.written,
                 mb=round(done.written_bytes / MB, 1), removed=done.removed, unchanged=done.unchanged,
                 seconds=_seconds(started)))
    return 0


def cmd_squash(args: argparse.Namespace) -> int:
    from generator.publish.squash import squash

    done = squash(_project(args), branch=args.branch, push=args.push)
    pushed = t("; force-pushed to {remote}", remote=args.push) if args.push else t(
        "; not pushed (git push --force-with-lease origin {branch})", branch=args.branch)
    _say(args, t("squashed {commits} commits of {branch} into one; every file kept ({entries} entries at its root); "
                 "the repository's objects: {before} MiB → {after} MiB{pushed}", commits=done.commits,
                 branch=args.branch, entries=len(done.versions), before=round(done.before_bytes / 2**20, 1),
                 after=round(done.after_bytes / 2**20, 1), pushed=pushed))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from generator.preview.serve import serve

    serve(_project(args), args.dev_addr, args.lang)
    return 0


def cmd_synthesize(args: argparse.Namespace) -> int:
    for rel in synthetic.write(_project(args).data):
        _say(args, t("wrote {path}", path=f"data/{rel}"))
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    text = schema_doc.markdown()
    target = Path(args.root) / "docs" / "schema.md"
    if args.check:
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            _say(args, t("error: {message}", message=t("{path} is out of date; run `portal schema --write`",
                                                       path=str(target))), err=True)
            return 1
        _say(args, t("{path} is up to date", path=str(target)))
    elif args.write:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        _say(args, t("wrote {path}", path=str(target)))
    else:
        sys.stdout.write(text)
    return 0


def _rel(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


class _Parser(argparse.ArgumentParser):
    """argparse's parser, whose refusal of a command line is framed in the language asked for (argparse's
    own detail stays in English: it quotes the options as typed)."""

    argv: list[str] | None = None

    def error(self, message: str):  # type: ignore[override]
        argv = _Parser.argv if _Parser.argv is not None else sys.argv[1:]
        chosen = next((a.split("=", 1)[1] for a in argv if a.startswith("--lang=")), None)
        if chosen is None and "--lang" in argv[:-1]:
            chosen = argv[argv.index("--lang") + 1]
        self.print_usage(sys.stderr)
        self.exit(2, render(t("{prog}: the command line is not right: {message}; see `portal --help`",
                              prog=self.prog, message=message), language(chosen)) + "\n")


def parser() -> argparse.ArgumentParser:
    p = _Parser(prog="portal", description="Build the aid transparency portal from data/.")
    p.add_argument("--version", action="version", version=f"portal {__version__}")
    p.add_argument("--root", default=".", help="project root (default: the current folder)")
    p.add_argument("--data", help="data folder (default: ROOT/data)")
    p.add_argument("--content", help="generated Markdown folder (default: ROOT/content)")
    p.add_argument("--site", help="output folder of the built site (default: ROOT/site)")
    p.add_argument("--debug", action="store_true", help="show the traceback of an error")
    p.add_argument("--lang", choices=LANGUAGES, help="language of the messages about the data: fa (Persian) or en "
                   "(default: the PORTAL_LANG setting, else the locale, else en)")
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("validate", help="check every data file; print every problem as path:line: field: message"
                   ).set_defaults(func=cmd_validate)
    sub.add_parser("build", help="validate, generate the pages, then mkdocs build --strict into site/"
                   ).set_defaults(func=cmd_build)
    nm = sub.add_parser("new-meeting", help="write data/meetings/<date>.yaml for the next meeting, to fill in: the "
                        "open decisions to follow up and last time's provincial reports, with Persian comments")
    nm.add_argument("--date", help="the meeting's Jalali date, YYYY-MM-DD (default: a week after the latest)")
    nm.set_defaults(func=cmd_new_meeting)
    wb = sub.add_parser("workbook", help="write the week's workbook (XLSX) for the provinces to fill in, into "
                        "workbooks/: every province and programme, or one province's rows")
    wb.add_argument("--date", help="the week's meeting, a Jalali date YYYY-MM-DD (default: a week after the latest)")
    wb.add_argument("--province", help="one province (its name or ISO code), or «all» for a workbook per province")
    wb.add_argument("--out", metavar="DIR", help="where to write it (default: ROOT/workbooks)")
    wb.set_defaults(func=cmd_workbook)
    im = sub.add_parser("import", help="read a filled-in workbook (or the CSV a province sent), check it with every "
                        "rule of validate, and only then write its figures into data/deliveries/")
    im.add_argument("file", help="the .xlsx or .csv file")
    im.add_argument("--revise", action="store_true", help="let figures already in the data change (with --reason)")
    im.add_argument("--reason", help="why the figures changed, in Persian: written to data/revisions.yaml")
    im.set_defaults(func=cmd_import)
    audit = sub.add_parser("audit", help="check the built site/: personal data, private text, small counts and "
                           "suppressed cells an outsider could work out; exit 1 on any")
    audit.add_argument("--previous", metavar="PATH",
                       help="the publication still online (a site folder or its downloads/cells.json): the "
                            "attack uses both together")
    audit.set_defaults(func=cmd_audit)
    pub = sub.add_parser("publish", help="build and audit the site, then commit it as the version of the latest "
                         "meeting on the publish branch (mike), with `latest` moved to it")
    pub.add_argument("--branch", default="publish", help="the git branch that holds the versions (default publish)")
    pub.add_argument("--push", metavar="REMOTE", help="push the branch to this git remote afterwards")
    pub.add_argument("--backfill", action="store_true",
                     help="publish every meeting after the newest version on the branch (every meeting on an empty "
                          "branch), in order, each from the data as they stood then, marked as backfilled")
    pub.add_argument("--skip-published", action="store_true",
                     help="exit 0 when the latest meeting is published already (CI, after a merge that adds no "
                          "meeting)")
    pub.set_defaults(func=cmd_publish)
    sq = sub.add_parser("squash", help="replace the publish branch's history by one commit with the same files "
                        "(every version kept byte for byte), then let git drop the old history")
    sq.add_argument("--branch", default="publish", help="the git branch that holds the versions (default publish)")
    sq.add_argument("--push", metavar="REMOTE",
                    help="force the squashed branch to this remote, only if it still has the old history")
    sq.set_defaults(func=cmd_squash)
    dp = sub.add_parser("deploy", help="copy the publish branch's files into a web server's folder "
                        "(deploy/nginx.conf), writing only what changed and removing what the branch no longer has")
    dp.add_argument("--to", required=True, metavar="DIR", help="the folder the web server serves")
    dp.add_argument("--branch", default="publish", help="the git branch that holds the versions (default publish)")
    dp.set_defaults(func=cmd_deploy)
    s = sub.add_parser("serve", help="live preview that regenerates the pages when data/ changes")
    s.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (default 127.0.0.1:8000)")
    s.set_defaults(func=cmd_serve)
    sub.add_parser("synthesize", help="(re)write the synthetic example data from the seed in data/site.yaml"
                   ).set_defaults(func=cmd_synthesize)
    s = sub.add_parser("schema", help="print the data schema documentation (docs/schema.md)")
    s.add_argument("--write", action="store_true", help="write docs/schema.md")
    s.add_argument("--check", action="store_true", help="exit 1 if docs/schema.md is out of date")
    s.set_defaults(func=cmd_schema)
    return p


def main(argv: list[str] | None = None) -> int:
    _Parser.argv = argv
    args = parser().parse_args(argv)
    args.lang = language(args.lang)
    try:
        return args.func(args)
    except DataProblems as exc:
        if args.debug:
            raise
        for line in report_lines(exc.problems, args.lang):
            print(line, file=sys.stderr)
        print(render(t("{n} error(s) found; nothing was built. Fix them and run the command again.",
                       n=len(exc.errors)), args.lang), file=sys.stderr)
        return 1
    except (PortalError, OSError) as exc:  # the user's to fix; an OSError is the machine's (disk, permissions)
        if args.debug:
            raise
        print(render(t("error: {message}", message=said_text(exc)), args.lang), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # anything else is a bug of the portal, not of the data
        if args.debug:
            raise
        print(render(t("portal stopped on an error of its own, not of your data ({kind}: {detail}). Nothing was "
                       "published. Please report it, with the output of the same command run with --debug",
                       kind=type(exc).__name__, detail=str(exc)[:300]), args.lang), file=sys.stderr)
        return 2
