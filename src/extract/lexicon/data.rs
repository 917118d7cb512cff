//! The lexicon file format (TOML), the built-in files, reading extra files, and merging
//! them into one set of entries with positioned errors.

use super::LexiconError;
use crate::extract::model::{ActionClass, Scope};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// One lexicon file's text and the path it is reported under.
#[derive(Clone, Debug)]
pub struct Source {
    pub path: String,
    pub text: String,
}

/// The built-in lexicon files, embedded at compile time.
pub fn builtin_sources() -> Vec<Source> {
    const FILES: &[(&str, &str)] = &[
        (
            "rules/lexicon/countries.toml",
            include_str!("../../../rules/lexicon/countries.toml"),
        ),
        (
            "rules/lexicon/organisations.toml",
            include_str!("../../../rules/lexicon/organisations.toml"),
        ),
        (
            "rules/lexicon/regions.toml",
            include_str!("../../../rules/lexicon/regions.toml"),
        ),
        (
            "rules/lexicon/titles.toml",
            include_str!("../../../rules/lexicon/titles.toml"),
        ),
        (
            "rules/lexicon/people.toml",
            include_str!("../../../rules/lexicon/people.toml"),
        ),
        (
            "rules/lexicon/actions.toml",
            include_str!("../../../rules/lexicon/actions.toml"),
        ),
        (
            "rules/lexicon/cues.toml",
            include_str!("../../../rules/lexicon/cues.toml"),
        ),
    ];
    FILES
        .iter()
        .map(|(path, text)| Source {
            path: (*path).to_string(),
            text: (*text).to_string(),
        })
        .collect()
}

/// Every `*.toml` file directly in `dir` (sorted by name), or none when `dir` is absent.
pub fn read_extra_dir(dir: &Path) -> Result<Vec<Source>, LexiconError> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let io_error = |source| LexiconError::Io {
        path: dir.display().to_string(),
        source,
    };
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io_error)? {
        let path = entry.map_err(io_error)?.path();
        if path.extension().is_some_and(|e| e == "toml") && path.is_file() {
            paths.push(path);
        }
    }
    paths.sort();
    let mut sources = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).map_err(|source| LexiconError::Io {
            path: path.display().to_string(),
            source,
        })?;
        let source = Source {
            path: path.display().to_string(),
            text,
        };
        if owns_file(&source)? {
            sources.push(source);
        }
    }
    Ok(sources)
}

/// The top-level tables a lexicon file may hold.
const KNOWN_KEYS: &[&str] = &[
    "country",
    "organisation",
    "armed_group",
    "region",
    "institution",
    "person",
    "titles",
    "government_nouns",
    "government_prefixes",
    "foreign_posts",
    "action",
    "irregular",
    "scope_modifiers",
    "action_scope_modifiers",
    "object_scope",
    "negation",
    "modality",
    "hedge",
    "attribution",
    "exact_case",
    "not_entities",
    "not_actions",
];

/// The top-level tables of the other lexicon files of `rules/lexicon/` (units, quantity
/// words, themes, initiative cues, action families), which this loader leaves alone.
const OTHER_LOADERS_KEYS: &[&str] = &[
    "currency",
    "unit",
    "measurements",
    "approx",
    "at_most",
    "at_least",
    "up",
    "down",
    "particle_verbs",
    "score_words",
    "vague",
    "domains",
    "theme",
    "causative",
    "volitional",
    "family",
    "antonym",
    "converse",
    "level_change",
];

