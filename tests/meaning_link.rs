//! Linking by meaning on small corpora of our own (invented sentences, written to temporary
//! folders with a `corpus.toml`): value claims of two reports that state one fact meet in a
//! slot linked by meaning and are checked there; values of different facts, running counts
//! and sub-groups are not set against each other.

mod common;

use claimcheck::check::{self, Finding};
use claimcheck::extract::{TimeValue, ValueFacet};
use claimcheck::pipeline::{self, Analysis, StoryGraph};

/// One invented report: its file name, publication date and text.
struct Report {
    file: &'static str,
    published: &'static str,
    text: &'static str,
}

const fn report(file: &'static str, published: &'static str, text: &'static str) -> Report {
    Report {
        file,
        published,
        text,
    }
}

struct Checked {
    analysis: Analysis,
    graphs: Vec<StoryGraph>,
    findings: Vec<Finding>,
    /// Kept so the corpus outlives the check.
    _dir: tempfile::TempDir,
}

/// Writes the reports and their manifest to a temporary folder (one story) and checks it
/// with the built-in rules.
fn check(reports: &[Report]) -> Checked {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut manifest = String::new();
    for (n, r) in reports.iter().enumerate() {
        std::fs::write(dir.path().join(r.file), format!("{}\n", r.text)).expect("write report");
        manifest.push_str(&format!(
            "[[document]]\npath = \"{}\"\nsource = \"Outlet {n}\"\npublished = \"{}\"\n\n",
            r.file, r.published
        ));
    }
    std::fs::write(dir.path().join("corpus.toml"), manifest).expect("write manifest");
    let rules = check::load(&[]).expect("built-in rules");
    let analysis = pipeline::analyse(&[dir.path().to_path_buf()], common::knowledge());
    assert!(
        analysis.corpus.diagnostics.is_empty(),
        "{:?}",
        analysis.corpus.diagnostics
    );
    assert_eq!(analysis.corpus.documents.len(), reports.len());
    let (graphs, findings) = pipeline::check(&analysis, &rules, common::knowledge());
    Checked {
        analysis,
        graphs,
        findings,
        _dir: dir,
    }
}

impl Checked {
    /// The findings of one rule kind (quantity, date, polarity, actor ...).
    fn of_kind(&self, kind: &str) -> Vec<&Finding> {
        self.findings.iter().filter(|f| f.kind == kind).collect()
    }

    /// Whether a slot linked by meaning holds claims of every document whose value text is
    /// one of `values`, one claim each.
    fn linked_by_meaning(&self, values: &[&str]) -> bool {
        self.graphs.iter().any(|g| {
            let claims = &self.analysis.claims[g.story.claims.clone()];
            g.graph.slots.iter().any(|s| {
                !s.links.is_empty()
                    && values.iter().all(|v| {
                        s.claims.iter().any(|&c| {
                            let claim = &claims[c];
                            claim.about.is_some()
                                && claim.quantity.as_ref().is_some_and(|q| &*q.text == *v)
                        })
                    })
            })
        })
    }
}

/// The values of a finding's sides, sorted.
fn values(f: &Finding) -> Vec<&str> {
    let mut v: Vec<&str> = f.sides.iter().map(|s| s.value.as_str()).collect();
    v.sort_unstable();
    v
}

fn describe(findings: &[Finding]) -> Vec<String> {
    findings
        .iter()
        .map(|f| format!("{} [{}] {:?}", f.rule, f.slot, values(f)))
        .collect()
}

#[test]
fn a_count_worded_two_ways_is_linked_and_its_mismatch_flagged() {
    let c = check(&[
        report(
            "a.txt",
            "2030-03-02",
            "Nineteen fishermen were rescued off the northern cape on Sunday, the navy said.",
        ),
        report(
            "b.txt",
            "2030-03-02",
            "The coastguard rescued 23 fishermen off the northern cape on Sunday.",
        ),
    ]);
    assert!(
        c.linked_by_meaning(&["Nineteen fishermen", "23 fishermen"]),
        "{:?}",
        describe(&c.findings)
    );
    let quantity = c.of_kind("quantity");
    assert!(
        quantity
            .iter()
            .any(|f| values(f) == ["23 fishermen", "Nineteen fishermen"]),
        "{:?}",
        describe(&c.findings)
    );
}

