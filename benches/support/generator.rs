//! The corpus generator shared by the `claimcheck_gen` example, the benchmarks and the
//! generator test: invented stories covered by several invented outlets, with planted
//! contradictions and agreeing paraphrases. Countries come from the built-in lexicon
//! (`rules/lexicon/countries.toml`); the templates are the generator's own.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

const COUNTRIES: &str = include_str!("../../rules/lexicon/countries.toml");

/// Documents per folder (each folder has its own `corpus.toml`).
const DOCS_PER_FOLDER: usize = 1000;

/// SplitMix64: small, fast and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// A country as the lexicon gives it.
#[derive(Clone, Debug)]
struct Country {
    name: String,
    demonym: String,
    capital: String,
}

/// Countries with a demonym and a capital and no ambiguity flag, in file order.
fn countries() -> Vec<Country> {
    let table: toml::Table = match COUNTRIES.parse() {
        Ok(t) => t,
        Err(e) => panic!("countries.toml does not parse: {e}"),
    };
    let Some(toml::Value::Table(list)) = table.get("country") else {
        return Vec::new();
    };
    let first = |v: Option<&toml::Value>| -> Option<String> {
        v?.as_array()?.first()?.as_str().map(str::to_string)
    };
    let mut out: Vec<Country> = list
        .iter()
        .filter_map(|(name, entry)| {
            let entry = entry.as_table()?;
            let ambiguous = entry.keys().any(|k| k.starts_with("ambiguous"));
            if ambiguous || name.contains(' ') {
                return None;
            }
            Some(Country {
                name: name.clone(),
                demonym: first(entry.get("demonyms"))?,
                capital: first(entry.get("capital"))?,
            })
        })
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

const OUTLET_FIRST: &[&str] = &[
    "Northern",
    "Harbour",
    "Evening",
    "Morning",
    "Continental",
    "Coastal",
    "Valley",
    "Capital",
    "Frontier",
    "Island",
    "Metro",
    "Highland",
    "Delta",
    "Summit",
    "Plains",
    "Lakeside",
];
const OUTLET_SECOND: &[&str] = &[
    "Courier",
    "Ledger",
    "Dispatch",
    "Herald",
    "Wire",
    "Observer",
    "Tribune",
    "Chronicle",
    "Gazette",
    "Bulletin",
    "Post",
    "Record",
    "Monitor",
    "Sentinel",
    "Review",
    "Journal",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

/// Sentences that carry no claim, to give articles the density of real reporting.
const FILLER: &[&str] = &[
    "Residents of {cap} described long queues outside banks and petrol stations.",
    "Analysts said the episode reflected years of mistrust between the two governments.",
    "The announcement came after a week of closed-door talks in {cap}.",
    "Opposition figures in {a} questioned whether parliament had been consulted.",
    "Shops in the centre of {cap} stayed open, and traffic moved normally by the afternoon.",
    "A spokeswoman for the {adem} foreign ministry declined to give further details.",
    "Diplomats in the region said they were watching the situation closely.",
    "Local radio stations carried long phone-in programmes about the dispute.",
    "The two neighbours share a long border and a history of trade in grain and cattle.",
    "Several newspapers in {cap} ran the story on their front pages.",
    "Economists warned that prolonged tension could weigh on the currency.",
    "Aid groups said they had not been told how the move would affect their work.",
    "The {bdem} embassy in {cap} issued a brief statement on its website.",
    "Officials gave no timetable for further steps.",
];

/// One invented story: two countries, a year and the true figures.
struct Story {
    a: Country,
    b: Country,
    year: i32,
    month: usize,
    /// Day of the month the story broke (the dateline of every article).
    day: usize,
    troops: u64,
    diplomats: u64,
    killed: u64,
    /// Which fact the contradicting outlet changes, if any: 0 troops, 1 diplomats, 2 recall.
    planted: Option<u8>,
}

fn fill(template: &str, s: &Story) -> String {
    template
        .replace("{a}", &s.a.name)
        .replace("{b}", &s.b.name)
        .replace("{adem}", &s.a.demonym)
        .replace("{bdem}", &s.b.demonym)
        .replace("{cap}", &s.a.capital)
        .replace("{bcap}", &s.b.capital)
        .replace("{year}", &s.year.to_string())
        .replace("{month}", MONTHS[s.month])
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Troop-deployment sentences: the same fact in different words.
fn troop_sentence(s: &Story, n: u64, rng: &mut Rng) -> String {
    let n = thousands(n);
    let t = match rng.below(5) {
        0 => format!("{{a}} deployed {n} troops to {{b}} in {{month}} {{year}}, the defence ministry said."),
        1 => format!("{{a}} sent some {n} soldiers to {{b}} in {{year}}, officials said."),
        2 => format!("About {n} {{adem}} troops were deployed to {{b}} in {{year}}."),
        3 => format!("In {{year}}, {{a}} deployed roughly {n} soldiers to {{b}}."),
        _ => format!("{{a}} has deployed {n} troops to {{b}} since {{month}} {{year}}, according to the army."),
    };
    fill(&t, s)
}

fn diplomat_sentence(s: &Story, n: u64, rng: &mut Rng) -> String {
    let t = match rng.below(3) {
        0 => format!("{{a}} expelled {n} {{bdem}} diplomats in {{month}} {{year}}."),
        1 => format!("In {{year}}, {{a}} expelled {n} diplomats from the {{bdem}} embassy."),
        _ => format!(
            "{{a}} ordered {n} {{bdem}} diplomats to leave in {{year}}, the foreign ministry said."
        ),
    };
    fill(&t, s)
}

fn recall_sentence(s: &Story, denied: bool, rng: &mut Rng) -> String {
    let t = if denied {
        "{a} did not recall its ambassador to {b}, a spokesman said."
    } else {
        *rng.pick(&[
            "{a} recalled its ambassador to {b} in {month} {year}.",
            "In {year}, {a} recalled its ambassador from {bcap}.",
        ])
    };
    fill(t, s)
}

fn killed_sentence(s: &Story, rng: &mut Rng) -> String {
    let n = thousands(s.killed);
    let t = match rng.below(2) {
        0 => format!("Clashes near the border killed {n} people in {{b}} in {{year}}."),
        _ => format!("At least {n} people were killed in {{b}} in {{year}}, medical workers said."),
    };
    fill(&t, s)
}

/// A context sentence about the story's countries and a past year.
fn countries_of(s: &Story, rng: &mut Rng) -> String {
    // Background facts are the same in every article that mentions them: their year
    // comes from the countries' names, not from the story.
    let t = rng.pick(&[
        "{a} and {b} signed a trade agreement in {past}.",
        "{b} imposed sanctions on {a} in {past}, diplomats recalled.",
        "The military seized power in {b} in {past}.",
        "{a} opened an embassy in {bcap} in {past}.",
        "{b} withdrew 400 troops from the border in {past}.",
    ]);
    let sentence = fill(t, s);
    let key = sentence
        .bytes()
        .fold(17u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b)));
    let year = 1960 + (Rng(key).next() % 30) as i32;
    sentence.replace("{past}", &year.to_string())
}

fn headline(s: &Story, rng: &mut Rng) -> String {
    let t = rng.pick(&[
        "{a} sends troops to {b} as tension rises",
        "{adem} forces head for {b}",
        "{a} and {b} in diplomatic row",
        "{a} expels {bdem} diplomats",
    ]);
    fill(t, s)
}

/// One outlet's article about a story; `liar` marks the outlet that states the planted
/// contradiction.
fn article(s: &Story, outlet: &str, liar: bool, rng: &mut Rng) -> (String, String) {
    let title = headline(s, rng);
    let mut text = String::new();
    let _ = writeln!(text, "{title}\n\nBy staff reporters, {outlet}\n");
    let dateline = format!(
        "{}, {} {} —",
        s.a.capital.to_uppercase(),
        MONTHS[s.month],
        s.day
    );
    let troops = if liar && s.planted == Some(0) {
        s.troops * 2 + 700
    } else {
        s.troops
    };
    let diplomats = if liar && s.planted == Some(1) {
        s.diplomats + 9
    } else {
        s.diplomats
    };
    let mut paragraphs: Vec<String> =
        vec![format!("{dateline} {}", troop_sentence(s, troops, rng))];
    if rng.chance(70) || s.planted == Some(1) {
        paragraphs.push(diplomat_sentence(s, diplomats, rng));
    }
    if rng.chance(50) || s.planted == Some(2) {
        paragraphs.push(recall_sentence(s, liar && s.planted == Some(2), rng));
    }
    if rng.chance(40) {
        paragraphs.push(killed_sentence(s, rng));
    }
    // Background claims about other pairs of countries, as articles give context.
    for _ in 0..rng.below(3) {
        let c = &countries_of(s, rng);
        let at = rng.below(paragraphs.len() + 1);
        paragraphs.insert(at.max(1), c.clone());
    }
    for _ in 0..(3 + rng.below(5)) {
        let mut p = String::new();
        for k in 0..(2 + rng.below(3)) {
            if k > 0 {
                p.push(' ');
            }
            p.push_str(&fill(FILLER[rng.below(FILLER.len())], s));
        }
        let at = rng.below(paragraphs.len() + 1);
        paragraphs.insert(at.max(1), p);
    }
    for p in paragraphs {
        let _ = writeln!(text, "{p}\n");
    }
    (title, text)
}

/// Where the generated documents go.
enum Sink {
    Files {
        root: PathBuf,
        manifest: String,
        folder: usize,
    },
    Jsonl(BufWriter<fs::File>),
}

impl Sink {
    fn folder_name(n: usize) -> String {
        format!("part-{n:05}")
    }

    fn flush_manifest(&mut self) -> io::Result<()> {
        if let Sink::Files {
            root,
            manifest,
            folder,
        } = self
        {
            if !manifest.is_empty() {
                let dir = root.join(Self::folder_name(*folder));
                fs::write(dir.join("corpus.toml"), manifest.as_bytes())?;
                manifest.clear();
            }
        }
        Ok(())
    }

    fn write(&mut self, index: usize, doc: &Doc) -> io::Result<()> {
        match self {
            Sink::Files { .. } => {
                if index.is_multiple_of(DOCS_PER_FOLDER) {
                    self.flush_manifest()?;
                }
                let Sink::Files {
                    root,
                    manifest,
                    folder,
                } = self
                else {
                    return Ok(());
                };
                *folder = index / DOCS_PER_FOLDER;
                let dir = root.join(Self::folder_name(*folder));
                fs::create_dir_all(&dir)?;
                let name = format!("{index:07}.txt");
                fs::write(dir.join(&name), doc.text.as_bytes())?;
                let _ = writeln!(
                    manifest,
                    "[[document]]\npath = \"{name}\"\nsource = \"{}\"\npublished = \"{}\"\ntitle = \"{}\"\n",
                    doc.source, doc.published, doc.title
                );
                Ok(())
            }
            Sink::Jsonl(w) => {
                let line = serde_json::json!({
                    "id": format!("doc-{index:07}"),
                    "source": doc.source,
                    "published": doc.published,
                    "title": doc.title,
                    "text": doc.text,
                });
                writeln!(w, "{line}")
            }
        }
    }

    fn finish(mut self) -> io::Result<()> {
        self.flush_manifest()?;
        if let Sink::Jsonl(w) = &mut self {
            w.flush()?;
        }
        Ok(())
    }
}

/// One generated article.
pub struct Doc {
    pub source: String,
    /// `YYYY-MM-DD`.
    pub published: String,
    pub title: String,
    pub text: String,
}

/// What a run generated.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    pub documents: usize,
    pub bytes: u64,
    pub stories: usize,
    /// Stories in which one outlet states a contradicting fact.
    pub planted: usize,
}

