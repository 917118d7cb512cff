//! The README's input-handling table as one table-driven test: every row of the table has
//! cases here (the test fails when a row has none, or a case names no row), and each case
//! checks, through the binary, the exact standard error (the file and its position), the
//! exit status, and that the rest of the corpus was still read (or, for a bad
//! configuration, rule or lexicon file, that nothing was run). Every case runs in a fresh
//! folder holding `c/a.txt`, a good article, beside the bad input.

mod common;

use std::fs;
use std::path::Path;

/// The good article every case has, and its sentence as `claimcheck sentences` prints it.
const GOOD: &str = "The ferry left Quillon at dawn.\n";
const A: &str = "a.txt:1:1 [0..31] The ferry left Quillon at dawn.\n";

const EMPTY: &str =
    "error: the corpus is empty: no .txt, .md, .html, .htm or .jsonl document was read\n";

/// How a case is run.
enum Run {
    /// `claimcheck ARGS` in the case's folder.
    Cli(&'static [&'static str]),
    /// A library call standing in for a run (status, stdout, stderr), for what the binary
    /// cannot be made to meet on cue.
    Lib(fn(&Path) -> (i32, String, String)),
}

/// What standard output must show.
enum Rest {
    /// Exactly this: the good article (and what else was read).
    Exact(&'static str),
    /// At least these pieces, the good article's among them.
    Has(&'static [&'static str]),
    /// Nothing: the input stops the run before anything is read, or there is no rest.
    Nothing,
}

struct Case {
    /// The start of the README row's first cell.
    row: &'static str,
    /// What the case tries, for failure messages.
    what: &'static str,
    /// Writes the bad input beside `c/a.txt`; false when this machine cannot make it.
    setup: fn(&Path) -> bool,
    run: Run,
    status: i32,
    /// The exact standard error (`{dir}` stands for the case's folder).
    stderr: &'static str,
    /// The file and position the message names (a part of `stderr`); empty when the
    /// case prints no message.
    at: &'static str,
    rest: Rest,
}

fn write(dir: &Path, rel: &str, bytes: &[u8]) {
    common::write_file(dir, rel, bytes)
}

fn nothing(_: &Path) -> bool {
    true
}

#[cfg(unix)]
fn symlink(target: &str, dir: &Path, rel: &str) -> bool {
    std::os::unix::fs::symlink(target, dir.join(rel)).expect("symlink");
    true
}

fn utf16le(text: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    out
}

/// Two reports of an invented event that disagree on a count (a finding to quote).
const REPORT_40: &str = "Officials said 40 people were hurt when the Vell dam failed on Monday.\n";
const REPORT_75: &str = "Officials said 75 people were hurt when the Vell dam failed on Monday.\n";

