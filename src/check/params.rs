//! Typed rule parameters: each kind declares its parameter struct with [`rule_params!`]
//! (field, type, default and doc comment in one place), parsed when a rule loads so that
//! a value of the wrong type, an unknown name or a negative tolerance is an error.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::any::Any;
use std::fmt;
use std::sync::Arc;

/// One parameter as `claimcheck explain` documents it.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    pub name: &'static str,
    /// What values it takes ("a number, 0 or more").
    pub ty: &'static str,
    /// The TOML type of its values, as configuration errors name it ("a number").
    pub toml: &'static str,
    /// Its doc comment, one line per line of the comment.
    pub doc: &'static str,
}

/// A parameter struct made by [`rule_params!`].
pub trait Schema: Default + Serialize + DeserializeOwned + Send + Sync + 'static {
    /// The parameters, in the order declared.
    const FIELDS: &'static [Field];
}

/// A parameter's type, as documented.
pub trait ParamType {
    /// What values it takes.
    const NAME: &'static str;
    /// Its TOML type.
    const TOML: &'static str;
}

/// A relative tolerance: a fraction of the value, 0 or more (0.05 = 5%).
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Deserialize, Serialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct Ratio(pub f64);

impl TryFrom<f64> for Ratio {
    type Error = String;
    fn try_from(v: f64) -> Result<Ratio, String> {
        if v.is_finite() && v >= 0.0 {
            Ok(Ratio(v))
        } else {
            Err(format!(
                "a tolerance is a fraction of the value, 0 or more (0.05 = 5%), not {v}"
            ))
        }
    }
}

impl From<Ratio> for f64 {
    fn from(r: Ratio) -> f64 {
        r.0
    }
}

impl ParamType for Ratio {
    const NAME: &'static str = "a number, 0 or more";
    const TOML: &'static str = "a number";
}

/// A list of words, compared in lower case (read in lower case).
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(from = "Vec<String>", into = "Vec<String>")]
pub struct Words(pub Vec<String>);

impl From<Vec<String>> for Words {
    fn from(v: Vec<String>) -> Words {
        Words(v.into_iter().map(|w| w.to_lowercase()).collect())
    }
}

impl From<Words> for Vec<String> {
    fn from(w: Words) -> Vec<String> {
        w.0
    }
}

impl Words {
    /// Whether the list holds `word` (already in lower case).
    pub fn contains(&self, word: &str) -> bool {
        self.0.iter().any(|w| w == word)
    }
}

impl ParamType for Words {
    const NAME: &'static str = "a list of words";
    const TOML: &'static str = "a list";
}

/// A kind's parameter struct: field, type, default and doc comment in one place. Makes
/// the struct (serde, unknown fields denied, missing ones defaulted) and its [`Schema`].
macro_rules! rule_params {
    (
        $(#[doc = $sdoc:literal])*
        pub struct $name:ident {
            $( $(#[doc = $doc:literal])* $field:ident : $ty:ty = $default:expr ),* $(,)?
        }
    ) => {
        $(#[doc = $sdoc])*
        #[derive(Clone, Debug, PartialEq, serde::Deserialize, serde::Serialize)]
        #[serde(deny_unknown_fields, default)]
        pub struct $name {
            $( $(#[doc = $doc])* pub $field: $ty, )*
        }

        impl Default for $name {
            fn default() -> Self {
                Self { $( $field: $default, )* }
            }
        }

        impl $crate::check::params::Schema for $name {
            const FIELDS: &'static [$crate::check::params::Field] = &[$(
                $crate::check::params::Field {
                    name: stringify!($field),
                    ty: <$ty as $crate::check::params::ParamType>::NAME,
                    toml: <$ty as $crate::check::params::ParamType>::TOML,
                    doc: concat!($($doc, "\n"),*),
                }
            ),*];
        }
    };
}
pub(crate) use rule_params;

rule_params! {
    /// The parameters of a kind that takes none.
    pub struct NoParams {}
}

/// A rule's parameters, parsed into its kind's struct.
#[derive(Clone)]
pub struct Params(Arc<dyn Any + Send + Sync>);

impl fmt::Debug for Params {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Params(..)")
    }
}

impl Params {
    /// The parameters as the kind's struct `P`. Rules are only built with their kind's
    /// parameters ([`Parser`]), so another `P` is a bug in the kind.
    pub fn get<P: 'static>(&self) -> &P {
        self.0
            .downcast_ref::<P>()
            .expect("a rule's parameters are of its kind's struct")
    }
}

/// How a kind reads and documents its parameters.
#[derive(Clone, Copy)]
pub struct Parser {
    /// The parameters, in the order declared.
    pub fields: &'static [Field],
    /// Reads the `[params]` table of a whole rule file (errors carry positions in it).
    pub from_file: fn(&str) -> Result<Params, toml::de::Error>,
    /// Reads a table of values (a rule's own with a configuration's over them).
    pub from_table: fn(&toml::Table) -> Result<Params, toml::de::Error>,
    /// The defaults, as TOML values by name.
    pub defaults: fn() -> toml::Table,
}

impl fmt::Debug for Parser {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.fields.iter().map(|p| p.name).collect();
        write!(f, "Parser({names:?})")
    }
}

impl Parser {
    /// The parser of the parameter struct `P`.
    pub const fn of<P: Schema>() -> Parser {
        Parser {
            fields: P::FIELDS,
            from_file: from_file::<P>,
            from_table: from_table::<P>,
            defaults: defaults::<P>,
        }
    }

    /// The names of the parameters.
    pub fn names(&self) -> Vec<&'static str> {
        self.fields.iter().map(|p| p.name).collect()
    }

    /// The parameter called `name`.
    pub fn field(&self, name: &str) -> Option<&'static Field> {
        self.fields.iter().find(|p| p.name == name)
    }
}

fn from_file<P: Schema>(text: &str) -> Result<Params, toml::de::Error> {
    /// A rule file as far as its parameters go.
    #[derive(Deserialize)]
    struct File<P> {
        params: Option<P>,
    }
    let file: File<P> = toml::from_str(text)?;
    Ok(Params(Arc::new(file.params.unwrap_or_default())))
}

fn from_table<P: Schema>(table: &toml::Table) -> Result<Params, toml::de::Error> {
    let p = P::deserialize(toml::Value::Table(table.clone()))?;
    Ok(Params(Arc::new(p)))
}

fn defaults<P: Schema>() -> toml::Table {
    toml::Table::try_from(P::default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    rule_params! {
        /// Test parameters.
        pub struct Sample {
            /// Slack.
            /// Second line.
            slack: Ratio = Ratio(0.5),
            /// Words.
            words: Words = Words::default(),
        }
    }

    #[test]
    fn defaults_fill_missing_fields_and_bad_values_are_errors() {
        let parser = Parser::of::<Sample>();
        let p = (parser.from_file)("id = \"x\"\n[params]\nwords = [\"Dead\"]\n").unwrap();
        let s = p.get::<Sample>();
        assert_eq!(s.slack, Ratio(0.5));
        assert!(s.words.contains("dead"));
        for bad in ["slack = \"lots\"", "slack = -0.1", "speed = 2"] {
            let text = format!("[params]\n{bad}\n");
            let err = (parser.from_file)(&text).expect_err(bad);
            assert_eq!(err.span().map(|s| s.start > 0), Some(true), "{bad}: {err}");
        }
        assert_eq!(parser.fields[0].doc, " Slack.\n Second line.\n");
        assert_eq!(parser.fields[0].ty, "a number, 0 or more");
        assert_eq!((parser.defaults)()["slack"], toml::Value::Float(0.5));
    }
}