#[test]
fn killed_and_injured_are_different_measures() {
    let c = check(&[
        report(
            "a.txt",
            "2030-03-02",
            "The storm killed 12 people in the river town of Arlo, officials said.",
        ),
        report(
            "b.txt",
            "2030-03-02",
            "The storm injured 40 people in the river town of Arlo, officials said.",
        ),
    ]);
    assert!(
        c.of_kind("quantity").is_empty(),
        "{:?}",
        describe(&c.findings)
    );
}

#[test]
fn a_toll_that_rose_between_two_reports_is_not_flagged() {
    let c = check(&[
        report(
            "a.txt",
            "2030-03-02",
            "The earthquake killed 31 people in the hill town of Veska, officials said.",
        ),
        report(
            "b.txt",
            "2030-03-04",
            "The death toll from the earthquake in Veska has now risen to 58 people, officials said.",
        ),
    ]);
    // The two figures are one measure ...
    assert!(
        c.linked_by_meaning(&["31 people", "58 people"]),
        "{:?}",
        describe(&c.findings)
    );
    // ... counted at two times.
    assert!(
        c.of_kind("quantity").is_empty(),
        "{:?}",
        describe(&c.findings)
    );
}

const NINE: &str =
    "Nine firefighters were injured while fighting the warehouse blaze in Orlin, the fire service said.";

#[test]
fn a_smaller_sub_group_is_not_flagged() {
    let c = check(&[
        report("a.txt", "2030-03-02", NINE),
        report(
            "b.txt",
            "2030-03-02",
            "Six volunteer firefighters were injured while fighting the warehouse blaze in Orlin, the fire service said.",
        ),
    ]);
    assert!(
        c.linked_by_meaning(&["Nine firefighters", "Six volunteer firefighters"]),
        "{:?}",
        describe(&c.findings)
    );
    assert!(
        c.of_kind("quantity").is_empty(),
        "{:?}",
        describe(&c.findings)
    );
}

#[test]
fn a_sub_group_larger_than_the_whole_is_flagged() {
    let c = check(&[
        report("a.txt", "2030-03-02", NINE),
        report(
            "b.txt",
            "2030-03-02",
            "Fourteen volunteer firefighters were injured while fighting the warehouse blaze in Orlin, the fire service said.",
        ),
    ]);
    assert!(
        c.of_kind("quantity")
            .iter()
            .any(|f| values(f) == ["Fourteen volunteer firefighters", "Nine firefighters"]),
        "{:?}",
        describe(&c.findings)
    );
}

#[test]
fn a_negated_statement_against_an_affirmed_one_is_flagged() {
    let c = check(&[
        report(
            "a.txt",
            "2030-03-02",
            "The council did not approve the budget for the new harbour on Tuesday.",
        ),
        report(
            "b.txt",
            "2030-03-02",
            "The council approved the budget for the new harbour on Tuesday.",
        ),
    ]);
    let polarity = c.of_kind("polarity");
    assert!(
        polarity.iter().any(|f| {
            let v = values(f);
            v.len() == 2 && v.iter().any(|s| s.starts_with("not approve")) && v.contains(&"approve")
        }),
        "{:?}",
        describe(&c.findings)
    );
}

#[test]
fn a_name_that_opens_one_sentence_still_names_the_same_actor() {
    // "Harwick" opens the second sentence, where its capital proves nothing; the name
    // after it makes it part of the name "Harwick Mills", which the first one shares.
    let c = check(&[
        report(
            "a.txt",
            "2030-03-02",
            "The board said Harwick has not paid the ransom demanded by the gang.",
        ),
        report(
            "b.txt",
            "2030-03-02",
            "Harwick Mills paid the ransom demanded by the gang within hours.",
        ),
    ]);
    let polarity = c.of_kind("polarity");
    assert!(
        polarity.iter().any(|f| {
            let v = values(f);
            v.len() == 2 && v.iter().any(|s| s.starts_with("not pay")) && v.contains(&"pay")
        }),
        "{:?}",
        describe(&c.findings)
    );
}

#[test]
fn a_planned_date_is_not_set_against_the_date_it_happened() {
    let c = check(&[
        report(
            "a.txt",
            "2030-03-04",
            "Peru's president, Ana Ruiz, told the speaker of parliament on Saturday that she would resign on Wednesday.",
        ),
        report(
            "b.txt",
            "2030-03-08",
            "Peru's president, Ana Ruiz, resigned late on Thursday evening and left Lima.",
        ),
    ]);
    assert!(c.of_kind("date").is_empty(), "{:?}", describe(&c.findings));
}