/// Whether a file is this lexicon's: it holds at least one known table. Files of other
/// loaders (units) hold none and are skipped; a file mixing known and unknown tables is
/// then rejected by the typed parse. A table no lexicon file has (`[[contry]]`) is an
/// error at its name, so that a misspelled file is never skipped silently.
fn owns_file(source: &Source) -> Result<bool, LexiconError> {
    let table: BTreeMap<toml::Spanned<String>, serde::de::IgnoredAny> =
        toml::from_str(&source.text).map_err(|e| toml_error(source, &e))?;
    let known = |k: &str| KNOWN_KEYS.contains(&k);
    if let Some(unknown) = table
        .keys()
        .filter(|k| !known(k.get_ref()) && !OTHER_LOADERS_KEYS.contains(&k.get_ref().as_str()))
        .min_by_key(|k| k.span().start)
    {
        let (line, column) = line_column(&source.text, unknown.span().start);
        return Err(LexiconError::Syntax {
            path: source.path.clone(),
            line,
            column,
            message: format!(
                "unknown table `{}`, expected one of {}",
                unknown.get_ref(),
                KNOWN_KEYS
                    .iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        });
    }
    Ok(table.keys().any(|k| known(k.get_ref())))
}

/// A country or territory.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountryEntry {
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub demonyms: Vec<String>,
    /// Capitals (and seats of government) used for the government.
    #[serde(default)]
    pub capital: Vec<String>,
    /// Combining prefixes ("Franco-", "Sino-").
    #[serde(default)]
    pub prefixes: Vec<String>,
    /// The name is also a common word or another place.
    #[serde(default)]
    pub ambiguous: bool,
    /// Aliases that are also common words or other places.
    #[serde(default)]
    pub ambiguous_aliases: Vec<String>,
    /// Capitals that are also other places or names ("Washington").
    #[serde(default)]
    pub ambiguous_capital: Vec<String>,
}

/// An international organisation or armed group.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrgEntry {
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Adjectives and member nouns ("Houthi", "Taliban fighters" is the name).
    #[serde(default)]
    pub demonyms: Vec<String>,
    /// Aliases that are also common words or other things ("RSF", "IS").
    #[serde(default)]
    pub ambiguous_aliases: Vec<String>,
}

/// A leader or official, standing for an entity.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonEntry {
    /// Canonical name of the country or organisation the person speaks for.
    pub entity: String,
    pub role: String,
    /// The surname used alone ("Macron"); omit when it is a common name.
    #[serde(default)]
    pub surname: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A canonical action and the words that express it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionEntry {
    pub name: String,
    pub class: ActionClass,
    #[serde(default)]
    pub scope: Option<Scope>,
    /// "CAMEO:161" or "PLOVER:RETREAT".
    #[serde(default)]
    pub code: Option<String>,
    /// Verb lemmas, possibly multi-word ("pull out"): the first word is inflected.
    #[serde(default)]
    pub verbs: Vec<String>,
    /// Lemmas matched only in their past, participle and -ing forms ("stationed").
    #[serde(default)]
    pub verbs_inflected: Vec<String>,
    /// Nominalizations ("withdrawal"): plurals are generated.
    #[serde(default)]
    pub nouns: Vec<String>,
    /// Verb lemmas that make the action partial ("scale back") or full.
    #[serde(default)]
    pub partial_verbs: Vec<String>,
    #[serde(default)]
    pub partial_nouns: Vec<String>,
    #[serde(default)]
    pub full_verbs: Vec<String>,
    #[serde(default)]
    pub full_nouns: Vec<String>,
}

/// Modifiers that set the scope of the action or object they precede.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScopeModifiers {
    #[serde(default)]
    pub partial: Vec<String>,
    #[serde(default)]
    pub full: Vec<String>,
}