/// Calls `each` with documents (in a fixed order for a seed) until `size` bytes of
/// article text have been produced.
pub fn for_each_doc(
    seed: u64,
    size: u64,
    mut each: impl FnMut(usize, Doc) -> io::Result<()>,
) -> io::Result<Stats> {
    let countries = countries();
    let outlets: Vec<String> = OUTLET_FIRST
        .iter()
        .flat_map(|a| OUTLET_SECOND.iter().map(move |b| format!("The {a} {b}")))
        .collect();
    let mut rng = Rng(seed);
    let mut stats = Stats::default();
    while stats.bytes < size && countries.len() >= 2 {
        let ai = rng.below(countries.len());
        let mut bi = rng.below(countries.len() - 1);
        if bi >= ai {
            bi += 1;
        }
        let story = Story {
            a: countries[ai].clone(),
            b: countries[bi].clone(),
            year: 1990 + rng.below(36) as i32,
            month: rng.below(12),
            day: 1 + rng.below(27),
            troops: 100 * (5 + rng.below(95) as u64),
            diplomats: 2 + rng.below(40) as u64,
            killed: 3 + rng.below(300) as u64,
            planted: if rng.chance(30) {
                Some(rng.below(3) as u8)
            } else {
                None
            },
        };
        stats.stories += 1;
        stats.planted += usize::from(story.planted.is_some());
        let covers = 3 + rng.below(5);
        let liar = rng.below(covers);
        let first = rng.below(outlets.len());
        for k in 0..covers {
            let outlet = &outlets[(first + k * 7) % outlets.len()];
            let (title, text) = article(&story, outlet, k == liar, &mut rng);
            let published = format!(
                "{}-{:02}-{:02}",
                story.year,
                story.month + 1,
                (story.day + rng.below(2)).min(28)
            );
            stats.bytes += text.len() as u64;
            let doc = Doc {
                source: outlet.clone(),
                published,
                title: title.replace('"', "'"),
                text,
            };
            each(stats.documents, doc)?;
            stats.documents += 1;
        }
    }
    Ok(stats)
}