#[test]
fn two_names_for_the_first_to_act_are_flagged() {
    let c = check(&[
        report(
            "a.txt",
            "2030-03-02",
            "Norland has become the first country to close its ports to the trawler fleet.",
        ),
        report(
            "b.txt",
            "2030-03-03",
            "Velmark was the first country to shut its harbours, officials said.",
        ),
        // "The first day" names no one who was first.
        report(
            "c.txt",
            "2030-03-03",
            "On the first day of the dispute, the trawler fleet stayed at sea.",
        ),
    ]);
    let actor = c.of_kind("actor");
    assert!(
        actor
            .iter()
            .any(|f| values(f) == ["Norland was first", "Velmark was first"]
                && f.message.starts_with("Sources disagree on who was first: ")),
        "{:?}",
        c.findings.iter().map(|f| &f.message).collect::<Vec<_>>()
    );
}

#[test]
fn two_agents_of_one_passive_are_flagged_but_not_two_reporters() {
    let c = check(&[
        report(
            "a.txt",
            "2030-03-02",
            "The leak was first detected by engineers at Norland Polytechnic last spring.",
        ),
        report(
            "b.txt",
            "2030-03-03",
            "The leak was detected by the Velmark Water Board's own sensors.",
        ),
        // A verb of speech names who told it, not who did it.
        report(
            "c.txt",
            "2030-03-03",
            "The leak was reported by Harbor Radio on Friday.",
        ),
    ]);
    let actor = c.of_kind("actor");
    assert!(
        actor
            .iter()
            .any(|f| values(f) == ["by Norland Polytechnic", "by Velmark Water Board"]),
        "{:?}",
        describe(&c.findings)
    );
    assert!(
        actor
            .iter()
            .all(|f| !values(f).iter().any(|v| v.contains("Harbor"))),
        "{:?}",
        describe(&c.findings)
    );
}

#[test]
fn dates_of_two_different_acts_are_not_compared() {
    let c = check(&[
        report(
            "a.txt",
            "2030-03-05",
            "The deposed governor of Tarvo fled the island early on Wednesday aboard a navy plane.",
        ),
        report(
            "b.txt",
            "2030-03-07",
            "The deposed governor of Tarvo arrived at Norland airport on Thursday aboard a navy plane.",
        ),
    ]);
    assert!(c.of_kind("date").is_empty(), "{:?}", describe(&c.findings));
}

#[test]
fn a_state_since_a_day_is_not_set_against_the_date_of_another_event() {
    let c = check(&[
        report(
            "a.txt",
            "2030-07-14",
            "Farmers who had occupied the Tarvo ministry since July 9 began to leave on Thursday.",
        ),
        report(
            "b.txt",
            "2030-07-12",
            "There was tear gas outside the Tarvo ministry this afternoon.",
        ),
    ]);
    assert!(c.of_kind("date").is_empty(), "{:?}", describe(&c.findings));
}

#[test]
fn two_owners_of_one_ship_are_flagged() {
    let c = check(&[
        report(
            "a.txt",
            "2030-03-02",
            "The ferry Sea Lark, owned by Harbor Lines, ran aground near Tarn Island.",
        ),
        report(
            "b.txt",
            "2030-03-02",
            "The Sea Lark ferry ran aground near Tarn Island, its owner, Delta Shipping, said.",
        ),
    ]);
    let actor = c.of_kind("actor");
    assert!(
        actor.iter().any(|f| {
            let v = values(f);
            v.iter().any(|s| s.contains("Harbor Lines"))
                && v.iter().any(|s| s.contains("Delta Shipping"))
        }),
        "{:?}",
        describe(&c.findings)
    );
}