/// One lexicon file, every table optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LexiconFile {
    #[serde(default)]
    pub country: BTreeMap<String, CountryEntry>,
    #[serde(default)]
    pub organisation: BTreeMap<String, OrgEntry>,
    #[serde(default)]
    pub armed_group: BTreeMap<String, OrgEntry>,
    /// Continents, world regions and disputed or subnational areas (kind "other").
    #[serde(default)]
    pub region: BTreeMap<String, OrgEntry>,
    /// Seats of government standing for a country ("Kremlin" = "Russia").
    #[serde(default)]
    pub institution: BTreeMap<String, String>,
    #[serde(default)]
    pub person: BTreeMap<String, PersonEntry>,
    #[serde(default)]
    pub titles: Vec<String>,
    /// Nouns after a country making it its government ("government", "junta").
    #[serde(default)]
    pub government_nouns: Vec<String>,
    /// Words before a country making it its government ("government of").
    #[serde(default)]
    pub government_prefixes: Vec<String>,
    /// Government nouns naming a post abroad ("embassy"): after a bare country name they
    /// may belong to any country, so only a demonym or possessive folds them in.
    #[serde(default)]
    pub foreign_posts: Vec<String>,
    #[serde(default)]
    pub action: Vec<ActionEntry>,
    /// Irregular verbs: lemma = [past, participle].
    #[serde(default)]
    pub irregular: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub scope_modifiers: ScopeModifiers,
    /// Adjectives and adverbs that set the scope of the action they precede.
    #[serde(default)]
    pub action_scope_modifiers: ScopeModifiers,
    /// Object nouns that set an action's scope ("ambassador" = "full").
    #[serde(default)]
    pub object_scope: BTreeMap<String, Scope>,
    #[serde(default)]
    pub negation: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub modality: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub hedge: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub attribution: BTreeMap<String, Vec<String>>,
    /// Cue forms matched only in the case written ("may", not the month "May").
    #[serde(default)]
    pub exact_case: Vec<String>,
    /// Phrases that contain an entity's name but do not name it ("Indian Ocean").
    #[serde(default)]
    pub not_entities: Vec<String>,
    /// Phrases that contain an action's word but are no action ("declined to": a cue).
    #[serde(default)]
    pub not_actions: Vec<String>,
}

/// A country, organisation or armed group with every surface that names it.
#[derive(Debug)]
pub struct EntityDef {
    pub name: String,
    pub kind: crate::extract::model::EntityKind,
    pub aliases: Vec<String>,
    pub demonyms: Vec<String>,
    pub capitals: Vec<String>,
    pub prefixes: Vec<String>,
    pub ambiguous: bool,
    pub ambiguous_aliases: Vec<String>,
    pub ambiguous_capitals: Vec<String>,
}

/// A person with the entity they stand for.
#[derive(Debug)]
pub struct PersonDef {
    pub name: String,
    pub entity: String,
    pub role: String,
    pub surname: Option<String>,
    pub aliases: Vec<String>,
}

/// The cue tables.
#[derive(Debug, Default)]
pub struct CueDefs {
    /// (kind, canonical, forms) in file order.
    pub entries: Vec<(super::CueKind, String, Vec<String>)>,
    pub exact_case: Vec<String>,
}

/// All files merged: later files add aliases to entries of the same name and add entries.
#[derive(Debug, Default)]
pub struct Merged {
    pub entities: Vec<EntityDef>,
    pub institutions: Vec<(String, String)>,
    pub people: Vec<PersonDef>,
    pub titles: Vec<String>,
    pub government_nouns: Vec<String>,
    pub government_prefixes: Vec<String>,
    pub foreign_posts: Vec<String>,
    pub actions: Vec<ActionEntry>,
    pub irregular: HashMap<String, [String; 2]>,
    pub scope_modifiers: ScopeModifiers,
    pub action_scope_modifiers: ScopeModifiers,
    pub object_scope: HashMap<String, Scope>,
    pub cues: CueDefs,
    pub not_entities: Vec<String>,
    pub not_actions: Vec<String>,
}

impl Merged {
    /// Parses and merges `sources` in order, then checks cross-references.
    pub fn from_sources(sources: &[Source]) -> Result<Merged, LexiconError> {
        let mut merged = Merged::default();
        for source in sources {
            let file: LexiconFile =
                toml::from_str(&source.text).map_err(|e| toml_error(source, &e))?;
            reject_empty_patterns(source)?;
            merged.add(source, file)?;
        }
        Ok(merged)
    }

