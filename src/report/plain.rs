//! Slot labels in plain English for people (the HTML report): "the withdraw by Tanzania
//! (diplomatic) (Mozambique)" reads "Tanzania's diplomatic withdrawal concerning
//! Mozambique". Made from the slot's key (its JSON, as findings carry it); a label whose
//! key cannot be read is shown as it is.

use serde::Deserialize;

/// The parts of a slot key (`link::SlotKey` as JSON).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Key {
    facet: String,
    family: String,
    actor: String,
    kind: String,
    location: String,
    period: String,
}

/// The plain-English title of a slot, from its key; `label` when the key is not one.
pub fn slot_title(label: &str, key: &str) -> String {
    let Ok(k) = serde_json::from_str::<Key>(key) else {
        return label.to_string();
    };
    // Slots linked by meaning name no actor or place; their family is the predicate and
    // their kind the head noun.
    let by_meaning = k.actor.is_empty() && k.location.is_empty();
    let title = match k.facet.as_str() {
        "quantity" => quantity(&k, by_meaning && label.starts_with("the number or amount")),
        "duration" => duration(&k, by_meaning && label.starts_with("how long:")),
        "date" => date(&k),
        "statement" => statement(&k),
        "event" => event(&k),
        _ => String::new(),
    };
    if title.trim().is_empty() {
        label.to_string()
    } else {
        title
    }
}

fn possessive(actor: &str) -> String {
    if actor.is_empty() {
        String::new()
    } else if actor.ends_with('s') {
        format!("{actor}' ")
    } else {
        format!("{actor}'s ")
    }
}

/// Families named by a noun rather than a verb (`rules/lexicon/families.toml`): they are
/// not inflected ("casualties" is never "casualtiesed"), with the words that stand for
/// their participle in "the number of people ...".
const NOUN_FAMILIES: &[(&str, &str)] = &[
    ("casualties", "killed"),
    ("presence", "deployed"),
    ("coup", "in the coup"),
];

/// Whether a family is named by a noun ([`NOUN_FAMILIES`]).
fn noun_family(family: &str) -> bool {
    NOUN_FAMILIES.iter().any(|(f, _)| *f == family)
}

/// What was done to the things counted: the family's participle ("killed", "withdrawn"),
/// or for a family named by a noun, its stand-in.
fn counted_as(family: &str) -> String {
    match NOUN_FAMILIES.iter().find(|(f, _)| *f == family) {
        Some((_, words)) => words.to_string(),
        None => participle(family),
    }
}

fn quantity(k: &Key, by_meaning: bool) -> String {
    let counted = if by_meaning {
        plural(&k.kind)
    } else {
        k.kind.clone()
    };
    let bare = k.family.is_empty() || k.family == "count" || k.family == k.kind;
    if by_meaning && bare {
        return format!("the figure given for {}", k.kind);
    }
    let mut out = format!("the number of {}{counted}", possessive(&k.actor));
    if !k.family.is_empty() && k.family != "count" && k.family != k.kind {
        out.push(' ');
        out.push_str(&counted_as(&k.family));
    }
    if !k.location.is_empty() {
        out.push_str(&format!(" in {}", k.location));
    }
    if !k.period.is_empty() {
        out.push_str(&format!(" in {}", k.period));
    }
    out
}

fn duration(k: &Key, by_meaning: bool) -> String {
    if noun_family(&k.family) {
        return format!(
            "how long {}{} lasted",
            the_or(&k.actor),
            kind_and(&k.kind, &k.family)
        );
    }
    if by_meaning && !k.family.is_empty() && k.family != k.kind {
        return format!("how long the {} {}", k.kind, past(&k.family));
    }
    let mut out = format!("how long {}{} lasted", the_or(&k.actor), k.kind);
    if !k.location.is_empty() {
        out.push_str(&format!(" in {}", k.location));
    }
    out
}

/// "Tanzania's " for an actor, else "the ".
fn the_or(actor: &str) -> String {
    if actor.is_empty() {
        "the ".to_string()
    } else {
        possessive(actor)
    }
}