/// A check whose second report changes between reading its claims and quoting them.
fn changed_during_check(dir: &Path) -> (i32, String, String) {
    use claimcheck::pipeline;
    use claimcheck::report::{self, ReportFormat, ReportInput};
    let rules = claimcheck::check::load(&[]).expect("built-in rules");
    let lexicon = claimcheck::extract::Lexicon::builtin();
    let mut analysis = pipeline::analyse_for_check(&[dir.join("c")], &lexicon, None);
    let (_, mut findings) = pipeline::check(&analysis, &rules, &lexicon);
    write(
        dir,
        "c/r75.txt",
        b"Something else entirely was written here later.\n",
    );
    let warnings = pipeline::quote_findings(&mut analysis, &mut findings);
    let infos = pipeline::rule_infos(&rules);
    let input = ReportInput {
        findings: &findings,
        documents: &analysis.corpus.documents,
        rules: &infos,
        agreeing_slots: &[],
        color: false,
    };
    let stderr: String = warnings.iter().map(|w| format!("{w}\n")).collect();
    let stdout = report::render(ReportFormat::Text, &input);
    (if findings.is_empty() { 0 } else { 1 }, stdout, stderr)
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            row: "Invalid UTF-8",
            what: "a Latin-1 byte and a stray 0xFF",
            setup: |d| {
                write(d, "c/u.txt", b"Caf\xe9 opens.\nThe \xff end.\n");
                true
            },
            run: Run::Cli(&["sentences", "c"]),
            status: 0,
            stderr: "warning: c/u.txt (byte 3): invalid UTF-8, read lossily (invalid bytes replaced by U+FFFD)\n",
            at: "c/u.txt (byte 3)",
            // Spans are file bytes: "Caf\xe9 opens." is 11 bytes, "The \xff end." 10.
            rest: Rest::Exact(
                "a.txt:1:1 [0..31] The ferry left Quillon at dawn.\n\
                 u.txt:1:1 [0..11] Caf\u{FFFD} opens.\nu.txt:2:1 [12..22] The \u{FFFD} end.\n",
            ),
        },
        Case {
            row: "UTF-8 byte-order mark",
            what: "a file starting with EF BB BF",
            setup: |d| {
                write(d, "c/m.txt", b"\xEF\xBB\xBFThe bridge at Tarn reopened.\n");
                true
            },
            run: Run::Cli(&["sentences", "c"]),
            status: 0,
            stderr: "",
            at: "",
            rest: Rest::Exact(
                "a.txt:1:1 [0..31] The ferry left Quillon at dawn.\n\
                 m.txt:1:1 [3..31] The bridge at Tarn reopened.\n",
            ),
        },
        Case {
            row: "NUL byte",
            what: "an executable named .txt",
            setup: |d| {
                write(d, "c/b.txt", b"\x7fELF\x02\x01\x00\x00binary");
                true
            },
            run: Run::Cli(&["sentences", "c"]),
            status: 0,
            stderr: "warning: c/b.txt (byte 6): binary file (NUL byte), skipped\n",
            at: "c/b.txt (byte 6)",
            rest: Rest::Exact(A),
        },
        Case {
            row: "UTF-16 text",
            what: "UTF-16 with a byte-order mark, and an unpaired surrogate",
            setup: |d| {
                write(d, "c/w.txt", &utf16le("The bridge at Tarn reopened.\n"));
                let mut bad = utf16le("Ab");
                bad.extend([0x00, 0xD8]);
                bad.extend("c.\n".encode_utf16().flat_map(u16::to_le_bytes));
                write(d, "c/x.txt", &bad);
                true
            },
            run: Run::Cli(&["sentences", "c"]),
            status: 0,
            stderr: "note: c/w.txt: UTF-16 (little-endian) text, decoded; byte spans index its UTF-8 text\n\
                     note: c/x.txt: UTF-16 (little-endian) text, decoded; byte spans index its UTF-8 text\n\
                     warning: c/x.txt (byte 6): invalid UTF-16, read lossily (unpaired surrogates replaced by U+FFFD)\n",
            at: "c/x.txt (byte 6)",
            rest: Rest::Exact(
                "a.txt:1:1 [0..31] The ferry left Quillon at dawn.\n\
                 w.txt:1:1 [0..28] The bridge at Tarn reopened.\n\
                 x.txt:1:1 [0..7] Ab\u{FFFD}c.\n",
            ),
        },
        Case {
            row: "Compressed file",
            what: "gzip and zip named as documents, UTF-32, UTF-16 JSON lines",
            setup: |d| {
                write(d, "c/g.txt", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03");
                write(d, "c/k.md", b"PK\x03\x04\x14\x00\x00\x00");
                write(d, "c/t.txt", b"\xFF\xFE\x00\x00T\x00\x00\x00");
                write(d, "c/f.jsonl", &utf16le("{\"id\":\"x\",\"text\":\"Hi.\"}\n"));
                true
            },
            run: Run::Cli(&["sentences", "c"]),
            status: 0,
            stderr: "warning: c/f.jsonl: UTF-16 text, skipped: JSON lines are read as UTF-8 only; convert it\n\
                     warning: c/g.txt: compressed file (gzip), skipped: decompress it to read it\n\
                     warning: c/k.md: compressed file (zip), skipped: decompress it to read it\n\
                     warning: c/t.txt: UTF-32 text, skipped: convert it to UTF-8\n",
            at: "c/g.txt",
            rest: Rest::Exact(A),
        },
        Case {
            row: "Empty or whitespace-only file",
            what: "a blank file, a page of script only, front matter only",
            setup: |d| {
                write(d, "c/e.txt", b"  \n");
                write(d, "c/p.html", b"<html><body><script>var x;</script></body></html>");
                write(d, "c/m.md", b"---\nsource: Ledger\n---\n");
                true
            },
            run: Run::Cli(&["sentences", "c"]),
            status: 0,
            stderr: "warning: c/e.txt: empty file, skipped\n\
                     warning: c/m.md: no article text found, skipped\n\
                     warning: c/p.html: no article text found, skipped\n",
            at: "c/e.txt",
            rest: Rest::Exact(A),
        },
        Case {
            row: "Missing path, unreadable file, symlink loop",
            what: "a path that does not exist",
            setup: nothing,
            run: Run::Cli(&["sentences", "nowhere.txt", "c/a.txt"]),
            status: 2,
            stderr: "error: nowhere.txt: cannot read: No such file or directory (os error 2)\n",
            at: "nowhere.txt",
            rest: Rest::Exact(A),
        },
        #[cfg(unix)]
        Case {
            row: "Missing path, unreadable file, symlink loop",
            what: "a dangling symlink in a folder",
            setup: |d| symlink("../missing-target", d, "c/b.txt"),
            run: Run::Cli(&["sentences", "c"]),
            status: 2,
            stderr: "error: c/b.txt: cannot read: No such file or directory (os error 2)\n",
            at: "c/b.txt",
            rest: Rest::Exact(A),
        },
        // Unreadable even by root: a read of /proc/self/mem at offset 0 fails (EIO),
        // where a file of mode 000 is read by root all the same.
        #[cfg(target_os = "linux")]
        Case {
            row: "Missing path, unreadable file, symlink loop",
            what: "a file whose read fails, in a folder",
            setup: |d| symlink("/proc/self/mem", d, "c/mem.txt"),
            run: Run::Cli(&["sentences", "c"]),
            status: 2,
            stderr: "error: c/mem.txt: cannot read: Input/output error (os error 5)\n",
            at: "c/mem.txt",
            rest: Rest::Exact(A),
        },
        #[cfg(target_os = "linux")]
        Case {
            row: "Missing path, unreadable file, symlink loop",
            what: "a file whose read fails, given as a path",
            setup: nothing,
            run: Run::Cli(&["sentences", "/proc/self/mem", "c/a.txt"]),
            status: 2,
            stderr: "error: /proc/self/mem: cannot read: Input/output error (os error 5)\n",
            at: "/proc/self/mem",
            rest: Rest::Exact(A),
        },
        #[cfg(unix)]
        Case {
            row: "Missing path, unreadable file, symlink loop",
            what: "a symlink to itself, given as a path",
            setup: |d| symlink("loop.txt", d, "c/loop.txt"),
            run: Run::Cli(&["sentences", "c/loop.txt", "c/a.txt"]),
            status: 2,
            stderr: "error: c/loop.txt: cannot read: Too many levels of symbolic links (os error 40)\n",
            at: "c/loop.txt",
            rest: Rest::Exact(A),
        },
        #[cfg(unix)]
        Case {
            row: "Missing path, unreadable file, symlink loop",
            what: "a symlink to itself in a folder",
            setup: |d| symlink("loop.txt", d, "c/loop.txt"),
            run: Run::Cli(&["sentences", "c"]),
            status: 2,
            stderr: "error: c/loop.txt: cannot read: Too many levels of symbolic links (os error 40)\n",
            at: "c/loop.txt",
            rest: Rest::Exact(A),
        },
        #[cfg(unix)]
        Case {
            row: "FIFO, socket or device",
            what: "a FIFO named .txt",
            setup: |d| {
                std::process::Command::new("mkfifo")
                    .arg(d.join("c/x.txt"))
                    .status()
                    .is_ok_and(|s| s.success())
            },
            run: Run::Cli(&["sentences", "c"]),
            status: 0,
            stderr: "warning: c/x.txt: not a regular file (a FIFO), skipped\n",
            at: "c/x.txt",
            rest: Rest::Exact(A),
        },
        Case {
            row: "File (or JSON line) larger than",
            what: "a file over the limit in a folder",
            setup: |d| {
                write(d, "c/big.txt", "Long words. ".repeat(200).as_bytes());
                true
            },
            run: Run::Cli(&["sentences", "c", "--max-file-size", "1K"]),
            status: 2,
            stderr: "error: c/big.txt: file larger than --max-file-size (1024 bytes), skipped\n",
            at: "c/big.txt",
            rest: Rest::Exact(A),
        },
        #[cfg(unix)]
        Case {
            row: "File (or JSON line) larger than",
            what: "an endless device given as a path",
            setup: nothing,
            run: Run::Cli(&["sentences", "/dev/zero", "c/a.txt", "--max-file-size", "1M"]),
            status: 2,
            stderr: "error: /dev/zero: file larger than --max-file-size (1048576 bytes), skipped\n",
            at: "/dev/zero",
            rest: Rest::Exact(A),
        },
        Case {
            row: "File (or JSON line) larger than",
            what: "a JSON line over the limit, then a good line",
            setup: |d| {
                let long = format!("{{\"id\": \"x\", \"text\": \"{}\"}}\n", "word ".repeat(500));
                let feed =
                    format!("{long}{{\"id\": \"k\", \"text\": \"The bridge at Tarn reopened.\"}}\n");
                write(d, "c/feed.jsonl", feed.as_bytes());
                true
            },
            run: Run::Cli(&["sentences", "c", "--max-file-size", "2K"]),
            status: 2,
            stderr: "error: c/feed.jsonl:1:1 (byte 0): line larger than --max-file-size (2048 bytes), skipped\n",
            at: "c/feed.jsonl:1:1",
            rest: Rest::Exact(
                "a.txt:1:1 [0..31] The ferry left Quillon at dawn.\n\
                 k:2:22 [0..28] The bridge at Tarn reopened.\n",
            ),
        },
        #[cfg(unix)]
        Case {
            row: "Symlinked sub-folder",
            what: "a link to a folder outside",
            setup: |d| {
                write(d, "elsewhere/b.txt", b"The ferry returned at noon.\n");
                symlink("../elsewhere", d, "c/linked")
            },
            run: Run::Cli(&["sentences", "c"]),
            status: 0,
            stderr: "",
            at: "",
            rest: Rest::Exact(
                "a.txt:1:1 [0..31] The ferry left Quillon at dawn.\n\
                 linked/b.txt:1:1 [0..27] The ferry returned at noon.\n",
            ),
        },
        #[cfg(unix)]
        Case {
            row: "Symlink back to a folder",
            what: "a link to the folder itself",
            setup: |d| symlink(".", d, "c/up"),
            run: Run::Cli(&["sentences", "c"]),
            status: 0,
            stderr: "warning: c/up: symlink loop: points to c, which is already being read; not followed\n",
            at: "c/up",
            rest: Rest::Exact(A),
        },
        #[cfg(unix)]
        Case {
            row: "One file reached twice",
            what: "a link to a file of the same folder",
            setup: |d| symlink("a.txt", d, "c/b.txt"),
            run: Run::Cli(&["sentences", "c"]),
            status: 0,
            stderr: "warning: c/b.txt: the same file as c/a.txt (through a symlink), read once\n",
            at: "c/b.txt",
            rest: Rest::Exact(A),
        },
        Case {
            row: "Folder with no",
            what: "a folder of CSV only",
            setup: |d| {
                write(d, "d/data.csv", b"a,b\n");
                true
            },
            run: Run::Cli(&["sentences", "d"]),
            status: 2,
            stderr: EMPTY,
            at: "",
            rest: Rest::Nothing,
        },
        Case {
            row: "Folder with no",
            what: "a folder whose only document is empty",
            setup: |d| {
                write(d, "d/e.txt", b"  \n");
                true
            },
            run: Run::Cli(&["sentences", "d"]),
            status: 2,
            stderr: "warning: d/e.txt: empty file, skipped\n\
                     error: the corpus is empty: no .txt, .md, .html, .htm or .jsonl document was read\n",
            at: "d/e.txt",
            rest: Rest::Nothing,
        },
        Case {
            row: "More than 4 KB without a sentence end",
            what: "10 KB of words without punctuation",
            setup: |d| {
                write(d, "c/flat.txt", "cell ".repeat(2000).as_bytes());
                true
            },
            run: Run::Cli(&["sentences", "c"]),
            status: 0,
            stderr: "",
            at: "",
            rest: Rest::Has(&[
                A,
                "flat.txt:1:1 [0..4094] [headline] cell cell",
                "flat.txt:1:4096 [4095..8189] [headline] cell cell",
                "flat.txt:1:8191 [8190..9999] [headline] cell cell",
            ]),
        },
        Case {
            row: "Other files and hidden files",
            what: "a CSV, a hidden folder and an AppleDouble file",
            setup: |d| {
                write(d, "c/data.csv", b"a,b\n");
                write(d, "c/.git/notes.txt", b"Hidden text.\n");
                write(d, "c/._a.txt", b"\x00\x05\x16\x07");
                true
            },
            run: Run::Cli(&["sentences", "c"]),
            status: 0,
            stderr: "",
            at: "",
            rest: Rest::Exact(A),
        },
        Case {
            row: "README, LICENSE, CHANGELOG",
            what: "a README in the folder, a file the manifest does not list",
            setup: |d| {
                write(d, "c/README.md", b"# About this folder\n\nNotes.\n");
                write(d, "m/corpus.toml", b"[[document]]\npath = \"b.txt\"\n");
                write(d, "m/b.txt", b"The ferry returned at noon.\n");
                write(d, "m/draft.txt", b"A draft.\n");
                true
            },
            run: Run::Cli(&["sentences", "c", "m"]),
            status: 0,
            stderr: "note: c/README.md: not an article (a project file such as a README), not read\n\
                     note: m/draft.txt: not listed in m/corpus.toml, not read as an article\n",
            at: "m/draft.txt",
            rest: Rest::Exact(
                "a.txt:1:1 [0..31] The ferry left Quillon at dawn.\n\
                 b.txt:1:1 [0..27] The ferry returned at noon.\n",
            ),
        },
        Case {
            row: "Malformed `corpus.toml`",
            what: "an unterminated string",
            setup: |d| {
                write(d, "c/corpus.toml", b"[[document]]\npath = \"a.txt\nsource = \"X\"\n");
                true
            },
            run: Run::Cli(&["sentences", "c"]),
            status: 2,
            stderr: "error: c/corpus.toml:2:14: malformed manifest: invalid basic string, expected `\"`\n",
            at: "c/corpus.toml:2:14",
            rest: Rest::Exact(A),
        },
        Case {
            row: "Malformed `corpus.toml`",
            what: "an unknown key",
            setup: |d| {
                write(d, "c/corpus.toml", b"[[document]]\npath = \"a.txt\"\n  author = \"Y\"\n");
                true
            },
            run: Run::Cli(&["sentences", "c"]),
            status: 2,
            stderr: "error: c/corpus.toml:3:3: malformed manifest: unknown field `author`, expected one of `path`, `source`, `published`, `title`, `url`, `story`\n",
            at: "c/corpus.toml:3:3",
            rest: Rest::Exact(A),
        },
        Case {
            row: "Bad `published` date",
            what: "in a manifest",
            setup: |d| {
                write(d, "c/corpus.toml", b"[[document]]\npath = \"a.txt\"\nsource = \"Wire\"\npublished = \"March 2024\"\n");
                true
            },
            run: Run::Cli(&["sentences", "c"]),
            status: 0,
            stderr: "warning: c/corpus.toml:4:1: `published` value \"March 2024\" is not YYYY, YYYY-MM or YYYY-MM-DD; ignored\n",
            at: "c/corpus.toml:4:1",
            rest: Rest::Exact(A),
        },
        Case {
            row: "Bad `published` date",
            what: "in front matter",
            setup: |d| {
                write(d, "c/b.md", b"---\nsource: Ledger\npublished: yesterday\n---\nSome *text*.\n");
                true
            },
            run: Run::Cli(&["sentences", "c"]),
            status: 0,
            stderr: "warning: c/b.md:3:1: `published` value \"yesterday\" is not YYYY, YYYY-MM or YYYY-MM-DD; ignored\n",
            at: "c/b.md:3:1",
            rest: Rest::Exact(
                "a.txt:1:1 [0..31] The ferry left Quillon at dawn.\nb.md:5:1 [44..56] Some text.\n",
            ),
        },
        Case {
            row: "Bad `published` date",
            what: "in a JSON line",
            setup: |d| {
                write(d, "c/f.jsonl", b"{\"id\":\"w\",\"text\":\"Also good.\",\"published\":\"2024-13\"}\n");
                true
            },
            run: Run::Cli(&["sentences", "c"]),
            status: 0,
            stderr: "warning: c/f.jsonl:1:1: `published` value \"2024-13\" is not YYYY, YYYY-MM or YYYY-MM-DD; ignored\n",
            at: "c/f.jsonl:1:1",
            rest: Rest::Exact(
                "a.txt:1:1 [0..31] The ferry left Quillon at dawn.\nw:1:19 [0..10] Also good.\n",
            ),
        },
        Case {
            row: "JSON line whose `published` is not a string",
            what: "a number and an object",
            setup: |d| {
                write(
                    d,
                    "c/f.jsonl",
                    b"{\"id\":\"n\",\"text\":\"The bridge reopened.\",\"published\":20240301}\n\
                      {\"id\":\"o\",\"text\":\"The road closed.\",\"published\":{\"y\":2024}}\n",
                );
                true
            },
            run: Run::Cli(&["sentences", "c"]),
            status: 0,
            stderr: "warning: c/f.jsonl:1:1: `published` value 20240301 is not a string such as \"2024-03-01\"; ignored\n\
                     warning: c/f.jsonl:2:1: `published` value {\"y\":2024} is not a string such as \"2024-03-01\"; ignored\n",
            at: "c/f.jsonl:2:1",
            rest: Rest::Exact(
                "a.txt:1:1 [0..31] The ferry left Quillon at dawn.\n\
                 n:1:19 [0..20] The bridge reopened.\no:2:19 [0..16] The road closed.\n",
            ),
        },
        Case {
            row: "Manifest entry naming no file",
            what: "an entry for a file that is not there",
            setup: |d| {
                write(d, "c/corpus.toml", b"[[document]]\npath = \"a.txt\"\n\n[[document]]\npath = \"gone.txt\"\n");
                true
            },
            run: Run::Cli(&["sentences", "c"]),
            status: 0,
            stderr: "warning: c/corpus.toml:5:1: entry names no document: c/gone.txt\n",
            at: "c/corpus.toml:5:1",
            rest: Rest::Exact(A),
        },
        Case {
            row: "Manifest entry naming no file",
            what: "two files and two JSON lines with one id each",
            setup: |d| {
                write(d, "x/a.txt", b"One.\n");
                write(d, "f.jsonl", b"{\"id\":\"k\",\"text\":\"Three.\"}\n{\"id\":\"k\",\"text\":\"Four.\"}\n");
                true
            },
            run: Run::Cli(&["sentences", "c/a.txt", "x/a.txt", "f.jsonl"]),
            status: 0,
            stderr: "warning: x/a.txt: duplicate document id `a.txt` (also read from c/a.txt)\n\
                     warning: f.jsonl:2:1: duplicate document id `k` (also read from f.jsonl)\n",
            at: "f.jsonl:2:1",
            rest: Rest::Has(&[A, "a.txt:1:1 [0..4] One.\n", "k:1:19 [0..6] Three.\n", "k:2:19 [0..5] Four.\n"]),
        },
        Case {
            row: "Two manifest entries for one file",
            what: "in one manifest",
            setup: |d| {
                write(d, "c/corpus.toml", b"[[document]]\npath = \"a.txt\"\nsource = \"Wire\"\n\n[[document]]\npath = \"a.txt\"\nsource = \"Ledger\"\n");
                true
            },
            run: Run::Cli(&["sentences", "c"]),
            status: 0,
            stderr: "warning: c/corpus.toml:6:1: second entry for c/a.txt (first at line 2): ignored, the first is used\n",
            at: "c/corpus.toml:6:1",
            rest: Rest::Exact(A),
        },
        Case {
            row: "Two manifest entries for one file",
            what: "in a folder's manifest and its sub-folder's",
            setup: |d| {
                write(d, "c/sub/b.txt", b"The ferry returned at noon.\n");
                write(d, "c/corpus.toml", b"[[document]]\npath = \"a.txt\"\n\n[[document]]\npath = \"sub/b.txt\"\n");
                write(d, "c/sub/corpus.toml", b"# the sub-folder's own\n[[document]]\npath = \"b.txt\"\n");
                true
            },
            run: Run::Cli(&["sentences", "c"]),
            status: 0,
            stderr: "warning: c/sub/corpus.toml:3:1: second entry for c/sub/b.txt (first at c/corpus.toml:5): ignored, the first is used\n",
            at: "c/sub/corpus.toml:3:1",
            rest: Rest::Exact(
                "a.txt:1:1 [0..31] The ferry left Quillon at dawn.\n\
                 sub/b.txt:1:1 [0..27] The ferry returned at noon.\n",
            ),
        },
        Case {
            row: "JSON line that is not a JSON object",
            what: "a bad value and a missing `text`",
            setup: |d| {
                write(d, "c/f.jsonl", b"{\"id\":\"x\",\"text\":\"Good line.\"}\n{\"id\":\"y\", \"text\": oops}\n{\"id\":\"z\"}\n");
                true
            },
            run: Run::Cli(&["sentences", "c"]),
            status: 2,
            stderr: "error: c/f.jsonl:2:20: malformed JSON line: expected value\n\
                     error: c/f.jsonl:3:10: malformed JSON line: missing field `text`\n",
            at: "c/f.jsonl:2:20",
            rest: Rest::Exact(
                "a.txt:1:1 [0..31] The ferry left Quillon at dawn.\nx:1:19 [0..10] Good line.\n",
            ),
        },
        Case {
            row: "JSON line that is not a JSON object",
            what: "an array of the fields in order, a string, a number",
            setup: |d| {
                write(
                    d,
                    "c/f.jsonl",
                    b"  [\"x\", \"Array text.\"]\n\"just a string\"\n42\n{\"id\":\"k\",\"text\":\"Fine.\"}\n",
                );
                true
            },
            run: Run::Cli(&["sentences", "c"]),
            status: 2,
            stderr: "error: c/f.jsonl:1:3: malformed JSON line: expected an object such as {\"id\": \"a1\", \"text\": \"...\"}\n\
                     error: c/f.jsonl:2:1: malformed JSON line: expected an object such as {\"id\": \"a1\", \"text\": \"...\"}\n\
                     error: c/f.jsonl:3:1: malformed JSON line: expected an object such as {\"id\": \"a1\", \"text\": \"...\"}\n",
            at: "c/f.jsonl:1:3",
            rest: Rest::Exact(
                "a.txt:1:1 [0..31] The ferry left Quillon at dawn.\nk:4:19 [0..5] Fine.\n",
            ),
        },
        Case {
            row: "JSON line that is not a JSON object",
            what: "through `check`, which still reports on the rest",
            setup: |d| {
                write(d, "c/f.jsonl", b"{\"id\":\"k\",\"text\":\"Fine.\"}\nnot json\n");
                true
            },
            run: Run::Cli(&["check", "c", "--format", "json"]),
            status: 2,
            stderr: "error: c/f.jsonl:2:1: malformed JSON line: expected an object such as {\"id\": \"a1\", \"text\": \"...\"}\n",
            at: "c/f.jsonl:2:1",
            rest: Rest::Has(&["\"documents\": 2"]),
        },
        Case {
            row: "Positions of a JSON-lines document",
            what: "escapes and a blank line before the text",
            setup: |d| {
                write(d, "c/f.jsonl", b"\n{\"id\": \"e\", \"text\": \"Caf\\u00e9 \\\"Nord\\\" opened.\"}\n");
                true
            },
            run: Run::Cli(&["sentences", "c"]),
            status: 0,
            stderr: "",
            at: "",
            rest: Rest::Exact(
                "a.txt:1:1 [0..31] The ferry left Quillon at dawn.\n\
                 e:2:22 [0..20] Caf\u{e9} \"Nord\" opened.\n",
            ),
        },
        #[cfg(unix)]
        Case {
            row: "Control or bidirectional characters",
            what: "a newline, U+202E and ESC in file names and a quote",
            setup: |d| {
                let quote = REPORT_75.replace("Monday", "Monday \u{1b}[2J");
                write(d, "c/new\nline\u{202E}txt.exe.txt", REPORT_40.as_bytes());
                write(d, "c/esc\u{1b}[31mred.txt", quote.as_bytes());
                true
            },
            run: Run::Cli(&["check", "c", "-q", "-f", "github"]),
            status: 1,
            stderr: "",
            at: "",
            rest: Rest::Has(&["new\\nline\\u{202e}txt.exe.txt", "esc\\u{1b}[31mred.txt"]),
        },
        #[cfg(unix)]
        Case {
            row: "Control or bidirectional characters",
            what: "ESC and U+202E in a file name and a JSON-lines id, in warnings and a listing",
            setup: |d| {
                write(d, "c/e\u{1b}[2J\u{202E}.txt", b"  \n");
                write(
                    d,
                    "c/f.jsonl",
                    b"{\"id\":\"x\\u001b[31m\\u202e\",\"text\":\"One.\"}\n\
                      {\"id\":\"x\\u001b[31m\\u202e\",\"text\":\"Two.\"}\n",
                );
                true
            },
            run: Run::Cli(&["sentences", "c"]),
            status: 0,
            stderr: "warning: c/e\\u{1b}[2J\\u{202e}.txt: empty file, skipped\n\
                     warning: c/f.jsonl:2:1: duplicate document id `x\\u{1b}[31m\\u{202e}` (also read from c/f.jsonl)\n",
            at: "c/e\\u{1b}[2J\\u{202e}.txt",
            rest: Rest::Exact(
                "a.txt:1:1 [0..31] The ferry left Quillon at dawn.\n\
                 x\\u{1b}[31m\\u{202e}:1:35 [0..4] One.\n\
                 x\\u{1b}[31m\\u{202e}:2:35 [0..4] Two.\n",
            ),
        },
        Case {
            row: "A file changed while `check` runs",
            what: "the second report rewritten before its quotes are read",
            setup: |d| {
                write(d, "c/r40.txt", REPORT_40.as_bytes());
                write(d, "c/r75.txt", REPORT_75.as_bytes());
                true
            },
            run: Run::Lib(changed_during_check),
            status: 1,
            stderr: "warning: {dir}/c/r75.txt: `r75.txt` changed while it was checked: its quotes are left out\n",
            at: "c/r75.txt",
            rest: Rest::Has(&["Officials said 40 people were hurt"]),
        },
        Case {
            row: "Configuration, rule or lexicon file",
            what: "a configuration file with a syntax error",
            setup: |d| {
                write(d, "claimcheck.toml", b"rules = []\nfail_on = \n");
                true
            },
            run: Run::Cli(&["check", "c"]),
            status: 2,
            stderr: "error: {dir}/claimcheck.toml:2:11: string values must be quoted, expected literal string\n",
            at: "claimcheck.toml:2:11",
            rest: Rest::Nothing,
        },
        Case {
            row: "Configuration, rule or lexicon file",
            what: "a folder given as the configuration file",
            setup: |d| {
                fs::create_dir(d.join("conf")).expect("mkdir");
                true
            },
            run: Run::Cli(&["check", "c", "--config", "conf"]),
            status: 2,
            stderr: "error: conf: cannot read: Is a directory (os error 21)\n",
            at: "conf",
            rest: Rest::Nothing,
        },
        Case {
            row: "Configuration, rule or lexicon file",
            what: "a folder given as the baseline to read",
            setup: |d| {
                fs::create_dir(d.join("base")).expect("mkdir");
                true
            },
            run: Run::Cli(&["check", "c", "--baseline", "base"]),
            status: 2,
            stderr: "error: cannot read baseline base: Is a directory (os error 21)\n",
            at: "base",
            rest: Rest::Nothing,
        },
        Case {
            row: "Configuration, rule or lexicon file",
            what: "a folder given as the baseline to write",
            setup: |d| {
                fs::create_dir(d.join("base")).expect("mkdir");
                true
            },
            run: Run::Cli(&["baseline", "c", "-o", "base"]),
            status: 2,
            stderr: "error: cannot write baseline base: Is a directory (os error 21)\n",
            at: "base",
            rest: Rest::Nothing,
        },
        Case {
            row: "Configuration, rule or lexicon file",
            what: "a rule file with a syntax error",
            setup: |d| {
                write(d, "r/checks/bad.toml", b"id = \"x\"\nkind = \n");
                true
            },
            run: Run::Cli(&["check", "c", "--rules", "r"]),
            status: 2,
            stderr: "error: r/checks/bad.toml:2:8: string values must be quoted, expected literal string\n",
            at: "r/checks/bad.toml:2:8",
            rest: Rest::Nothing,
        },
        Case {
            row: "Configuration, rule or lexicon file",
            what: "a rule of an unknown kind",
            setup: |d| {
                write(d, "r/checks/bad.toml", b"id = \"x\"\nname = \"X\"\nkind = \"telepathy\"\n");
                true
            },
            run: Run::Cli(&["rules", "--rules", "r"]),
            status: 2,
            stderr: "error: r/checks/bad.toml:3:8: unknown variant `telepathy`, expected one of \
                     `quantity`, `date`, `duration`, `actor`, `action-scope`, `polarity`, `location`\n",
            at: "r/checks/bad.toml:3:8",
            rest: Rest::Nothing,
        },
        Case {
            row: "Configuration, rule or lexicon file",
            what: "a lexicon entry of the wrong type",
            setup: |d| {
                write(d, "r/lexicon/x.toml", b"[country]\nAtlantis = { demonyms = \"Atlantean\" }\n");
                true
            },
            run: Run::Cli(&["sentences", "c", "--rules", "r"]),
            status: 2,
            stderr: "error: r/lexicon/x.toml:2:25: invalid type: string \"Atlantean\", expected a sequence\n",
            at: "r/lexicon/x.toml:2:25",
            rest: Rest::Nothing,
        },
        Case {
            row: "Configuration, rule or lexicon file",
            what: "a lexicon entry with an unknown field",
            setup: |d| {
                write(d, "r/lexicon/x.toml", b"[country]\nAtlantis = { capitol = [\"Poseidonia\"] }\n");
                true
            },
            run: Run::Cli(&["sentences", "c", "--rules", "r"]),
            status: 2,
            stderr: "error: r/lexicon/x.toml:2:14: unknown field `capitol`, expected one of `aliases`, \
                     `demonyms`, `capital`, `prefixes`, `ambiguous`, `ambiguous_aliases`, `ambiguous_capital`\n",
            at: "r/lexicon/x.toml:2:14",
            rest: Rest::Nothing,
        },
        Case {
            row: "Configuration, rule or lexicon file",
            what: "a lexicon entry with an empty pattern",
            setup: |d| {
                write(d, "r/lexicon/x.toml", b"[country]\nAtlantis = { demonyms = [\"\"] }\n");
                true
            },
            run: Run::Cli(&["sentences", "c", "--rules", "r"]),
            status: 2,
            stderr: "error: r/lexicon/x.toml:2:26: an empty name or pattern matches nothing: remove it\n",
            at: "r/lexicon/x.toml:2:26",
            rest: Rest::Nothing,
        },
        Case {
            row: "Configuration, rule or lexicon file",
            what: "a lexicon file whose only table is misspelled",
            setup: |d| {
                write(d, "r/lexicon/x.toml", b"# Atlantis\n[[contry]]\nname = \"Atlantis\"\n");
                true
            },
            run: Run::Cli(&["sentences", "c", "--rules", "r"]),
            status: 2,
            stderr: "error: r/lexicon/x.toml:2:3: unknown table `contry`, expected one of `country`, \
                     `organisation`, `armed_group`, `region`, `institution`, `person`, `titles`, \
                     `government_nouns`, `government_prefixes`, `foreign_posts`, `action`, `irregular`, \
                     `scope_modifiers`, `action_scope_modifiers`, `object_scope`, `negation`, `modality`, \
                     `hedge`, `attribution`, `exact_case`, `not_entities`, `not_actions`\n",
            at: "r/lexicon/x.toml:2:3",
            rest: Rest::Nothing,
        },
        Case {
            row: "Configuration, rule or lexicon file",
            what: "a lexicon file with a known table and an unknown one",
            setup: |d| {
                write(d, "r/lexicon/x.toml", b"[country]\nAtlantis = {}\n\n[regoin]\nNorland = {}\n");
                true
            },
            run: Run::Cli(&["sentences", "c", "--rules", "r"]),
            status: 2,
            stderr: "error: r/lexicon/x.toml:4:2: unknown table `regoin`, expected one of `country`, \
                     `organisation`, `armed_group`, `region`, `institution`, `person`, `titles`, \
                     `government_nouns`, `government_prefixes`, `foreign_posts`, `action`, `irregular`, \
                     `scope_modifiers`, `action_scope_modifiers`, `object_scope`, `negation`, `modality`, \
                     `hedge`, `attribution`, `exact_case`, `not_entities`, `not_actions`\n",
            at: "r/lexicon/x.toml:4:2",
            rest: Rest::Nothing,
        },
        Case {
            row: "Configuration, rule or lexicon file",
            what: "a report format that does not exist",
            setup: nothing,
            run: Run::Cli(&["check", "c", "--format", "yaml"]),
            status: 2,
            stderr: "error: invalid value 'yaml' for '--format <FORMAT>'\n  \
                     [possible values: text, json, jsonl, sarif, github, junit, markdown, html]\n\n\
                     For more information, try '--help'.\n",
            at: "--format",
            rest: Rest::Nothing,
        },
        Case {
            row: "Configuration, rule or lexicon file",
            what: "a size that is not one",
            setup: nothing,
            run: Run::Cli(&["sentences", "c", "--max-file-size", "lots"]),
            status: 2,
            stderr: "error: invalid value 'lots' for '--max-file-size <SIZE>': `lots` is not a size \
                     such as 500000, 512K, 64M or 1G\n\nFor more information, try '--help'.\n",
            at: "--max-file-size",
            rest: Rest::Nothing,
        },
    ]
}