    fn add(&mut self, source: &Source, file: LexiconFile) -> Result<(), LexiconError> {
        use crate::extract::model::EntityKind;
        for (name, c) in file.country {
            let extra = CountryExtra {
                capitals: c.capital,
                ambiguous_capitals: c.ambiguous_capital,
                prefixes: c.prefixes,
                ambiguous: c.ambiguous,
            };
            let entry = OrgEntry {
                aliases: c.aliases,
                demonyms: c.demonyms,
                ambiguous_aliases: c.ambiguous_aliases,
            };
            self.add_entity(source, EntityKind::Country, name, entry, extra)?;
        }
        for (kind, table) in [
            (EntityKind::Organisation, file.organisation),
            (EntityKind::ArmedGroup, file.armed_group),
            (EntityKind::Other, file.region),
        ] {
            for (name, entry) in table {
                self.add_entity(source, kind, name, entry, CountryExtra::default())?;
            }
        }
        for (surface, entity) in file.institution {
            self.institutions.push((surface, entity));
        }
        for (name, p) in file.person {
            self.people.push(PersonDef {
                name,
                entity: p.entity,
                role: p.role,
                surname: p.surname,
                aliases: p.aliases,
            });
        }
        self.titles.extend(file.titles);
        self.government_nouns.extend(file.government_nouns);
        self.government_prefixes.extend(file.government_prefixes);
        self.foreign_posts.extend(file.foreign_posts);
        for action in file.action {
            if let Some(code) = &action.code {
                if !code_is_well_formed(code) {
                    return Err(located(source, code, format!("malformed action code {code:?}: expected CAMEO:<2-4 digits> or PLOVER:<EVENT>")));
                }
            }
            if let Some(existing) = self.actions.iter_mut().find(|a| a.name == action.name) {
                if existing.class != action.class {
                    return Err(located(
                        source,
                        &action.name,
                        format!("action {:?} redefined with another class", action.name),
                    ));
                }
                existing.verbs.extend(action.verbs);
                existing.verbs_inflected.extend(action.verbs_inflected);
                existing.nouns.extend(action.nouns);
                existing.partial_verbs.extend(action.partial_verbs);
                existing.partial_nouns.extend(action.partial_nouns);
                existing.full_verbs.extend(action.full_verbs);
                existing.full_nouns.extend(action.full_nouns);
            } else {
                self.actions.push(action);
            }
        }
        for (lemma, forms) in file.irregular {
            match <[String; 2]>::try_from(forms) {
                Ok(forms) => {
                    self.irregular.insert(lemma, forms);
                }
                Err(_) => {
                    let message = format!("irregular verb {lemma:?}: expected [past, participle]");
                    return Err(located(source, &format!("\n{lemma} ="), message));
                }
            }
        }
        self.scope_modifiers
            .partial
            .extend(file.scope_modifiers.partial);
        self.scope_modifiers.full.extend(file.scope_modifiers.full);
        self.action_scope_modifiers
            .partial
            .extend(file.action_scope_modifiers.partial);
        self.action_scope_modifiers
            .full
            .extend(file.action_scope_modifiers.full);
        self.object_scope.extend(
            file.object_scope
                .into_iter()
                .map(|(k, v)| (k.to_lowercase(), v)),
        );
        use super::CueKind;
        for (kind, table) in [
            (CueKind::Negation, file.negation),
            (CueKind::Modality, file.modality),
            (CueKind::Hedge, file.hedge),
            (CueKind::Attribution, file.attribution),
        ] {
            for (canonical, forms) in table {
                self.cues.entries.push((kind, canonical, forms));
            }
        }
        self.cues.exact_case.extend(file.exact_case);
        self.not_entities.extend(file.not_entities);
        self.not_actions.extend(file.not_actions);
        self.check_references(source)
    }