/// Writes a corpus of about `size` bytes under `out`: `.txt` files in folders of
/// 1000 with a `corpus.toml` each, or one `corpus.jsonl`.
pub fn write_corpus(out: &Path, seed: u64, size: u64, jsonl: bool) -> io::Result<Stats> {
    fs::create_dir_all(out)?;
    let mut sink = if jsonl {
        Sink::Jsonl(BufWriter::new(fs::File::create(out.join("corpus.jsonl"))?))
    } else {
        Sink::Files {
            root: out.to_path_buf(),
            manifest: String::new(),
            folder: 0,
        }
    };
    let stats = for_each_doc(seed, size, |i, doc| sink.write(i, &doc))?;
    sink.finish()?;
    Ok(stats)
}

/// A size written as `10MB`, `1GB`, `500KB` or a number of bytes (powers of ten).
pub fn parse_size(text: &str) -> Option<u64> {
    let t = text.trim().to_ascii_uppercase();
    let (num, mult) = if let Some(n) = t.strip_suffix("GB") {
        (n, 1_000_000_000)
    } else if let Some(n) = t.strip_suffix("MB") {
        (n, 1_000_000)
    } else if let Some(n) = t.strip_suffix("KB") {
        (n, 1_000)
    } else {
        (t.as_str(), 1)
    };
    num.trim().parse::<u64>().ok().map(|n| n * mult)
}
