//! Shows what the lexicons and parsers find in each line of standard input: entities,
//! actions, cues, quantities and times, with the matched text. A tool for lexicon
//! authors: `echo "France recalled its ambassador." | cargo run --example inspect_sentence`.

fn main() {
    let lex = claimcheck::extract::Knowledge::builtin();
    for line in std::io::stdin().lines() {
        let line = line.expect("standard input is readable");
        println!("{line}");
        for e in lex.entities(&line) {
            println!(
                "  E {:?} {} {:?}",
                &line[e.range.clone()],
                e.entity.name,
                e.form
            );
        }
        for a in lex.actions(&line) {
            println!(
                "  A {:?} {} {:?} nominal={}",
                &line[a.range.clone()],
                a.action.name,
                a.action.scope,
                a.nominal
            );
        }
        for c in lex.cues(&line) {
            println!(
                "  C {:?} {:?} {}",
                &line[c.range.clone()],
                c.kind,
                c.canonical
            );
        }
        for q in claimcheck::extract::quantity::find_quantities(&line, lex.units()) {
            println!(
                "  Q {:?} {:?} {:?} {:?}",
                &line[q.range.clone()],
                q.value,
                q.unit,
                q.change
            );
        }
        for t in claimcheck::extract::time::find_times(&line, None, lex.units()) {
            println!("  T {:?} {:?}", &line[t.range.clone()], t.value);
        }
    }
}