    fn add_entity(
        &mut self,
        source: &Source,
        kind: crate::extract::model::EntityKind,
        name: String,
        entry: OrgEntry,
        extra: CountryExtra,
    ) -> Result<(), LexiconError> {
        if let Some(existing) = self.entities.iter_mut().find(|e| e.name == name) {
            if existing.kind != kind {
                return Err(located(
                    source,
                    &name,
                    format!("{name:?} is already defined as another kind of entity"),
                ));
            }
            existing.aliases.extend(entry.aliases);
            existing.demonyms.extend(entry.demonyms);
            existing.capitals.extend(extra.capitals);
            existing.ambiguous_capitals.extend(extra.ambiguous_capitals);
            existing.prefixes.extend(extra.prefixes);
            existing.ambiguous_aliases.extend(entry.ambiguous_aliases);
            existing.ambiguous |= extra.ambiguous;
            return Ok(());
        }
        self.entities.push(EntityDef {
            name,
            kind,
            aliases: entry.aliases,
            demonyms: entry.demonyms,
            capitals: extra.capitals,
            ambiguous_capitals: extra.ambiguous_capitals,
            prefixes: extra.prefixes,
            ambiguous: extra.ambiguous,
            ambiguous_aliases: entry.ambiguous_aliases,
        });
        Ok(())
    }

    /// People and institutions must name a known entity.
    fn check_references(&self, source: &Source) -> Result<(), LexiconError> {
        let known = |name: &str| self.entities.iter().any(|e| e.name == name);
        for p in &self.people {
            if !known(&p.entity) {
                return Err(located(
                    source,
                    &p.entity,
                    format!("person {:?}: unknown entity {:?}", p.name, p.entity),
                ));
            }
        }
        for (surface, entity) in &self.institutions {
            if !known(entity) {
                return Err(located(
                    source,
                    entity,
                    format!("institution {surface:?}: unknown entity {entity:?}"),
                ));
            }
        }
        Ok(())
    }
}

/// The fields only countries have.
#[derive(Debug, Default)]
struct CountryExtra {
    capitals: Vec<String>,
    ambiguous_capitals: Vec<String>,
    prefixes: Vec<String>,
    ambiguous: bool,
}

/// `CAMEO:` and two to four digits, or `PLOVER:` and an upper-case event type.
pub fn code_is_well_formed(code: &str) -> bool {
    if let Some(digits) = code.strip_prefix("CAMEO:") {
        return (2..=4).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
    }
    if let Some(event) = code.strip_prefix("PLOVER:") {
        return !event.is_empty() && event.bytes().all(|b| b.is_ascii_uppercase() || b == b'_');
    }
    false
}

/// A TOML error with its line and column.
fn toml_error(source: &Source, e: &toml::de::Error) -> LexiconError {
    let (line, column) = e
        .span()
        .map(|span| line_column(&source.text, span.start))
        .unwrap_or((1, 1));
    LexiconError::Syntax {
        path: source.path.clone(),
        line,
        column,
        message: e.message().trim().to_string(),
    }
}

/// An error placed at the first occurrence of `needle` in the file (1:1 if absent).
/// An empty or blank string anywhere in a lexicon file would match everywhere or nowhere:
/// it is an error at its position.
fn reject_empty_patterns(source: &Source) -> Result<(), LexiconError> {
    fn has_blank(value: &toml::Value) -> bool {
        match value {
            toml::Value::String(s) => s.trim().is_empty(),
            toml::Value::Array(a) => a.iter().any(has_blank),
            toml::Value::Table(t) => t.iter().any(|(k, v)| k.trim().is_empty() || has_blank(v)),
            _ => false,
        }
    }
    let table: toml::Table = toml::from_str(&source.text).map_err(|e| toml_error(source, &e))?;
    if table.iter().any(|(_, v)| has_blank(v)) {
        let needle = if source.text.contains("\"\"") {
            "\"\""
        } else {
            "\" \""
        };
        return Err(located(
            source,
            needle,
            "an empty name or pattern matches nothing: remove it".into(),
        ));
    }
    Ok(())
}

fn located(source: &Source, needle: &str, message: String) -> LexiconError {
    let (line, column) = source
        .text
        .find(needle)
        .map(|at| {
            line_column(
                &source.text,
                at + (needle.len() - needle.trim_start().len()),
            )
        })
        .unwrap_or((1, 1));
    LexiconError::Syntax {
        path: source.path.clone(),
        line,
        column,
        message,
    }
}

pub use crate::corpus::span::line_col_in as line_column;