/// The first cells of the rows of the README's input-handling table.
fn readme_rows() -> Vec<String> {
    let readme = fs::read_to_string(common::repo_path("README.md")).expect("README.md");
    let section = readme
        .split("\n## Input handling\n")
        .nth(1)
        .expect("an Input handling section");
    section
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2) // the header and its rule
        .map(|l| {
            l.split(" | ")
                .next()
                .unwrap_or("")
                .trim_start_matches("| ")
                .to_string()
        })
        .collect()
}

#[test]
fn every_row_of_the_input_table() {
    let rows = readme_rows();
    let cases = cases();
    assert!(rows.len() >= 20, "{rows:?}");
    for row in &rows {
        assert!(
            cases.iter().any(|c| row.starts_with(c.row)),
            "README row without a case: {row}"
        );
    }
    for case in &cases {
        let matching = rows.iter().filter(|r| r.starts_with(case.row)).count();
        assert_eq!(matching, 1, "case `{}` names {matching} rows", case.row);
    }
    // The cases run a few at a time (each starts the binary, sometimes more than once).
    let next = std::sync::atomic::AtomicUsize::new(0);
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get().min(8));
    let failures = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(case) = cases.get(i) else { break };
                if let Err(why) = run_case(case) {
                    let failure = format!("[{}] {}: {why}", case.row, case.what);
                    failures.lock().expect("failures").push(failure);
                }
            });
        }
    });
    let failures = failures.into_inner().expect("failures");
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

