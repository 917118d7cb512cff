//! English inflection for lexicon entries: verb forms from a lemma (irregulars from data)
//! and noun plurals. Spelling rules may also yield a form English never writes
//! ("visitted"); such forms never match and do no harm.

use super::VerbForm;
use std::collections::HashMap;

/// Every form of a verb lemma; for a phrase ("pull out") the first word is inflected.
pub fn verb_forms(
    lemma: &str,
    irregular: &HashMap<String, [String; 2]>,
) -> Vec<(String, VerbForm)> {
    let (head, tail) = match lemma.split_once(' ') {
        Some((h, t)) => (h, format!(" {t}")),
        None => (lemma, String::new()),
    };
    let mut forms = vec![
        (head.to_string(), VerbForm::Base),
        (third_person(head), VerbForm::ThirdPerson),
    ];
    match irregular.get(head) {
        Some([past, participle]) if past == participle => {
            forms.push((past.clone(), VerbForm::PastOrParticiple));
        }
        Some([past, participle]) => {
            forms.push((past.clone(), VerbForm::Past));
            forms.push((participle.clone(), VerbForm::Participle));
        }
        None => {
            for past in regular_past(head) {
                forms.push((past, VerbForm::PastOrParticiple));
            }
        }
    }
    for gerund in gerunds(head) {
        forms.push((gerund, VerbForm::Gerund));
    }
    forms
        .into_iter()
        .map(|(f, form)| (format!("{f}{tail}"), form))
        .collect()
}

/// A noun and its plural; for a phrase the last word takes the plural.
pub fn noun_forms(noun: &str) -> Vec<String> {
    let plural = match noun.rsplit_once(' ') {
        Some((head, last)) => format!("{head} {}", plural(last)),
        None => plural(noun),
    };
    vec![noun.to_string(), plural]
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// "recalls", "pushes", "denies", "vetoes".
fn third_person(w: &str) -> String {
    if let Some(stem) = w.strip_suffix('y').filter(|_| ends_consonant_y(w)) {
        format!("{stem}ies")
    } else if ["s", "x", "z", "ch", "sh", "o"]
        .iter()
        .any(|s| w.ends_with(s))
    {
        format!("{w}es")
    } else {
        format!("{w}s")
    }
}

fn plural(w: &str) -> String {
    if w.ends_with('o') {
        return format!("{w}s");
    }
    third_person(w)
}

fn ends_consonant_y(w: &str) -> bool {
    let mut rev = w.chars().rev();
    rev.next() == Some('y') && rev.next().is_some_and(|c| !is_vowel(c))
}

/// Ends consonant-vowel-consonant (not w, x, y) with a single vowel: the final
/// consonant may double ("ban" -> "banned").
fn ends_cvc(w: &str) -> bool {
    let chars: Vec<char> = w.chars().rev().take(4).collect();
    match chars.as_slice() {
        [c, v, c0, ..] => {
            !is_vowel(*c) && !matches!(c, 'w' | 'x' | 'y') && is_vowel(*v) && !is_vowel(*c0)
        }
        [c, v] => !is_vowel(*c) && is_vowel(*v),
        _ => false,
    }
}

fn syllables(w: &str) -> usize {
    let mut count = 0;
    let mut prev_vowel = false;
    for c in w.chars() {
        let v = is_vowel(c) || c == 'y';
        if v && !prev_vowel {
            count += 1;
        }
        prev_vowel = v;
    }
    count
}

/// Doubling: always for one syllable, both spellings for longer words.
fn stems_for_suffix(w: &str) -> Vec<String> {
    if !w.is_ascii() || !ends_cvc(w) {
        return vec![w.to_string()];
    }
    let last = w.chars().next_back().map(String::from).unwrap_or_default();
    let doubled = format!("{w}{last}");
    if syllables(w) <= 1 {
        vec![doubled]
    } else {
        vec![w.to_string(), doubled]
    }
}

fn regular_past(w: &str) -> Vec<String> {
    if w.ends_with('e') {
        return vec![format!("{w}d")];
    }
    if let Some(stem) = w.strip_suffix('y').filter(|_| ends_consonant_y(w)) {
        return vec![format!("{stem}ied")];
    }
    stems_for_suffix(w)
        .into_iter()
        .map(|s| format!("{s}ed"))
        .collect()
}

fn gerunds(w: &str) -> Vec<String> {
    if let Some(stem) = w.strip_suffix("ie") {
        return vec![format!("{stem}ying")];
    }
    if w.ends_with("ee") || w.ends_with("ye") || w.ends_with("oe") {
        return vec![format!("{w}ing")];
    }
    if let Some(stem) = w.strip_suffix('e') {
        return vec![format!("{stem}ing")];
    }
    stems_for_suffix(w)
        .into_iter()
        .map(|s| format!("{s}ing"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(lemma: &str) -> Vec<String> {
        let mut irregular = HashMap::new();
        irregular.insert(
            "withdraw".to_string(),
            ["withdrew".to_string(), "withdrawn".to_string()],
        );
        irregular.insert("cut".to_string(), ["cut".to_string(), "cut".to_string()]);
        verb_forms(lemma, &irregular)
            .into_iter()
            .map(|(f, _)| f)
            .collect()
    }

    #[test]
    fn regular_verbs() {
        assert_eq!(
            forms("recall"),
            ["recall", "recalls", "recalled", "recalling"]
        );
        assert_eq!(forms("seize"), ["seize", "seizes", "seized", "seizing"]);
        assert_eq!(forms("deny"), ["deny", "denies", "denied", "denying"]);
        assert_eq!(forms("ban"), ["ban", "bans", "banned", "banning"]);
        assert_eq!(
            forms("detain"),
            ["detain", "detains", "detained", "detaining"]
        );
        assert_eq!(
            forms("deploy"),
            ["deploy", "deploys", "deployed", "deploying"]
        );
        assert_eq!(
            forms("impose"),
            ["impose", "imposes", "imposed", "imposing"]
        );
        assert!(forms("expel").contains(&"expelled".to_string()));
        assert!(forms("visit").contains(&"visited".to_string()));
        assert_eq!(forms("die"), ["die", "dies", "died", "dying"]);
    }

    #[test]
    fn irregular_verbs_and_phrases() {
        assert_eq!(
            forms("withdraw"),
            [
                "withdraw",
                "withdraws",
                "withdrew",
                "withdrawn",
                "withdrawing"
            ]
        );
        assert_eq!(
            forms("cut ties"),
            ["cut ties", "cuts ties", "cut ties", "cutting ties"]
        );
    }

    #[test]
    fn plurals() {
        assert_eq!(noun_forms("withdrawal"), ["withdrawal", "withdrawals"]);
        assert_eq!(
            noun_forms("military coup"),
            ["military coup", "military coups"]
        );
        assert_eq!(noun_forms("strategy"), ["strategy", "strategies"]);
        assert_eq!(noun_forms("crash"), ["crash", "crashes"]);
    }
}