/// "military presence": a kind before its family's noun, or the noun alone.
fn kind_and(kind: &str, noun: &str) -> String {
    if kind.is_empty() || kind == noun {
        noun.to_string()
    } else {
        format!("{kind} {noun}")
    }
}

fn date(k: &Key) -> String {
    if noun_family(&k.family) {
        return format!("the date of the {}", kind_and(&k.kind, &k.family));
    }
    if k.family.is_empty() || k.family == k.kind {
        // The head is a noun ("election") or the event's verb ("close": its closure).
        let noun = known_noun(&k.kind).unwrap_or_else(|| k.kind.clone());
        format!("the date of the {noun}")
    } else {
        format!("when the {} was {}", k.kind, participle(&k.family))
    }
}

fn statement(k: &Key) -> String {
    if noun_family(&k.family) {
        let what = kind_and(&k.kind, &k.family);
        return if k.family.ends_with('s') {
            format!("whether there were {what}")
        } else {
            format!("whether there was a {what}")
        };
    }
    let verb = past(&k.family);
    if k.kind.is_empty() || k.kind == k.family {
        format!("whether it {verb}")
    } else {
        format!("whether the {} {verb}", k.kind)
    }
}

fn event(k: &Key) -> String {
    let noun = event_noun(&k.family);
    let kind = if k.kind.is_empty() {
        String::new()
    } else {
        format!("{} ", k.kind)
    };
    if k.actor.is_empty() {
        let mut out = format!("the {kind}{noun}");
        if !k.location.is_empty() {
            out.push_str(&format!(" of {}", k.location));
        }
        out
    } else {
        let mut out = format!("{}{kind}{noun}", possessive(&k.actor));
        if !k.location.is_empty() {
            out.push_str(&format!(" concerning {}", k.location));
        }
        out
    }
}

/// The noun of an event family: "withdrawal", "signing"; else the verb's "-ing" form.
fn event_noun(family: &str) -> String {
    known_noun(family).unwrap_or_else(|| gerund(family))
}

/// The noun of a verb the table knows.
fn known_noun(family: &str) -> Option<String> {
    const NOUNS: &[(&str, &str)] = &[
        ("withdraw", "withdrawal"),
        ("presence", "presence"),
        ("expel", "expulsion"),
        ("coup", "coup"),
        ("appoint", "appointment"),
        ("casualties", "casualties"),
        ("detain", "detention"),
        ("hit", "strike"),
        ("hold election", "election"),
        ("invade", "invasion"),
        ("resign", "resignation"),
        ("sever", "severing of ties"),
        ("sign", "signing"),
        ("close", "closure"),
        ("deploy", "deployment"),
        ("recall", "recall"),
        ("arrest", "arrest"),
        ("attack", "attack"),
        ("kill", "killing"),
        ("suspend", "suspension"),
        ("evacuate", "evacuation"),
        ("elect", "election"),
        ("announce", "announcement"),
        ("approve", "approval"),
        ("reject", "rejection"),
        ("release", "release"),
        ("seize", "seizure"),
        ("destroy", "destruction"),
        ("open", "opening"),
        ("ban", "ban"),
        ("launch", "launch"),
        ("accuse", "accusation"),
        ("deny", "denial"),
        ("warn", "warning"),
        ("threaten", "threat"),
        ("condemn", "condemnation"),
        ("criticize", "criticism"),
        ("reinforce", "reinforcement"),
        ("leave", "departure"),
        ("arrive", "arrival"),
        ("agree", "agreement"),
        ("negotiate", "negotiation"),
        ("meet", "meeting"),
        ("sanction", "sanctions"),
        ("bomb", "bombing"),
        ("order", "order"),
        ("fire", "firing"),
        ("patrol", "patrols"),
        ("protest", "protest"),
        ("raid", "raid"),
        ("visit", "visit"),
        ("support", "support"),
        ("die", "deaths"),
        ("injure", "injuries"),
        ("damage", "damage"),
        ("rescue", "rescue"),
    ];
    NOUNS
        .iter()
        .find(|(f, _)| *f == family)
        .map(|(_, n)| n.to_string())
}