/// Runs one case in a fresh folder; the reasons it fails, if it does.
fn run_case(case: &Case) -> Result<(), String> {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "c/a.txt", GOOD.as_bytes());
    if !(case.setup)(dir.path()) {
        eprintln!("note: [{}] {}: cannot be set up here", case.row, case.what);
        return Ok(());
    }
    let (status, stdout, stderr) = match case.run {
        Run::Cli(args) => common::run_in(dir.path(), args),
        Run::Lib(f) => f(dir.path()),
    };
    let expected_stderr = case
        .stderr
        .replace("{dir}", &dir.path().display().to_string());
    let mut why = Vec::new();
    if status != case.status {
        why.push(format!("status {status}, expected {}", case.status));
    }
    if stderr != expected_stderr {
        why.push(format!("stderr:\n{stderr}expected:\n{expected_stderr}"));
    }
    if !stderr.contains(case.at) {
        why.push(format!("the message does not name `{}`", case.at));
    }
    match &case.rest {
        Rest::Exact(out) if stdout != *out => {
            why.push(format!("stdout:\n{stdout}expected:\n{out}"))
        }
        Rest::Has(parts) => {
            for part in *parts {
                if !stdout.contains(part) {
                    why.push(format!("stdout lacks {part:?}:\n{stdout}"));
                }
            }
        }
        Rest::Nothing if !stdout.is_empty() => why.push(format!("stdout not empty:\n{stdout}")),
        _ => {}
    }
    if why.is_empty() {
        Ok(())
    } else {
        Err(why.join("\n"))
    }
}