#[test]
fn weekdays_resolved_against_their_publication_dates_are_flagged() {
    // Published on Monday 4 March 2030 and on Tuesday 5 March 2030: "on Monday" is the
    // 4th, "on Wednesday" the Wednesday before the 5th, 27 February.
    let c = check(&[
        report(
            "a.txt",
            "2030-03-04",
            "The cargo ship Grey Heron sank on Monday off the coast of Tarn Island.",
        ),
        report(
            "b.txt",
            "2030-03-05",
            "The cargo ship Grey Heron sank on Wednesday off the coast of Tarn Island.",
        ),
    ]);
    let dates: Vec<(String, Option<u8>, Option<u8>)> = c
        .analysis
        .claims
        .iter()
        .filter(|cl| {
            cl.about
                .as_ref()
                .is_some_and(|a| a.facet == ValueFacet::Date)
        })
        .filter_map(|cl| {
            let t = cl.time.as_ref()?;
            match &t.value {
                TimeValue::Point { date: Some(d), .. } => {
                    Some((t.text.to_string(), d.month, d.day))
                }
                _ => None,
            }
        })
        .collect();
    assert!(
        dates.contains(&("Monday".to_string(), Some(3), Some(4))),
        "{dates:?}"
    );
    assert!(
        dates.contains(&("Wednesday".to_string(), Some(2), Some(27))),
        "{dates:?}"
    );
    assert!(
        c.of_kind("date")
            .iter()
            .any(|f| values(f) == ["Monday", "Wednesday"]),
        "{:?}",
        describe(&c.findings)
    );
}

#[test]
fn counts_an_order_of_magnitude_apart_are_two_facts() {
    // Both count the festival's visitors, but one the day's and the other those at the
    // gate before dawn: values 40 times apart are not one misreported figure.
    let c = check(&[
        report(
            "a.txt",
            "2030-05-10",
            "About 12,000 visitors came to the Dunmore harbour festival on Saturday.",
        ),
        report(
            "b.txt",
            "2030-05-10",
            "Some 300 visitors came to the Dunmore harbour festival gate before dawn on Saturday.",
        ),
    ]);
    assert!(
        !c.linked_by_meaning(&["About 12,000 visitors", "Some 300 visitors"]),
        "{:?}",
        describe(&c.findings)
    );
}

#[test]
fn a_duration_worded_two_ways_is_linked_and_its_mismatch_flagged() {
    let c = check(&[
        report(
            "a.txt",
            "2030-05-10",
            "The blackout across the island of Veska lasted nine hours, the grid operator said.",
        ),
        report(
            "b.txt",
            "2030-05-10",
            "Power returned to Veska after a four-hour blackout, the grid operator said.",
        ),
    ]);
    let duration = c.of_kind("duration");
    assert!(
        duration
            .iter()
            .any(|f| values(f) == ["four-hour", "nine hours"]),
        "{:?}",
        describe(&c.findings)
    );
}

#[test]
fn times_of_day_of_one_date_conflict_or_agree_at_their_precision() {
    let evening = "A grain warehouse in the port of Tarvo exploded shortly after 6 p.m. on 4 August 2030, officials said.";
    let c = check(&[
        report("a.txt", "2030-08-05", evening),
        report(
            "b.txt",
            "2030-08-05",
            "The grain warehouse in the port of Tarvo exploded at 6:07 a.m. on 4 August 2030.",
        ),
    ]);
    let date = c.of_kind("date");
    assert!(
        date.iter().any(|f| values(f)
            == [
                "4 August 2030 (6:07 a.m.)",
                "4 August 2030 (shortly after 6 p.m.)"
            ]),
        "{:?}",
        describe(&c.findings)
    );
    // 6:07 p.m. is shortly after 6 p.m.
    let c = check(&[
        report("a.txt", "2030-08-05", evening),
        report(
            "b.txt",
            "2030-08-05",
            "The grain warehouse in the port of Tarvo exploded at 6:07 p.m. on 4 August 2030.",
        ),
    ]);
    assert!(c.of_kind("date").is_empty(), "{:?}", describe(&c.findings));
}

#[test]
fn lengths_of_time_four_times_apart_are_two_spans() {
    // The climbers were found after 17 days and brought down after 69: two spans, not one
    // misreported.
    let c = check(&[
        report(
            "a.txt",
            "2030-09-01",
            "The climbers on Mount Arvel were found alive after 17 days, the rescue team said.",
        ),
        report(
            "b.txt",
            "2030-09-01",
            "The climbers on Mount Arvel came down after 69 days on the mountain.",
        ),
    ]);
    assert!(
        c.of_kind("duration").is_empty(),
        "{:?}",
        describe(&c.findings)
    );
}