/// Irregular verbs of the news: (lemma, past, participle).
const IRREGULAR: &[(&str, &str, &str)] = &[
    ("withdraw", "withdrew", "withdrawn"),
    ("send", "sent", "sent"),
    ("hold", "held", "held"),
    ("take", "took", "taken"),
    ("begin", "began", "begun"),
    ("leave", "left", "left"),
    ("fall", "fell", "fallen"),
    ("rise", "rose", "risen"),
    ("meet", "met", "met"),
    ("win", "won", "won"),
    ("lose", "lost", "lost"),
    ("give", "gave", "given"),
    ("strike", "struck", "struck"),
    ("shoot", "shot", "shot"),
    ("flee", "fled", "fled"),
    ("break", "broke", "broken"),
    ("sell", "sold", "sold"),
    ("buy", "bought", "bought"),
    ("pay", "paid", "paid"),
    ("build", "built", "built"),
    ("cut", "cut", "cut"),
    ("put", "put", "put"),
    ("set", "set", "set"),
    ("hit", "hit", "hit"),
    ("spend", "spent", "spent"),
    ("bring", "brought", "brought"),
    ("catch", "caught", "caught"),
    ("fight", "fought", "fought"),
    ("find", "found", "found"),
    ("go", "went", "gone"),
    ("come", "came", "come"),
    ("say", "said", "said"),
    ("tell", "told", "told"),
    ("make", "made", "made"),
    ("run", "ran", "run"),
    ("see", "saw", "seen"),
    ("write", "wrote", "written"),
    ("drive", "drove", "driven"),
    ("steal", "stole", "stolen"),
    ("choose", "chose", "chosen"),
    ("grow", "grew", "grown"),
    ("know", "knew", "known"),
    ("throw", "threw", "thrown"),
    ("keep", "kept", "kept"),
    ("lead", "led", "led"),
    ("hurt", "hurt", "hurt"),
    ("sink", "sank", "sunk"),
    ("freeze", "froze", "frozen"),
    ("be", "was", "been"),
    ("have", "had", "had"),
    ("do", "did", "done"),
];

/// The past tense of a verb (of a phrase, its first word): "withdrew", "closed".
pub fn past(verb: &str) -> String {
    inflect(verb, |head| {
        IRREGULAR
            .iter()
            .find(|(l, _, _)| *l == head)
            .map_or_else(|| regular_past(head), |(_, p, _)| p.to_string())
    })
}

/// The past participle of a verb (of a phrase, its first word): "withdrawn", "signed".
pub fn participle(verb: &str) -> String {
    inflect(verb, |head| {
        IRREGULAR
            .iter()
            .find(|(l, _, _)| *l == head)
            .map_or_else(|| regular_past(head), |(_, _, p)| p.to_string())
    })
}

/// The "-ing" form of a verb (of a phrase, its first word): "closing", "signing".
pub fn gerund(verb: &str) -> String {
    inflect(verb, |head| {
        if let Some(stem) = head.strip_suffix("ie") {
            format!("{stem}ying")
        } else if head.ends_with('e') && !head.ends_with("ee") && head.len() > 2 {
            format!("{}ing", &head[..head.len() - 1])
        } else if doubles(head) || doubles_l(head) {
            format!("{head}{}ing", &head[head.len() - 1..])
        } else {
            format!("{head}ing")
        }
    })
}

