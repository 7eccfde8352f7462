//! Text for people, in Swedish or English: the labels of tables, workbooks
//! and explanations, and figures written the way the reader expects.
//!
//! Machine formats (JSON, CSV for import) never go through this module:
//! they stay plain (`1250000.50`) whatever the language.
//!
//! ```
//! use andel::text::{Lang, figure};
//! let lang = Lang::default_for("SEK");
//! assert_eq!(lang, Lang::Sv);
//! assert_eq!(figure("-1250000.50".parse()?, lang), "-1\u{202f}250\u{202f}000,50");
//! assert_eq!(lang.labels().total, "totalt");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod figures;
mod labels;

pub use figures::{NARROW_NBSP, approx, currency_symbol, figure, fraction, grouped, money, signed};
pub use labels::Labels;

use crate::error::Error;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The language of human-readable output.
///
/// Written `sv` or `en` in options and files (`"sv".parse()`), the same
/// in every runtime.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Swedish (sv-SE): Swedish labels, thousands separated by a narrow
    /// no-break space (U+202F), a decimal comma and `kr` for kronor.
    Sv,
    /// English: English labels and plain figures (`1250000.50`).
    En,
}

impl Lang {
    /// Both languages, Swedish first.
    pub const ALL: [Lang; 2] = [Lang::Sv, Lang::En];

    /// The language a plan in `currency` is shown in by default: Swedish
    /// for Swedish kronor (`SEK`), English for every other currency.
    ///
    /// ```
    /// use andel::text::Lang;
    /// assert_eq!(Lang::default_for("SEK"), Lang::Sv);
    /// assert_eq!(Lang::default_for("EUR"), Lang::En);
    /// ```
    pub fn default_for(currency: &str) -> Lang {
        if currency.eq_ignore_ascii_case("SEK") {
            Lang::Sv
        } else {
            Lang::En
        }
    }

    /// The code of the language: `sv` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    /// The labels of human-readable output in this language.
    pub fn labels(self) -> &'static Labels {
        match self {
            Lang::Sv => &labels::SV,
            Lang::En => &labels::EN,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = Error;

    /// `sv` or `en` (case as written); anything else is
    /// `unknown_language`.
    ///
    /// ```
    /// use andel::text::Lang;
    /// assert_eq!("en".parse::<Lang>()?, Lang::En);
    /// assert_eq!("de".parse::<Lang>().unwrap_err().code(), "unknown_language");
    /// # Ok::<(), andel::Error>(())
    /// ```
    fn from_str(name: &str) -> Result<Self, Error> {
        Lang::ALL
            .into_iter()
            .find(|l| l.code() == name)
            .ok_or_else(|| Error::UnknownLanguage {
                name: name.to_string(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back() {
        for lang in Lang::ALL {
            assert_eq!(lang.code().parse::<Lang>().unwrap(), lang);
            assert_eq!(serde_json::to_string(&lang).unwrap(), format!("\"{lang}\""));
        }
        assert!("SV".parse::<Lang>().is_err());
        assert!("".parse::<Lang>().is_err());
    }

    #[test]
    fn swedish_only_for_kronor() {
        assert_eq!(Lang::default_for("SEK"), Lang::Sv);
        assert_eq!(Lang::default_for("sek"), Lang::Sv);
        assert_eq!(Lang::default_for("NOK"), Lang::En);
        assert_eq!(Lang::default_for(""), Lang::En);
    }
}