/// Applies `f` to the first word of a phrase, keeping the rest.
fn inflect(verb: &str, f: impl Fn(&str) -> String) -> String {
    match verb.split_once(' ') {
        Some((head, rest)) => format!("{} {rest}", f(head)),
        None if verb.is_empty() => String::new(),
        None => f(verb),
    }
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// Longer verbs of the news stressed on their last syllable, which double their last
/// letter ("admitted", "occurred") where "visited" and "offered" do not.
const STRESSED_LAST: &[&str] = &[
    "admit", "commit", "permit", "submit", "omit", "emit", "transmit", "occur", "recur", "incur",
    "prefer", "refer", "confer", "defer", "deter", "transfer", "infer", "regret", "equip",
    "forbid", "abet", "embed", "acquit", "outfit", "upset", "compel", "expel", "propel", "dispel",
    "repel", "rebel", "control", "patrol", "extol",
];

/// A short verb ending consonant-vowel-consonant doubles its last letter ("stop",
/// "ban"); longer ones only when stressed on their last syllable ([`STRESSED_LAST`]),
/// a guess that "visit" needs.
fn doubles(head: &str) -> bool {
    if STRESSED_LAST.contains(&head) {
        return true;
    }
    let cs: Vec<char> = head.chars().collect();
    let n = cs.len();
    (3..=4).contains(&n)
        && !is_vowel(cs[n - 1])
        && !matches!(cs[n - 1], 'w' | 'x' | 'y')
        && is_vowel(cs[n - 2])
        && !is_vowel(cs[n - 3])
}

/// A verb ending in one vowel and `l` doubles it (British spelling, as the articles
/// read): "patrolled", "cancelled".
fn doubles_l(head: &str) -> bool {
    let cs: Vec<char> = head.chars().collect();
    let n = cs.len();
    n >= 4 && cs[n - 1] == 'l' && is_vowel(cs[n - 2]) && !is_vowel(cs[n - 3])
}

fn regular_past(head: &str) -> String {
    if head.ends_with('e') {
        format!("{head}d")
    } else if head.ends_with('y')
        && !head.ends_with("ay")
        && !head.ends_with("ey")
        && !head.ends_with("oy")
    {
        format!("{}ied", &head[..head.len() - 1])
    } else if doubles(head) || doubles_l(head) {
        format!("{head}{}ed", &head[head.len() - 1..])
    } else {
        format!("{head}ed")
    }
}

/// The plural of a noun (of a phrase, its last word): "workers", "casualties".
pub fn plural(noun: &str) -> String {
    let (rest, last) = match noun.rsplit_once(' ') {
        Some((r, l)) => (format!("{r} "), l),
        None => (String::new(), noun),
    };
    const SAME: &[&str] = &[
        "people",
        "personnel",
        "staff",
        "police",
        "troops",
        "sheep",
        "fish",
        "aircraft",
        "percent",
        "dollars",
        "money",
    ];
    let p = if last.is_empty() || SAME.contains(&last) {
        last.to_string()
    } else if last == "person" {
        "people".to_string()
    } else if last == "child" {
        "children".to_string()
    } else if last.ends_with('s') && !last.ends_with("ss") {
        // Already plural ("workers", "casualties").
        last.to_string()
    } else if ["ss", "x", "ch", "sh"].iter().any(|e| last.ends_with(e)) {
        format!("{last}es")
    } else if last.ends_with('y') && !["ay", "ey", "oy"].iter().any(|e| last.ends_with(e)) {
        format!("{}ies", &last[..last.len() - 1])
    } else {
        format!("{last}s")
    };
    format!("{rest}{p}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(facet: &str, family: &str, actor: &str, kind: &str, location: &str) -> String {
        serde_json::json!({"facet": facet, "family": family, "actor": actor, "kind": kind,
            "location": location, "period": ""})
        .to_string()
    }

    #[test]
    fn event_slots_read_as_english() {
        let t = |k: String| slot_title("label", &k);
        assert_eq!(
            t(key(
                "event",
                "withdraw",
                "Tanzania",
                "diplomatic",
                "Mozambique"
            )),
            "Tanzania's diplomatic withdrawal concerning Mozambique"
        );
        assert_eq!(
            t(key("event", "sign", "", "", "Rovuma maritime accord")),
            "the signing of Rovuma maritime accord"
        );
        assert_eq!(
            t(key("event", "close", "", "", "Mtwara")),
            "the closure of Mtwara"
        );
        assert_eq!(t(key("event", "blockade", "", "", "")), "the blockading");
    }

    #[test]
    fn value_slots_read_as_english() {
        let meaning = |facet, family, kind| key(facet, family, "", kind, "");
        assert_eq!(
            slot_title(
                "the number or amount of worker (kill)",
                &meaning("quantity", "kill", "worker")
            ),
            "the number of workers killed"
        );
        assert_eq!(
            slot_title(
                "the number of Tanzania's military personnel",
                &key("quantity", "count", "Tanzania", "military personnel", "")
            ),
            "the number of Tanzania's military personnel"
        );
        assert_eq!(
            slot_title("when: sign (accord)", &meaning("date", "sign", "accord")),
            "when the accord was signed"
        );
        assert_eq!(
            slot_title("when: election", &meaning("date", "election", "election")),
            "the date of the election"
        );
        assert_eq!(
            slot_title("when: close", &meaning("date", "close", "close")),
            "the date of the closure"
        );
        assert_eq!(
            slot_title(
                "the number or amount of magnitude",
                &meaning("quantity", "", "magnitude")
            ),
            "the figure given for magnitude"
        );
        assert_eq!(
            slot_title("\"close\"", &meaning("statement", "close", "port")),
            "whether the port closed"
        );
        assert_eq!(
            slot_title(
                "how long: mission (run)",
                &meaning("duration", "run", "mission")
            ),
            "how long the mission ran"
        );
    }

    #[test]
    fn families_named_by_a_noun_are_not_inflected() {
        let meaning = |facet, family, kind| key(facet, family, "", kind, "");
        assert_eq!(
            slot_title(
                "the number of people (casualties) in Somalia",
                &key("quantity", "casualties", "", "people", "Somalia")
            ),
            "the number of people killed in Somalia"
        );
        assert_eq!(
            slot_title(
                "the number of Kenya's troops (presence)",
                &key("quantity", "presence", "Kenya", "troops", "")
            ),
            "the number of Kenya's troops deployed"
        );
        assert_eq!(
            slot_title("when: coup", &meaning("date", "coup", "army")),
            "the date of the army coup"
        );
        assert_eq!(
            slot_title("\"casualties\"", &meaning("statement", "casualties", "")),
            "whether there were casualties"
        );
        assert_eq!(
            slot_title("\"coup\"", &meaning("statement", "coup", "coup")),
            "whether there was a coup"
        );
        assert_eq!(
            slot_title(
                "how long: presence (military)",
                &meaning("duration", "presence", "military")
            ),
            "how long the military presence lasted"
        );
        for (facet, family) in [
            ("quantity", "casualties"),
            ("quantity", "presence"),
            ("date", "presence"),
            ("statement", "presence"),
            ("duration", "casualties"),
        ] {
            let title = slot_title("label", &meaning(facet, family, "people"));
            assert!(!title.contains(&format!("{family}d")), "{title}");
            assert!(!title.contains(&format!("{family}ed")), "{title}");
        }
    }

    #[test]
    fn an_unreadable_key_leaves_the_label() {
        assert_eq!(
            slot_title("troops in Mali", "troops-in-mali"),
            "troops in Mali"
        );
    }

    #[test]
    fn inflections() {
        assert_eq!(past("stop"), "stopped");
        assert_eq!(past("carry"), "carried");
        assert_eq!(past("patrol"), "patrolled");
        assert_eq!(past("fail"), "failed");
        assert_eq!(past("admit"), "admitted");
        assert_eq!(participle("occur"), "occurred");
        assert_eq!(past("visit"), "visited");
        assert_eq!(past("offer"), "offered");
        assert_eq!(gerund("transfer"), "transferring");
        assert_eq!(past("expel"), "expelled");
        assert_eq!(participle("pull out"), "pulled out");
        assert_eq!(gerund("close"), "closing");
        assert_eq!(gerund("ban"), "banning");
        assert_eq!(plural("casualty"), "casualties");
        assert_eq!(plural("boat"), "boats");
        assert_eq!(plural("house"), "houses");
        assert_eq!(plural("church"), "churches");
        assert_eq!(plural("person"), "people");
    }
}
